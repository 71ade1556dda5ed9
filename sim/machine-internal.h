/* Internal layout of rs_machine and the functions the core's files share.
 * Not part of the public API. */
#ifndef RINGSIDE_MACHINE_INTERNAL_H
#define RINGSIDE_MACHINE_INTERNAL_H

#include <ringside/machine.h>
#include <ringside/step.h>

#include "insn.h"

#define RS_PAGE 4096u
#define RS_TLB_SIZE 256u          /* direct-mapped, transparent (see memory.c) */
#define RS_DCACHE_SIZE 4096u      /* decoded instructions, by physical address */

/* Flat GDT selectors (xv6's layout, x86-facts §6.4). */
enum {
  RS_SEL_KCODE = 0x08, RS_SEL_KDATA = 0x10, RS_SEL_UCODE = 0x1b,
  RS_SEL_UDATA = 0x23, RS_SEL_TSS = 0x28
};

/* Per-physical-page flags, kept outside the snapshot: they only steer
 * caches and are rebuilt on demand. */
enum {
  RS_PAGE_PAGING = 1u << 0,   /* a page directory or page table the walker read */
  RS_PAGE_CODE = 1u << 1,     /* the decode cache holds instructions from it */
  RS_PAGE_SHARED = 1u << 2    /* m->shared holds a snapshot page equal to it */
};

/* One physical page of snapshot data, bytes and word tags, never changed
 * once made; snapshots and the machine share it while their page equals
 * it (machine.c). */
typedef struct rs_snap_page rs_snap_page;

/* A scheduled IRQ: by step number or by arrival at an address. */
typedef struct rs_sched_event {
  uint64_t step;     /* UINT64_MAX when by address */
  uint32_t eip;
  uint32_t count;    /* by address: times it may fire, 0 = every time */
  uint8_t  irq;
  uint8_t  by_eip;
} rs_sched_event;

/* A translation the page walker completed for one privilege level (see
 * rs_mem_walk). A read or fetch at that level hits when read_tag matches;
 * a write only when write_tag does, which the walker sets only if writes
 * are allowed there and the PTE is already dirty. So a hit never skips a
 * fault, or an accessed/dirty bit, that the walk would produce. Only
 * frames inside physical memory are entered, so a hit can access
 * m->phys directly; any other frame is walked again on every access. */
typedef struct rs_tlb_entry {
  uint32_t read_tag;  /* linear page number + 1; 0 = empty */
  uint32_t write_tag; /* linear page number + 1 when writes hit, else 0 */
  uint32_t phys;      /* physical page base */
  uint32_t pad;       /* 16 bytes: a slot's offset is a shift */
} rs_tlb_entry;

/* Access kinds for the page walker. */
typedef enum rs_access { RS_ACC_READ, RS_ACC_WRITE, RS_ACC_FETCH } rs_access;

/* Result of an operation that can fault: RS_OK, or RS_FAULT with m->fault
 * describing the exception (vector, error code, CR2). */
typedef enum rs_status {
  RS_OK = 0,
  RS_FAULT = 1,
  RS_RETRY = 2  /* only inside exec.c: a fast instance gave up, having changed nothing */
} rs_status;

/* Executes one decoded instruction (see rs_exec). */
typedef rs_status (*rs_exec_fn)(rs_machine *m, const rs_insn *in);
/* How a decoded instruction runs: `exec` on any step, `fast` only on
 * steps that record nothing (m->rec NULL). */
typedef struct rs_handler {
  rs_exec_fn exec;
  rs_exec_fn fast;
  bool keeps_quiet;   /* changes nothing the run loop's quiet() reads unless it
                         faults or raises (step.c): no pending event, halted or
                         shadow state, IF or device change */
} rs_handler;

typedef struct rs_dcache_entry {
  uint64_t tag;       /* physical address + 1 (no 32-bit address gives 0), 0 = empty */
  rs_handler run;     /* rs_exec_select(&insn) */
  uint32_t gen;       /* page generation when decoded */
  rs_insn  insn;
} rs_dcache_entry;

struct rs_machine {
  /* ---- state (snapshotted) ---- */
  rs_cpu        cpu;
  rs_core_state core;
  uint32_t      event_fired[RS_MAX_EVENTS];
  uint8_t      *phys;          /* phys_size bytes */
  rs_word_tag  *tags;          /* one per 4-byte physical word */
  char         *console;       /* core.console_len bytes valid */
  uint32_t      console_cap;

