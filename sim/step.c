/* The step loop: one instruction, one delivery or one idle wait per step;
 * effect recording; undo.
 *
 * Order inside a step (DESIGN §3, and QEMU's one-event-per-step rule,
 * style.md): scheduled events raise their IRQ lines; then a pending
 * exception or software interrupt is delivered, else an enabled external
 * interrupt (IF = 1, no STI/MOV SS shadow) is delivered, else a halted CPU
 * idles until its timer fires, else one instruction executes. */
#include "machine-internal.h"

#include <stddef.h>
#include <stdlib.h>
#include <string.h>

/* ---- step records ---- */

void rs_step_record_init(rs_step_record *r) { memset(r, 0, sizeof *r); }

void rs_step_record_clear(rs_step_record *r) {
  rs_effect *e = r->effects;
  uint32_t cap = r->cap_effects;
  memset(r, 0, sizeof *r);
  r->effects = e;
  r->cap_effects = cap;
}

void rs_step_record_free(rs_step_record *r) {
  free(r->effects);
  memset(r, 0, sizeof *r);
}

bool rs_step_record_copy(rs_step_record *dst, const rs_step_record *src) {
  rs_effect *e = dst->effects;
  uint32_t cap = dst->cap_effects;
  if (cap < src->n_effects) {
    rs_effect *n = realloc(e, (src->n_effects ? src->n_effects : 1) * sizeof *n);
    if (!n) return false;
    e = n;
    cap = src->n_effects;
  }
  *dst = *src;
  dst->effects = e;
  dst->cap_effects = cap;
  if (src->n_effects) memcpy(e, src->effects, src->n_effects * sizeof *e);
  return true;
}

/* Out of line, like the effect builders below: they run only when
 * recording, and inlined at their many call sites they would crowd the
 * fast path out of the compiler's inlining budget (measured: the
 * interrupt round trip costs 5% more instructions). */
#define RS_RECORDING_ONLY __attribute__((noinline))

static RS_RECORDING_ONLY void eff_grow(rs_step_record *r) {
  uint32_t cap = r->cap_effects ? r->cap_effects * 2 : 32;
  rs_effect *n = realloc(r->effects, cap * sizeof *n);
  if (!n) abort(); /* cannot record the step faithfully: a simulator bug, not a user error */
  r->effects = n;
  r->cap_effects = cap;
}

/* The next effect slot of the record in progress (m->rec set), growing
 * the buffer as needed; the caller fills it whole. */
static inline rs_effect *eff_slot(rs_machine *m) {
  rs_step_record *r = m->rec;
  if (r->n_effects == r->cap_effects) eff_grow(r);
  return &r->effects[r->n_effects++];
}

void rs_eff_push(rs_machine *m, const rs_effect *e) {
  if (m->rec) *eff_slot(m) = *e;
}

RS_RECORDING_ONLY void rs_eff_reg(rs_machine *m, rs_loc loc, uint32_t old_val, uint32_t new_val, rs_why why) {
  if (!m->rec) return;
  *eff_slot(m) = (rs_effect){ .kind = RS_EFF_REG, .size = 4, .why = (uint16_t)why, .target = (uint16_t)loc,
                              .old_val = old_val, .new_val = new_val };
}

RS_RECORDING_ONLY void rs_eff_dev(rs_machine *m, rs_dev_field f, unsigned aux, uint32_t old_val,
                                  uint32_t new_val, rs_why why) {
  if (!m->rec) return;
  *eff_slot(m) = (rs_effect){ .kind = RS_EFF_DEV, .size = 4, .why = (uint16_t)why, .target = (uint16_t)f,
                              .aux = (uint16_t)aux, .old_val = old_val, .new_val = new_val };
}

RS_RECORDING_ONLY void rs_eff_info(rs_machine *m, rs_effect_kind kind, unsigned target, unsigned aux,
                                   uint32_t addr, uint32_t old_val, uint32_t new_val, rs_why why) {
  if (!m->rec) return;
  *eff_slot(m) = (rs_effect){ .kind = (uint8_t)kind, .size = 4, .why = (uint16_t)why,
                              .target = (uint16_t)target, .aux = (uint16_t)aux, .addr = addr,
                              .old_val = old_val, .new_val = new_val };
}

