/* Machine lifetime, accessors, snapshots and state comparison. */
#include "machine-internal.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* Snapshots share memory page by page: a snapshot holds one rs_snap_page
 * per physical page, and the machine remembers, in m->shared, the page
 * whose contents its own page still equals. A snapshot copies only the
 * pages written since (the others it shares), and a restore copies only
 * the pages that differ from the snapshot's, keeping the decode cache of
 * the rest. Any write to a shared page unshares it first (the
 * RS_PAGE_SHARED flag sends writes to rs_mem_note_write). */
struct rs_snap_page {
  uint32_t    refs;              /* snapshots and machines holding it */
  uint8_t     bytes[RS_PAGE];
  rs_word_tag tags[RS_PAGE / 4];
};

struct rs_snapshot {
  rs_cpu        cpu;
  rs_core_state core;
  uint32_t      event_fired[RS_MAX_EVENTS];
  uint32_t      phys_size;
  rs_snap_page **pages;          /* phys_size / RS_PAGE */
  char         *console;
};

static void page_unref(rs_snap_page *p) {
  if (p && --p->refs == 0) free(p);
}

void rs_machine_unshare(rs_machine *m, uint32_t page) {
  page_unref(m->shared[page]);
  m->shared[page] = NULL;
  m->page_flags[page] &= (uint8_t)~RS_PAGE_SHARED;
}

/* Records that physical page `page` now equals `p`. */
static void share(rs_machine *m, uint32_t page, rs_snap_page *p) {
  p->refs++;
  page_unref(m->shared[page]);
  m->shared[page] = p;
  m->page_flags[page] |= RS_PAGE_SHARED;
}

static bool alloc_memory(rs_machine *m, uint32_t phys_pages) {
  size_t bytes = (size_t)phys_pages * RS_PAGE;
  m->phys_size = (uint32_t)bytes;
  m->phys = calloc(bytes, 1);
  m->tags = calloc(bytes / 4, sizeof *m->tags);
  m->page_flags = calloc(phys_pages, 1);
  m->page_gen = calloc(phys_pages, sizeof *m->page_gen);
  m->dcache = calloc(RS_DCACHE_SIZE, sizeof *m->dcache);
  m->shared = calloc(phys_pages, sizeof *m->shared);
  return m->phys && m->tags && m->page_flags && m->page_gen && m->dcache && m->shared;
}

rs_machine *rs_machine_new(uint32_t phys_pages) {
  if (phys_pages < 2 || phys_pages > (1u << 20)) return NULL;
  rs_machine *m = calloc(1, sizeof *m);
  if (!m) return NULL;
  if (!alloc_memory(m, phys_pages)) {
    rs_machine_free(m);
    return NULL;
  }
  m->next_free = RS_PAGE; /* frame 0 is the page directory */
  rs_cpu *c = &m->cpu;
  c->eflags = RS_FL_FIXED;
  c->cr0 = RS_CR0_PE | RS_CR0_PG | RS_CR0_WP | 0x10 /* ET */;
  c->cr3 = 0;
  m->core.pending.kind = RS_EV_NONE;
  m->core.pic.vector_base = 32;
  m->core.timer_next = UINT64_MAX;
  m->timer.period = 0;
  return m;
}

void rs_machine_free(rs_machine *m) {
  if (!m) return;
  if (m->shared)
    for (uint32_t p = 0; p < m->phys_size / RS_PAGE; p++) page_unref(m->shared[p]);
  free(m->shared);
  free(m->phys);
  free(m->tags);
  free(m->page_flags);
  free(m->page_gen);
  free(m->dcache);
  free(m->console);
  free(m);
}

rs_machine *rs_machine_clone(const rs_machine *src) {
  rs_machine *m = malloc(sizeof *m);
  if (!m) return NULL;
  *m = *src;
  m->phys = NULL;
  m->console = NULL;
  m->tags = NULL;
  m->page_flags = NULL;
  m->page_gen = NULL;
  m->dcache = NULL;
  m->shared = NULL;
  m->rec = NULL;
  if (!alloc_memory(m, src->phys_size / RS_PAGE)) {
    rs_machine_free(m);
    return NULL;
  }
  memcpy(m->phys, src->phys, src->phys_size);
  memcpy(m->tags, src->tags, (src->phys_size / 4) * sizeof *m->tags);
  if (src->core.console_len) {
    m->console = malloc(src->console_cap);
    if (!m->console) {
      rs_machine_free(m);
      return NULL;
    }
    memcpy(m->console, src->console, src->core.console_len);
  } else {
    m->console_cap = 0;
  }
  rs_mem_flush_tlb(m);
  return m;
}