  /* ---- configuration (fixed after loading) ---- */
  uint32_t      phys_size;
  uint32_t      next_free;     /* next unallocated physical frame (bytes) */
  rs_timer      timer;         /* period and irq; `next` lives in core.timer_next */
  rs_sched_event events[RS_MAX_EVENTS];
  uint32_t      n_events;
  uint32_t      n_eip_events;  /* how many are by address (fast-path test) */

  /* ---- caches (not state) ---- */
  uint8_t      *page_flags;    /* phys_size / 4096 entries */
  uint32_t     *page_gen;      /* decode-cache generation per physical page */
  rs_tlb_entry  tlb[2][RS_TLB_SIZE]; /* [0] supervisor, [1] user accesses */
  rs_dcache_entry *dcache;
  rs_dcache_entry fetch_scratch; /* an instruction across a page boundary: not cached */
  rs_snap_page **shared;       /* per page: a snapshot page equal to it (bytes and tags), or
                                  NULL; set exactly where page_flags has RS_PAGE_SHARED */

  /* ---- the step in progress ---- */
  rs_step_record *rec;         /* NULL on the fast path */
  uint32_t      writer_eip;    /* provenance stamped on memory writes */
  rs_event      fault;         /* a fault detected by the current step */
  uint8_t       last_kind;     /* rs_step_kind of the last step taken */
  uint8_t       last_vector;   /* vector of the last step, if a delivery */
};

/* ---- effects (step.c) ---- */
void rs_eff_push(rs_machine *m, const rs_effect *e);
void rs_eff_reg(rs_machine *m, rs_loc loc, uint32_t old_val, uint32_t new_val, rs_why why);
void rs_eff_dev(rs_machine *m, rs_dev_field f, unsigned aux, uint32_t old_val, uint32_t new_val, rs_why why);
void rs_eff_info(rs_machine *m, rs_effect_kind kind, unsigned target, unsigned aux,
                 uint32_t addr, uint32_t old_val, uint32_t new_val, rs_why why);

/* Register writes that record their effect when recording. */
static inline void rs_set_gpr(rs_machine *m, unsigned r, uint32_t v, rs_why why) {
  if (m->rec && m->cpu.gpr[r] != v) rs_eff_reg(m, (rs_loc)(RS_LOC_EAX + r), m->cpu.gpr[r], v, why);
  m->cpu.gpr[r] = v;
}
static inline void rs_set_eip(rs_machine *m, uint32_t v, rs_why why) {
  if (m->rec && m->cpu.eip != v) rs_eff_reg(m, RS_LOC_EIP, m->cpu.eip, v, why);
  m->cpu.eip = v;
}
static inline void rs_set_eflags(rs_machine *m, uint32_t v, rs_why why) {
  v = (v | RS_FL_FIXED) & ~(0x8u | 0x20u | 0x8000u | 0xffc00000u); /* reserved bits */
  if (m->rec && m->cpu.eflags != v) rs_eff_reg(m, RS_LOC_EFLAGS, m->cpu.eflags, v, why);
  m->cpu.eflags = v;
}
void rs_set_cr(rs_machine *m, unsigned n, uint32_t v, rs_why why);

/* ---- memory (memory.c) ---- */
/* The page walk behind rs_mem_translate when the TLB misses; it also
 * fills the TLB when paging is off (identity, every access allowed), so
 * the inline hits below need not test CR0.PG: every change of CR0, CR3 or
 * CR4 flushes the TLB (rs_set_cr, undo, restore, rs_machine_cpu). */
rs_status rs_mem_walk(rs_machine *m, uint32_t lin, rs_access acc, bool user, uint32_t *phys);

/* The accessors below are inline on every fetch and access: forced, so
 * the compiler's size heuristics never turn them into calls. */
#define RS_HOT static inline __attribute__((always_inline))

/* The TLB entry for `lin` at a privilege level. */
RS_HOT const rs_tlb_entry *rs_tlb_slot(const rs_machine *m, uint32_t lin, bool user) {
  return &m->tlb[user][(lin >> 12) & (RS_TLB_SIZE - 1)];
}

/* Translates a linear address for an access made at user (`user`) or
 * supervisor privilege; sets accessed/dirty bits; on failure fills m->fault
 * with #PF. */
