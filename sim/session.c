/* Sessions: a scenario, its machine and history, and the timeline of the
 * whole run computed once on the fast path. */
#include <ringside/session.h>

#include <stdlib.h>

struct rs_session {
  rs_scenario *scenario;
  rs_machine *machine;
  rs_history *history;
  rs_step_summary *timeline;
  size_t length;
};

/* Runs a copy of the initial machine to the scenario's end, noting each
 * step. */
static bool scan_timeline(rs_session *s) {
  rs_machine *m = rs_scenario_new_machine(s->scenario);
  if (!m) return false;
  size_t cap = 256, n = 0;
  rs_step_summary *tl = malloc(cap * sizeof *tl);
  bool ok = tl != NULL;
  while (ok && !rs_scenario_finished(s->scenario, m)) {
    const rs_cpu *c = rs_machine_cpu_const(m);
    rs_step_summary st = { .eip = c->eip, .cpl_before = (uint8_t)rs_cpu_cpl(c) };
    if (!rs_machine_step(m, NULL)) break;
    unsigned vector = 0;
    st.kind = (uint8_t)rs_machine_last_kind(m, &vector);
    st.vector = (uint8_t)vector;
    st.cpl_after = (uint8_t)rs_cpu_cpl(c);
    if (n == cap) {
      cap *= 2;
      rs_step_summary *g = realloc(tl, cap * sizeof *g);
      if (!g) {
        ok = false;
        break;
      }
      tl = g;
    }
    tl[n++] = st;
  }
  rs_machine_free(m);
  if (!ok) {
    free(tl);
    return false;
  }
  s->timeline = tl;
  s->length = n;
  return true;
}

rs_session *rs_session_new(rs_scenario *sc) {
  rs_session *s = calloc(1, sizeof *s);
  if (!s) {
    rs_scenario_free(sc);
    return NULL;
  }
  s->scenario = sc;
  s->machine = rs_scenario_new_machine(sc);
  if (!s->machine || !(s->history = rs_history_new(s->machine, 0)) || !scan_timeline(s)) {
    rs_session_free(s);
    return NULL;
  }
  /* The scan found where the run ends; the history stops there too. */
  rs_history_set_end(s->history, s->length, UINT32_MAX);
  return s;
}

rs_session *rs_session_open(const char *path, rs_diags *diags) {
  rs_scenario *sc = rs_scenario_load_file(path, diags);
  return sc ? rs_session_new(sc) : NULL;
}

void rs_session_free(rs_session *s) {
  if (!s) return;
  rs_history_free(s->history);
  rs_machine_free(s->machine);
  rs_scenario_free(s->scenario);
  free(s->timeline);
  free(s);
}

const rs_scenario *rs_session_scenario(const rs_session *s) { return s->scenario; }
const rs_machine *rs_session_machine(const rs_session *s) { return s->machine; }
uint64_t rs_session_position(const rs_session *s) { return rs_history_position(s->history); }
uint64_t rs_session_length(const rs_session *s) { return s->length; }

const rs_step_summary *rs_session_timeline(const rs_session *s, size_t *n) {
  if (n) *n = s->length;
  return s->timeline;
}

bool rs_session_forward(rs_session *s) { return rs_history_forward(s->history); }
bool rs_session_back(rs_session *s) { return rs_history_back(s->history); }
uint64_t rs_session_seek(rs_session *s, uint64_t n) {
  return rs_history_seek(s->history, n > s->length ? s->length : n);
}
const rs_step_record *rs_session_last(const rs_session *s) { return rs_history_last(s->history); }