/* ---- register locations ---- */

/* Where each rs_loc lives in rs_cpu, and how wide it is. The attribute
 * locations cover a cache's adjacent access and flags bytes. */
typedef struct loc_layout { uint16_t off; uint8_t size; } loc_layout;
#define SEG_FIELD(s, f) { offsetof(rs_cpu, seg) + (s) * sizeof(rs_seg_cache) + offsetof(rs_seg_cache, f), \
                          sizeof(((rs_seg_cache *)0)->f) }
#define SEG_ATTR(s) { offsetof(rs_cpu, seg) + (s) * sizeof(rs_seg_cache) + offsetof(rs_seg_cache, access), 2 }
static const loc_layout layouts[RS_NLOCS] = {
  [RS_LOC_EAX] = { offsetof(rs_cpu, gpr) + 0, 4 },  [RS_LOC_ECX] = { offsetof(rs_cpu, gpr) + 4, 4 },
  [RS_LOC_EDX] = { offsetof(rs_cpu, gpr) + 8, 4 },  [RS_LOC_EBX] = { offsetof(rs_cpu, gpr) + 12, 4 },
  [RS_LOC_ESP] = { offsetof(rs_cpu, gpr) + 16, 4 }, [RS_LOC_EBP] = { offsetof(rs_cpu, gpr) + 20, 4 },
  [RS_LOC_ESI] = { offsetof(rs_cpu, gpr) + 24, 4 }, [RS_LOC_EDI] = { offsetof(rs_cpu, gpr) + 28, 4 },
  [RS_LOC_EIP] = { offsetof(rs_cpu, eip), 4 },      [RS_LOC_EFLAGS] = { offsetof(rs_cpu, eflags), 4 },
  [RS_LOC_ES] = { offsetof(rs_cpu, sel) + 0, 2 },   [RS_LOC_CS] = { offsetof(rs_cpu, sel) + 2, 2 },
  [RS_LOC_SS] = { offsetof(rs_cpu, sel) + 4, 2 },   [RS_LOC_DS] = { offsetof(rs_cpu, sel) + 6, 2 },
  [RS_LOC_FS] = { offsetof(rs_cpu, sel) + 8, 2 },   [RS_LOC_GS] = { offsetof(rs_cpu, sel) + 10, 2 },
  [RS_LOC_CR0] = { offsetof(rs_cpu, cr0), 4 },      [RS_LOC_CR2] = { offsetof(rs_cpu, cr2), 4 },
  [RS_LOC_CR3] = { offsetof(rs_cpu, cr3), 4 },      [RS_LOC_CR4] = { offsetof(rs_cpu, cr4), 4 },
  [RS_LOC_GDTR_BASE] = { offsetof(rs_cpu, gdtr.base), 4 }, [RS_LOC_GDTR_LIMIT] = { offsetof(rs_cpu, gdtr.limit), 2 },
  [RS_LOC_IDTR_BASE] = { offsetof(rs_cpu, idtr.base), 4 }, [RS_LOC_IDTR_LIMIT] = { offsetof(rs_cpu, idtr.limit), 2 },
  [RS_LOC_TR] = { offsetof(rs_cpu, tr), 2 },
  [RS_LOC_ES_BASE] = SEG_FIELD(RS_ES, base), [RS_LOC_CS_BASE] = SEG_FIELD(RS_CS, base),
  [RS_LOC_SS_BASE] = SEG_FIELD(RS_SS, base), [RS_LOC_DS_BASE] = SEG_FIELD(RS_DS, base),
  [RS_LOC_FS_BASE] = SEG_FIELD(RS_FS, base), [RS_LOC_GS_BASE] = SEG_FIELD(RS_GS, base),
  [RS_LOC_ES_LIMIT] = SEG_FIELD(RS_ES, limit), [RS_LOC_CS_LIMIT] = SEG_FIELD(RS_CS, limit),
  [RS_LOC_SS_LIMIT] = SEG_FIELD(RS_SS, limit), [RS_LOC_DS_LIMIT] = SEG_FIELD(RS_DS, limit),
  [RS_LOC_FS_LIMIT] = SEG_FIELD(RS_FS, limit), [RS_LOC_GS_LIMIT] = SEG_FIELD(RS_GS, limit),
  [RS_LOC_ES_ATTR] = SEG_ATTR(RS_ES), [RS_LOC_CS_ATTR] = SEG_ATTR(RS_CS), [RS_LOC_SS_ATTR] = SEG_ATTR(RS_SS),
  [RS_LOC_DS_ATTR] = SEG_ATTR(RS_DS), [RS_LOC_FS_ATTR] = SEG_ATTR(RS_FS), [RS_LOC_GS_ATTR] = SEG_ATTR(RS_GS),
  [RS_LOC_TR_BASE] = { offsetof(rs_cpu, tr_cache.base), 4 },
  [RS_LOC_TR_LIMIT] = { offsetof(rs_cpu, tr_cache.limit), 4 },
  [RS_LOC_TR_ATTR] = { offsetof(rs_cpu, tr_cache.access), 2 },
};