RS_HOT rs_status rs_mem_translate(rs_machine *m, uint32_t lin, rs_access acc, bool user, uint32_t *phys) {
  const rs_tlb_entry *t = rs_tlb_slot(m, lin, user);
  if ((acc == RS_ACC_WRITE ? t->write_tag : t->read_tag) == (lin >> 12) + 1) {
    *phys = t->phys | (lin & 0xfff);
    return RS_OK;
  }
  return rs_mem_walk(m, lin, acc, user, phys);
}

/* Reads/writes 1, 2 or 4 bytes at a linear address (may cross a page).
 * Inline: a TLB hit inside one page of RAM, and for writes an aligned
 * dword on the fast path; the slow paths handle everything, misses
 * included. */
rs_status rs_mem_read_slow(rs_machine *m, uint32_t lin, unsigned size, bool user, uint32_t *out);
rs_status rs_mem_write_slow(rs_machine *m, uint32_t lin, unsigned size, bool user, uint32_t val, rs_why why);
void rs_mem_note_write(rs_machine *m, uint32_t phys);

/* The inline read: true, with *out, when `lin` hits the TLB inside one
 * page; no side effect either way. */
RS_HOT bool rs_mem_read_hit(const rs_machine *m, uint32_t lin, unsigned size, bool user, uint32_t *out) {
  const rs_tlb_entry *t = rs_tlb_slot(m, lin, user);
  if ((lin & 0xfff) > RS_PAGE - size || t->read_tag != (lin >> 12) + 1) return false;
  const uint8_t *p = m->phys + t->phys + (lin & 0xfff);
  *out = size == 1 ? p[0]
       : size == 2 ? (uint32_t)p[0] | (uint32_t)p[1] << 8
       : (uint32_t)p[0] | (uint32_t)p[1] << 8 | (uint32_t)p[2] << 16 | (uint32_t)p[3] << 24;
  return true;
}

RS_HOT rs_status rs_mem_read(rs_machine *m, uint32_t lin, unsigned size, bool user, uint32_t *out) {
  return rs_mem_read_hit(m, lin, size, user, out) ? RS_OK : rs_mem_read_slow(m, lin, size, user, out);
}

/* The inline write: true, with the physical address, when an aligned
 * dword write at `lin` hits the TLB; no side effect either way. */
RS_HOT bool rs_mem_write_hit(const rs_machine *m, uint32_t lin, unsigned size, bool user, uint32_t *phys) {
  const rs_tlb_entry *t = rs_tlb_slot(m, lin, user);
  if (size != 4 || (lin & 3) || t->write_tag != (lin >> 12) + 1) return false;
  *phys = t->phys | (lin & 0xfff);
  return true;
}

/* The inline write's dword and provenance tag, at a 4-aligned physical
 * address in RAM; the caller tells the caches (rs_mem_note_write) when
 * the page's flags ask for it. The dword is stored as one uint32_t in
 * the guest's little-endian order, not byte by byte: a byte store may
 * alias any object, so after one the compiler would have to reload
 * everything it knew, m->rec included. (m->phys is allocated memory and
 * is only ever read byte by byte, so the typed store is well defined.) */
RS_HOT void rs_mem_store(rs_machine *m, uint32_t phys, uint32_t val, rs_why why) {
#if __BYTE_ORDER__ == __ORDER_BIG_ENDIAN__
  val = __builtin_bswap32(val);
#endif
  *(uint32_t *)(void *)(m->phys + phys) = val;
  rs_word_tag *wt = &m->tags[phys >> 2];
  wt->why = (uint16_t)why;
  wt->eip = m->writer_eip;
  wt->step_lo = (uint16_t)m->core.steps;
}

RS_HOT rs_status rs_mem_write(rs_machine *m, uint32_t lin, unsigned size, bool user, uint32_t val,
                              rs_why why) {
  uint32_t phys;
  if (m->rec || !rs_mem_write_hit(m, lin, size, user, &phys))
    return rs_mem_write_slow(m, lin, size, user, val, why);
  rs_mem_store(m, phys, val, why);
  if (m->page_flags[phys >> 12]) rs_mem_note_write(m, phys);
  return RS_OK;
}

/* Checks that a write of `size` bytes at `lin` would not fault (setting the
 * accessed/dirty bits a real write sets) without writing. Inline: every
 * interrupt delivery probes its frame. */