/* The caller may change CR0 or CR3 through the pointer: translations
 * cached under the old values are dropped. */
rs_cpu *rs_machine_cpu(rs_machine *m) {
  rs_mem_flush_tlb(m);
  return &m->cpu;
}
const rs_cpu *rs_machine_cpu_const(const rs_machine *m) { return &m->cpu; }
const rs_pic *rs_machine_pic(const rs_machine *m) { return &m->core.pic; }
const rs_timer *rs_machine_timer(const rs_machine *m) { return &m->timer; }
uint64_t rs_machine_step_count(const rs_machine *m) { return m->core.steps; }
uint64_t rs_machine_icount(const rs_machine *m) { return m->core.icount; }
const rs_event *rs_machine_pending_event(const rs_machine *m) { return &m->core.pending; }
bool rs_machine_halted(const rs_machine *m) { return m->core.halted; }

const char *rs_machine_console(const rs_machine *m, size_t *len) {
  if (len) *len = m->core.console_len;
  return m->console ? m->console : "";
}

void rs_machine_set_timer(rs_machine *m, unsigned irq, uint64_t first, uint64_t period) {
  m->timer.irq = (uint8_t)(irq & 7);
  m->timer.period = period;
  m->core.timer_next = period ? first : UINT64_MAX;
}

int rs_machine_add_step_event(rs_machine *m, uint64_t step, unsigned irq) {
  if (m->n_events >= RS_MAX_EVENTS) return -1;
  rs_sched_event *e = &m->events[m->n_events];
  *e = (rs_sched_event){ .step = step, .irq = (uint8_t)(irq & 7) };
  return (int)m->n_events++;
}

int rs_machine_add_label_event(rs_machine *m, uint32_t eip, unsigned irq, unsigned count) {
  if (m->n_events >= RS_MAX_EVENTS) return -1;
  rs_sched_event *e = &m->events[m->n_events];
  *e = (rs_sched_event){ .step = UINT64_MAX, .eip = eip, .count = count,
                         .irq = (uint8_t)(irq & 7), .by_eip = 1 };
  m->n_eip_events++;
  return (int)m->n_events++;
}

rs_snapshot *rs_machine_snapshot(const rs_machine *cm) {
  rs_machine *m = (rs_machine *)cm; /* only m->shared, a cache, changes: the state is read */
  uint32_t pages = m->phys_size / RS_PAGE;
  rs_snapshot *s = calloc(1, sizeof *s);
  if (!s) return NULL;
  s->cpu = m->cpu;
  s->core = m->core;
  memcpy(s->event_fired, m->event_fired, sizeof s->event_fired);
  s->phys_size = m->phys_size;
  s->pages = calloc(pages, sizeof *s->pages);
  s->console = malloc(m->core.console_len + 1);
  if (!s->pages || !s->console) {
    rs_snapshot_free(s);
    return NULL;
  }
  for (uint32_t p = 0; p < pages; p++) {
    if (!m->shared[p]) {
      rs_snap_page *n = malloc(sizeof *n);
      if (!n) {
        rs_snapshot_free(s);
        return NULL;
      }
      n->refs = 0;
      memcpy(n->bytes, m->phys + (size_t)p * RS_PAGE, RS_PAGE);
      memcpy(n->tags, m->tags + (size_t)p * (RS_PAGE / 4), sizeof n->tags);
      share(m, p, n);
    }
    s->pages[p] = m->shared[p];
    s->pages[p]->refs++;
  }
  if (m->core.console_len) memcpy(s->console, m->console, m->core.console_len);
  return s;
}