static void loc_set(rs_cpu *c, rs_loc l, uint32_t v) {
  uint8_t *p = (uint8_t *)c + layouts[l].off;
  if (layouts[l].size == 4) {
    memcpy(p, &v, 4);
  } else {
    uint16_t h = (uint16_t)v;
    memcpy(p, &h, 2);
  }
}

uint32_t rs_cpu_loc(const rs_cpu *c, rs_loc l) {
  const uint8_t *p = (const uint8_t *)c + layouts[l].off;
  if (layouts[l].size == 4) {
    uint32_t v;
    memcpy(&v, p, 4);
    return v;
  }
  uint16_t h;
  memcpy(&h, p, 2);
  return h;
}

void rs_set_cr(rs_machine *m, unsigned n, uint32_t v, rs_why why) {
  static const rs_loc locs[5] = { RS_LOC_CR0, RS_LOC_CR0, RS_LOC_CR2, RS_LOC_CR3, RS_LOC_CR4 };
  uint32_t old = rs_cpu_loc(&m->cpu, locs[n]);
  if (m->rec && old != v) rs_eff_reg(m, locs[n], old, v, why);
  loc_set(&m->cpu, locs[n], v);
  if (n == 0 || n == 3 || n == 4) rs_mem_flush_tlb(m);
}

/* ---- faults and raising ---- */

void rs_fault(rs_machine *m, unsigned vector, bool has_error, uint32_t error_code) {
  m->fault = (rs_event){ .kind = RS_EV_EXCEPTION, .vector = (uint8_t)vector,
                         .has_error = has_error, .irq = 0xff,
                         .error_code = has_error ? error_code : 0,
                         .return_eip = m->cpu.eip };
}

void rs_raise(rs_machine *m, const rs_event *ev, rs_why why) {
  if (m->rec) {
    rs_eff_info(m, RS_EFF_RAISE, ev->vector, ev->kind | (ev->has_error ? 0x100u : 0),
                ev->return_eip, 0, ev->error_code, why);
    rs_eff_dev(m, RS_DEV_PENDING, 0, UINT32_MAX, ev->vector, RS_WHY_NONE);
  }
  m->core.pending = *ev;
}

/* ---- fetching ---- */

static inline uint32_t dcache_index(uint32_t phys) {
  return (phys * 2654435761u) >> (32 - 12);
}

/* Decodes the instruction at `lin` (physical `phys`) that the decode
 * cache does not hold, caching it unless it starts within 15 bytes of the
 * end of its page or of memory: there it is taken one page at a time,
 * touching the next page only if the instruction really extends into it,
 * and decoded again each time. Returns NULL with m->fault set on a fetch
 * #PF or #UD. */