RS_HOT rs_status rs_mem_probe_write(rs_machine *m, uint32_t lin, unsigned size, bool user) {
  uint32_t phys;
  if (rs_mem_translate(m, lin, RS_ACC_WRITE, user, &phys)) return RS_FAULT;
  if (((lin & 0xfff) + size) > RS_PAGE &&
      rs_mem_translate(m, lin + size - 1, RS_ACC_WRITE, user, &phys))
    return RS_FAULT;
  return RS_OK;
}
void rs_mem_flush_tlb(rs_machine *m);
/* Drops the machine's share of a physical page's snapshot page: about to
 * differ from it (machine.c). */
void rs_machine_unshare(rs_machine *m, uint32_t page);
/* Physical write used by undo and the loader: no effects, keeps caches
 * coherent. */
void rs_mem_phys_write(rs_machine *m, uint32_t phys, unsigned size, uint32_t val);
uint32_t rs_mem_phys_read(const rs_machine *m, uint32_t phys, unsigned size);

/* ---- segments and tables (tables.c) ---- */
/* Reads the 8-byte GDT descriptor for `sel` (supervisor access),
 * recording a GDT_READ effect with reason `why` when recording. */
rs_status rs_read_descriptor(rs_machine *m, uint16_t sel, uint32_t *lo, uint32_t *hi, rs_why why);
/* Fills a segment cache from a descriptor. */
void rs_seg_from_descriptor(rs_seg_cache *c, uint32_t lo, uint32_t hi);
/* Loads a segment register (selector + hidden cache), recording both. */
void rs_set_sreg(rs_machine *m, rs_sreg s, uint16_t sel, const rs_seg_cache *cache, rs_why why);
/* MOV/POP to a data or stack segment register with the protection checks
 * of SDM Vol. 2 MOV ("IF SS is loaded ..."): #GP(sel) / #SS / #NP. */
rs_status rs_load_sreg_checked(rs_machine *m, rs_sreg s, uint16_t sel, rs_why why);

/* ---- devices (devices.c) ---- */
void rs_dev_raise_irq(rs_machine *m, unsigned irq, rs_why why);
/* Highest-priority deliverable IRQ line, or -1. */
int  rs_dev_next_irq(const rs_machine *m);
void rs_dev_ack_irq(rs_machine *m, unsigned irq);
/* Port I/O; the permission check is the caller's. */
void rs_dev_out(rs_machine *m, uint16_t port, unsigned size, uint32_t val);
uint32_t rs_dev_in(rs_machine *m, uint16_t port, unsigned size);
/* After an instruction retires: advance icount, fire the timer. */
void rs_dev_tick(rs_machine *m);
/* Before a step: raise IRQs of scheduled events due now. */
void rs_dev_check_events(rs_machine *m);
void rs_console_append(rs_machine *m, char c);

/* ---- execution (exec.c) and delivery (deliver.c) ---- */
/* Executes one decoded instruction at EIP. On RS_FAULT, m->fault holds
 * the exception and no architectural register was changed. */
rs_status rs_exec(rs_machine *m, const rs_insn *in);
/* The handlers for a decoded instruction, chosen once when it is decoded:
 * specialised instances of rs_exec's code for the common forms whose
 * operands are all 32-bit, which change nothing but general registers,
 * arithmetic flags, EIP and memory (they keep quiet); IRET directly;
 * else rs_exec itself. */
rs_handler rs_exec_select(const rs_insn *in);
/* Raises an event to be delivered by the next step, recording the RAISE
 * with reason `why`. */
void rs_raise(rs_machine *m, const rs_event *ev, rs_why why);
/* Delivers core.pending or an external IRQ; returns the step kind. */
rs_step_kind rs_deliver(rs_machine *m, const rs_event *ev);
/* IRET in protected mode (SDM Vol. 2 IRET; x86-facts §2). */
rs_status rs_iret(rs_machine *m, const rs_insn *in);

/* Exceptions a step may raise, as pending fault data. */
void rs_fault(rs_machine *m, unsigned vector, bool has_error, uint32_t error_code);
static inline rs_status rs_fault_gp(rs_machine *m, uint32_t ec) { rs_fault(m, 13, true, ec); return RS_FAULT; }
static inline rs_status rs_fault_ud(rs_machine *m) { rs_fault(m, 6, false, 0); return RS_FAULT; }

/* True when the current step records effects. */
static inline bool rs_recording(const rs_machine *m) { return m->rec != NULL; }

#endif