void rs_machine_restore(rs_machine *m, const rs_snapshot *s) {
  if (s->phys_size != m->phys_size) return;
  m->cpu = s->cpu;
  m->core = s->core;
  memcpy(m->event_fired, s->event_fired, sizeof m->event_fired);
  for (uint32_t p = 0; p < m->phys_size / RS_PAGE; p++) {
    rs_snap_page *n = s->pages[p];
    if (m->shared[p] == n) continue; /* still equal: bytes, tags and decoded code stay */
    memcpy(m->phys + (size_t)p * RS_PAGE, n->bytes, RS_PAGE);
    memcpy(m->tags + (size_t)p * (RS_PAGE / 4), n->tags, sizeof n->tags);
    m->page_gen[p]++;
    m->page_flags[p] = 0; /* no decoded code from it any more; the TLB is flushed below */
    share(m, p, n);
  }
  m->core.console_len = 0;
  for (uint32_t i = 0; i < s->core.console_len; i++) rs_console_append(m, s->console[i]);
  rs_mem_flush_tlb(m);
}

void rs_snapshot_free(rs_snapshot *s) {
  if (!s) return;
  if (s->pages)
    for (uint32_t p = 0; p < s->phys_size / RS_PAGE; p++) page_unref(s->pages[p]);
  free(s->pages);
  free(s->console);
  free(s);
}

/* Shared pages count in part: each holder's share of them. */
size_t rs_snapshot_size(const rs_snapshot *s) {
  uint32_t pages = s->phys_size / RS_PAGE;
  size_t bytes = sizeof *s + pages * sizeof *s->pages + s->core.console_len;
  for (uint32_t p = 0; p < pages; p++) bytes += sizeof(rs_snap_page) / s->pages[p]->refs;
  return bytes;
}

bool rs_machine_equal(const rs_machine *a, const rs_machine *b, char *why, size_t whylen) {
#define DIFF(...) do { if (why) snprintf(why, whylen, __VA_ARGS__); return false; } while (0)
  if (a->phys_size != b->phys_size) DIFF("physical memory size differs");
  if (memcmp(&a->cpu, &b->cpu, sizeof a->cpu) != 0) {
    for (unsigned r = 0; r < RS_NREG; r++)
      if (a->cpu.gpr[r] != b->cpu.gpr[r])
        DIFF("register %u: 0x%08x vs 0x%08x", r, a->cpu.gpr[r], b->cpu.gpr[r]);
    if (a->cpu.eip != b->cpu.eip) DIFF("eip: 0x%08x vs 0x%08x", a->cpu.eip, b->cpu.eip);
    if (a->cpu.eflags != b->cpu.eflags) DIFF("eflags: 0x%08x vs 0x%08x", a->cpu.eflags, b->cpu.eflags);
    for (unsigned i = 0; i < RS_NLOCS; i++)
      if (rs_cpu_loc(&a->cpu, (rs_loc)i) != rs_cpu_loc(&b->cpu, (rs_loc)i))
        DIFF("%s: 0x%08x vs 0x%08x", rs_loc_name((rs_loc)i), rs_cpu_loc(&a->cpu, (rs_loc)i),
             rs_cpu_loc(&b->cpu, (rs_loc)i));
    DIFF("cpu state differs outside the named registers (padding)");
  }
  if (memcmp(&a->core, &b->core, sizeof a->core) != 0) {
    if (a->core.steps != b->core.steps)
      DIFF("step count: %llu vs %llu", (unsigned long long)a->core.steps, (unsigned long long)b->core.steps);
    if (a->core.icount != b->core.icount) DIFF("instruction count differs");
    if (memcmp(&a->core.pending, &b->core.pending, sizeof a->core.pending))
      DIFF("pending event differs");
    DIFF("devices or counters differ");
  }
  if (memcmp(a->event_fired, b->event_fired, sizeof a->event_fired)) DIFF("event counters differ");
  for (uint32_t i = 0; i < a->phys_size; i++)
    if (a->phys[i] != b->phys[i])
      DIFF("physical byte 0x%08x: 0x%02x vs 0x%02x", i, a->phys[i], b->phys[i]);
  for (uint32_t i = 0; i < a->phys_size / 4; i++)
    if (memcmp(&a->tags[i], &b->tags[i], sizeof a->tags[i]))
      DIFF("provenance of physical word 0x%08x differs", i * 4);
  if (a->core.console_len && memcmp(a->console, b->console, a->core.console_len))
    DIFF("console output differs");
  return true;
#undef DIFF
}