static __attribute__((noinline)) const rs_dcache_entry *fetch_slow(rs_machine *m, uint32_t lin,
                                                                   uint32_t phys, bool user) {
  uint32_t eip = m->cpu.eip, room = RS_PAGE - (lin & 0xfff);
  if (room >= 15 && phys <= m->phys_size - 15) { /* (phys + 15 could wrap) */
    rs_dcache_entry *d = &m->dcache[dcache_index(phys)];
    uint32_t page = phys >> 12;
    if (!rs_decode(m->phys + phys, 15, eip, &d->insn)) {
      d->tag = 0;
      rs_fault_ud(m);
      return NULL;
    }
    d->tag = (uint64_t)phys + 1;
    d->gen = m->page_gen[page];
    d->run = rs_exec_select(&d->insn);
    m->page_flags[page] |= RS_PAGE_CODE;
    return d;
  }
  rs_dcache_entry *scratch = &m->fetch_scratch;
  uint8_t buf[15];
  unsigned have = room < 15 ? room : 15;
  for (unsigned i = 0; i < have; i++) buf[i] = (uint8_t)rs_mem_phys_read(m, phys + i, 1);
  if (!rs_decode(buf, have, eip, &scratch->insn) && have < 15) {
    uint32_t phys2;
    if (rs_mem_translate(m, lin + have, RS_ACC_FETCH, user, &phys2)) return NULL;
    for (unsigned i = have; i < 15; i++) buf[i] = (uint8_t)rs_mem_phys_read(m, phys2 + i - have, 1);
    rs_decode(buf, 15, eip, &scratch->insn);
  }
  if (scratch->insn.op == RS_OP_INVALID) {
    rs_fault_ud(m);
    return NULL;
  }
  scratch->run = rs_exec_select(&scratch->insn);
  return scratch;
}

/* Where instructions come from: CS's base and whether CPL is 3. Only a CS
 * load changes them, which no handler that keeps quiet does
 * (rs_exec_select), so the run loop takes them once per quiet stretch. */
typedef struct code_seg {
  uint32_t base;
  bool user;
} code_seg;

static inline code_seg code_seg_of(const rs_machine *m) {
  return (code_seg){ m->cpu.seg[RS_CS].base, rs_cpu_cpl(&m->cpu) == 3 };
}

/* Fetches the instruction at EIP, decoded, with its handler. Returns NULL
 * with m->fault set on a fetch #PF or #UD. Inline: the decode cache hit.
 * An entry is filled only for an instruction at least 15 bytes from the
 * end of its page and of memory, so a tag match (the same physical
 * address) implies both and needs no bounds check; the page generation
 * says whether the bytes changed since. */
static inline const rs_dcache_entry *fetch(rs_machine *m, code_seg cs) {
  uint32_t lin = cs.base + m->cpu.eip, phys;
  bool user = cs.user;
  if (rs_mem_translate(m, lin, RS_ACC_FETCH, user, &phys)) return NULL;
  const rs_dcache_entry *d = &m->dcache[dcache_index(phys)];
  if (d->tag == (uint64_t)phys + 1 && d->gen == m->page_gen[phys >> 12]) return d;
  return fetch_slow(m, lin, phys, user);
}

/* ---- the step ---- */

static void set_dev_flag(rs_machine *m, rs_dev_field f, uint8_t *field, uint8_t v, rs_why why) {
  if (m->rec && *field != v) rs_eff_dev(m, f, 0, *field, v, why);
  *field = v;
}

/* A halted CPU with nothing left that could wake it stops for good. */
static bool can_wake(const rs_machine *m) {
  if (!(m->cpu.eflags & RS_FL_IF)) return false;
  if (m->timer.period && !(m->core.pic.imr & (1u << m->timer.irq))) return true;
  for (uint32_t i = 0; i < m->n_events; i++)
    if (!m->events[i].by_eip && m->events[i].step > m->core.steps && m->event_fired[i] == 0)
      return true;
  return rs_dev_next_irq(m) >= 0;
}

static rs_step_kind idle(rs_machine *m) {
  if (m->timer.period && !(m->core.pic.imr & (1u << m->timer.irq)) &&
      m->core.timer_next > m->core.icount) {
    m->core.icount = m->core.timer_next; /* time passes; no instruction runs */
    rs_dev_raise_irq(m, m->timer.irq, RS_WHY_TIMER_FIRES);
    m->core.timer_next += m->timer.period;
  }
  return RS_STEP_IDLE;
}

/* The end of an instruction that did not complete: a fault, or INT n,
 * INT3 or INTO, which complete (trap-like) and end any shadow; a fault
 * leaves the instruction unexecuted, shadow included. */
