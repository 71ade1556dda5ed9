/* History: recorded steps for exact undo, checkpoints for random access.
 *
 * Records form one contiguous window of steps ending at the current
 * position; stepping back pops from its end. Checkpoints are snapshots at
 * steps 0, interval, 2*interval, ... taken the first time execution passes
 * them (forward or in replay), so seeking anywhere costs one restore and
 * at most `interval` fast-path steps. */
#include <ringside/history.h>

#include <stdlib.h>
#include <string.h>

#define DEFAULT_INTERVAL 4096u
#define MAX_RECORDS 65536u   /* older records are dropped; seek rebuilds them */

struct rs_history {
  rs_machine *m;
  uint32_t interval;
  rs_snapshot **cps;       /* cps[i]: state at step i * interval */
  size_t n_cps, cap_cps;
  rs_step_record *recs;    /* records of steps rec_lo .. rec_lo + n_recs - 1 */
  size_t n_recs, cap_recs;
  uint64_t rec_lo;
  uint64_t max_steps;
  uint32_t end_eip;
};

rs_history *rs_history_new(rs_machine *m, uint32_t interval) {
  rs_history *h = calloc(1, sizeof *h);
  if (!h) return NULL;
  h->m = m;
  h->interval = interval ? interval : DEFAULT_INTERVAL;
  h->max_steps = UINT64_MAX;
  h->end_eip = UINT32_MAX;
  h->cps = malloc(sizeof *h->cps);
  if (!h->cps || !(h->cps[0] = rs_machine_snapshot(m))) {
    rs_history_free(h);
    return NULL;
  }
  h->n_cps = h->cap_cps = 1;
  return h;
}

static void drop_records(rs_history *h) {
  for (size_t i = 0; i < h->n_recs; i++) rs_step_record_free(&h->recs[i]);
  h->n_recs = 0;
}

void rs_history_free(rs_history *h) {
  if (!h) return;
  drop_records(h);
  free(h->recs);
  for (size_t i = 0; i < h->n_cps; i++) rs_snapshot_free(h->cps[i]);
  free(h->cps);
  free(h);
}

void rs_history_set_end(rs_history *h, uint64_t max_steps, uint32_t end_eip) {
  h->max_steps = max_steps;
  h->end_eip = end_eip;
}

uint64_t rs_history_position(const rs_history *h) { return rs_machine_step_count(h->m); }

bool rs_history_at_end(const rs_history *h) {
  const rs_machine *m = h->m;
  if (rs_machine_stopped(m) || rs_machine_step_count(m) >= h->max_steps) return true;
  return h->end_eip != UINT32_MAX && rs_machine_cpu_const(m)->eip == h->end_eip &&
         rs_machine_next_is_instruction(m);
}

/* Takes a checkpoint if the machine sits on the next one due. */
static void maybe_checkpoint(rs_history *h) {
  uint64_t pos = rs_history_position(h);
  if (pos % h->interval || pos / h->interval != h->n_cps) return;
  if (h->n_cps == h->cap_cps) {
    size_t cap = h->cap_cps * 2;
    rs_snapshot **n = realloc(h->cps, cap * sizeof *n);
    if (!n) return; /* no checkpoint: seeks get slower, never wrong */
    h->cps = n;
    h->cap_cps = cap;
  }
  rs_snapshot *s = rs_machine_snapshot(h->m);
  if (s) h->cps[h->n_cps++] = s;
}

/* A free record slot at the end of the window. */
static rs_step_record *next_slot(rs_history *h) {
  if (h->n_recs == MAX_RECORDS) {
    size_t drop = MAX_RECORDS / 2;
    for (size_t i = 0; i < drop; i++) rs_step_record_free(&h->recs[i]);
    memmove(h->recs, h->recs + drop, (h->n_recs - drop) * sizeof *h->recs);
    h->n_recs -= drop;
    h->rec_lo += drop;
  }
  if (h->n_recs == h->cap_recs) {
    size_t cap = h->cap_recs ? h->cap_recs * 2 : 64;
    rs_step_record *n = realloc(h->recs, cap * sizeof *n);
    if (!n) return NULL;
    h->recs = n;
    h->cap_recs = cap;
  }
  rs_step_record *r = &h->recs[h->n_recs];
  rs_step_record_init(r);
  return r;
}

bool rs_history_forward(rs_history *h) {
  if (rs_history_at_end(h)) return false;
  if (h->n_recs == 0) h->rec_lo = rs_history_position(h);
  rs_step_record *r = next_slot(h);
  if (!r) return false;
  if (!rs_machine_step(h->m, r)) {
    rs_step_record_free(r);
    return false;
  }
  h->n_recs++;
  maybe_checkpoint(h);
  return true;
}

/* Runs fast-path steps until `goal` or the end, in rs_machine_run chunks
 * that stop at every checkpoint due (and at the end's step count and
 * address, which rs_machine_run checks as rs_history_at_end does). */
static void replay_to(rs_history *h, uint64_t goal) {
  while (rs_history_position(h) < goal && !rs_history_at_end(h)) {
    uint64_t pos = rs_history_position(h);
    uint64_t stop = (pos / h->interval + 1) * h->interval;
    if (stop > goal) stop = goal;
    if (stop > h->max_steps) stop = h->max_steps;
    if (rs_machine_run(h->m, stop - pos, h->end_eip) == 0) break;
    maybe_checkpoint(h);
  }
}

uint64_t rs_history_seek(rs_history *h, uint64_t n) {
  uint64_t pos = rs_history_position(h);
  if (n == pos) return pos;
  if (n > pos && h->n_recs && n == pos + 1) {
    rs_history_forward(h);
    return rs_history_position(h);
  }
  drop_records(h);
  /* Restore the nearest checkpoint at or before the step before n, unless
   * going forward from where we are is at least as close. */
  uint64_t before = n ? n - 1 : 0;
  size_t k = (size_t)(before / h->interval);
  if (k >= h->n_cps) k = h->n_cps - 1;
  if (!(n > pos && pos >= (uint64_t)k * h->interval)) rs_machine_restore(h->m, h->cps[k]);
  replay_to(h, before);
  if (rs_history_position(h) < before) {
    /* The scenario ends earlier: go to its last step instead. */
    return rs_history_seek(h, rs_history_position(h));
  }
  if (n > 0) rs_history_forward(h);
  return rs_history_position(h);
}

bool rs_history_back(rs_history *h) {
  uint64_t pos = rs_history_position(h);
  if (pos == 0) return false;
  if (h->n_recs && h->rec_lo + h->n_recs == pos) {
    rs_step_record *r = &h->recs[h->n_recs - 1];
    rs_machine_undo(h->m, r);
    rs_step_record_free(r);
    h->n_recs--;
    if (h->n_recs == 0 && pos - 1 > 0) rs_history_seek(h, pos - 1); /* keep the shown step recorded */
    return true;
  }
  rs_history_seek(h, pos - 1);
  return true;
}

const rs_step_record *rs_history_last(const rs_history *h) {
  uint64_t pos = rs_history_position(h);
  if (pos == 0 || !h->n_recs || h->rec_lo + h->n_recs != pos) return NULL;
  return &h->recs[h->n_recs - 1];
}

size_t rs_history_memory(const rs_history *h) {
  size_t bytes = sizeof *h + h->cap_cps * sizeof *h->cps + h->cap_recs * sizeof *h->recs;
  for (size_t i = 0; i < h->n_cps; i++) bytes += rs_snapshot_size(h->cps[i]);
  for (size_t i = 0; i < h->n_recs; i++) bytes += h->recs[i].cap_effects * sizeof(rs_effect);
  return bytes;
}