static __attribute__((noinline)) void instruction_raised(rs_machine *m, uint8_t shadow_before) {
  bool completed = m->fault.kind != RS_EV_EXCEPTION;
  if (!completed) m->core.shadow = shadow_before;
  else if (shadow_before && m->rec) rs_eff_dev(m, RS_DEV_SHADOW, 0, 1, 0, RS_WHY_SHADOW_END);
  rs_raise(m, &m->fault, completed ? RS_WHY_RAISE_INT : RS_WHY_RAISE_EXCEPTION);
  if (completed) rs_dev_tick(m);
}

/* Recording: the instruction's bytes before it runs. A cached one lies
 * within one page of RAM at the physical address its tag names, with the
 * bytes it was decoded from (the page generation matched); one across a
 * page boundary is read as the views read memory. */
static __attribute__((noinline)) void record_instruction(rs_machine *m, const rs_dcache_entry *d) {
  unsigned len = d->insn.len;
  m->rec->insn_len = (uint8_t)len;
  if (d != &m->fetch_scratch)
    memcpy(m->rec->insn, m->phys + (d->tag - 1), len);
  else
    rs_machine_peek(m, m->cpu.seg[RS_CS].base + m->cpu.eip, m->rec->insn, len);
}

/* Recording: the shadow the instruction ended or started. */
static __attribute__((noinline)) void record_shadow(rs_machine *m, uint8_t shadow_before) {
  if (shadow_before && !m->core.shadow)
    rs_eff_dev(m, RS_DEV_SHADOW, 0, 1, 0, RS_WHY_SHADOW_END);
  else if (!shadow_before && m->core.shadow)
    rs_eff_dev(m, RS_DEV_SHADOW, 0, 0, 1, RS_WHY_STI_SHADOW);
}

/* An instruction step. Returns true when it cannot have changed anything
 * quiet() looks at (below): a handler that keeps quiet completed (see
 * rs_exec_select) and the timer did not fire. `in_quiet_run`: called from
 * the run loop's quiet stretch, where nothing records and there is no
 * shadow (quiet() said so, and handlers that keep quiet never start one), so
 * that instance skips both. */
static inline __attribute__((always_inline)) bool run_instruction(rs_machine *m, code_seg cs,
                                                                  bool in_quiet_run) {
  const rs_dcache_entry *d = fetch(m, cs);
  if (!d) {
    rs_raise(m, &m->fault, RS_WHY_RAISE_EXCEPTION);
    return false;
  }
  bool recording = !in_quiet_run && m->rec;
  rs_exec_fn exec = recording ? d->run.exec : d->run.fast;
  if (recording) record_instruction(m, d);
  uint8_t shadow_before = in_quiet_run ? 0 : m->core.shadow;
  if (!in_quiet_run) m->core.shadow = 0;
  if (exec(m, &d->insn) != RS_OK) {
    instruction_raised(m, shadow_before);
    return false;
  }
  if (recording) record_shadow(m, shadow_before);
  bool timer_fires = m->core.icount + 1 >= m->core.timer_next;
  rs_dev_tick(m);
  return d->run.keeps_quiet && !timer_fires;
}

bool rs_machine_stopped(const rs_machine *m) {
  return m->core.stopped || (m->core.halted && m->core.pending.kind == RS_EV_NONE && !can_wake(m));
}

bool rs_machine_step(rs_machine *m, rs_step_record *rec) {
  if ((m->core.stopped || m->core.halted) && rs_machine_stopped(m)) return false; /* (not otherwise) */
  rs_cpu *c = &m->cpu;
  if (rec) {
    rs_step_record_clear(rec);
    rec->index = m->core.steps;
    rec->before = m->core;
    rec->eip = c->eip;
    rec->cpl_before = (uint8_t)rs_cpu_cpl(c);
  }
  m->rec = rec;
  m->writer_eip = c->eip;
  if (m->n_events) rs_dev_check_events(m);

  rs_step_kind kind;
  int irq;
  if (m->core.pending.kind != RS_EV_NONE) {
    rs_event ev = m->core.pending;
    if (rec) rs_eff_dev(m, RS_DEV_PENDING, 0, ev.vector, UINT32_MAX, RS_WHY_NONE);
    m->core.pending.kind = RS_EV_NONE;
    kind = rs_deliver(m, &ev);
  } else if ((c->eflags & RS_FL_IF) && !m->core.shadow && (irq = rs_dev_next_irq(m)) >= 0) {
    if (m->core.halted) set_dev_flag(m, RS_DEV_HALTED, &m->core.halted, 0, RS_WHY_WAKE);
    rs_dev_ack_irq(m, (unsigned)irq);
    rs_event ev = { .kind = RS_EV_EXTERNAL, .vector = (uint8_t)(m->core.pic.vector_base + irq),
                    .irq = (uint8_t)irq, .return_eip = c->eip };
    kind = rs_deliver(m, &ev);
  } else if (m->core.halted) {
    kind = idle(m); /* rs_machine_stopped() ruled out a CPU that cannot wake */
  } else {
    run_instruction(m, code_seg_of(m), false);
    kind = RS_STEP_INSTRUCTION;
  }

  m->core.steps++;
  m->last_kind = (uint8_t)kind;
  if (rec) {
    rec->kind = (uint8_t)kind;
    rec->cpl_after = (uint8_t)rs_cpu_cpl(c);
  }
  m->rec = NULL;
  return true;
}

rs_step_kind rs_machine_last_kind(const rs_machine *m, unsigned *vector) {
  if (vector) *vector = m->last_vector;
  return (rs_step_kind)m->last_kind;
}

bool rs_machine_next_is_instruction(const rs_machine *m) {
  if (m->core.pending.kind != RS_EV_NONE || m->core.halted || rs_machine_stopped(m)) return false;
  if ((m->cpu.eflags & RS_FL_IF) && !m->core.shadow && rs_dev_next_irq(m) >= 0) return false;
  return true;
}

/* True when the next step is certainly a plain instruction: nothing to
 * deliver, no interrupt that could be taken, no scheduled event, not
 * halted, no shadow to end. The run loop then skips the step's checks;
 * the state changes are run_instruction's either way. */
static inline bool quiet(const rs_machine *m) {
  return m->core.pending.kind == RS_EV_NONE && !m->core.halted && !m->core.shadow &&
         !m->core.stopped && !m->n_events &&
         !((m->cpu.eflags & RS_FL_IF) && (m->core.pic.irr & ~m->core.pic.imr));
}

uint64_t rs_machine_run(rs_machine *m, uint64_t max_steps, uint32_t stop_eip) {
  uint64_t n = 0;
  while (n < max_steps) {
    if (n && stop_eip != UINT32_MAX && m->cpu.eip == stop_eip && rs_machine_next_is_instruction(m))
      break;
    if (quiet(m)) {
      /* quiet() stays true while instructions keep it (run_instruction
       * says when they may not), so only the step budget and the stop
       * address are checked between them. */
      code_seg cs = code_seg_of(m);
      bool kept;
      do {
        m->writer_eip = m->cpu.eip;
        kept = run_instruction(m, cs, true);
        m->core.steps++;
        n++;
      } while (kept && n < max_steps && m->cpu.eip != stop_eip);
      m->last_kind = RS_STEP_INSTRUCTION;
    } else if (!rs_machine_step(m, NULL)) {
      break;
    } else {
      n++;
    }
  }
  return n;
}

/* ---- undo ---- */

void rs_machine_undo(rs_machine *m, const rs_step_record *rec) {
  for (uint32_t i = rec->n_effects; i-- > 0;) {
    const rs_effect *e = &rec->effects[i];
    switch ((rs_effect_kind)e->kind) {
    case RS_EFF_REG:
      loc_set(&m->cpu, (rs_loc)e->target, e->old_val);
      break;
    case RS_EFF_MEM:
      rs_mem_phys_write(m, e->phys, e->size, e->old_val);
      if (e->phys < m->phys_size) m->tags[e->phys >> 2] = e->old_tag;
      break;
    case RS_EFF_DEV:
      if (e->target == RS_DEV_EVENT_FIRED) m->event_fired[e->aux] = e->old_val;
      break; /* the other device fields come back with rec->before below */
    case RS_EFF_READ:
    case RS_EFF_IDT_READ:
    case RS_EFF_GDT_READ:
    case RS_EFF_TSS_READ:
    case RS_EFF_CHECK:
    case RS_EFF_RAISE:
    case RS_EFF_CONSOLE:
    case RS_EFF_NKINDS:
      break;
    }
  }
  m->core = rec->before;
  rs_mem_flush_tlb(m);
}
