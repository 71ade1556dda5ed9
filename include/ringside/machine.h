/* Ringside — the simulated IA-32 machine: CPU, memory with paging, devices.
 *
 * The machine is plain data behind an opaque handle: every byte of state
 * (registers, physical memory, device registers, pending events) can be
 * snapshotted and restored, and the same scenario always produces the same
 * sequence of states.  Nothing here depends on GLib or GTK.
 *
 * Hardware facts follow the Intel SDM (Vol. 3A ch. 4-6, Vol. 2 instruction
 * pages); see ../shared/reference/x86-facts.md for the digest we implement.
 */
#ifndef RINGSIDE_MACHINE_H
#define RINGSIDE_MACHINE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#ifdef __cplusplus
extern "C" {
#endif

/* General-purpose registers, in the order of their 3-bit encoding in ModRM
 * (Intel SDM Vol. 2 Table 2-1). */
typedef enum rs_reg {
  RS_EAX, RS_ECX, RS_EDX, RS_EBX, RS_ESP, RS_EBP, RS_ESI, RS_EDI,
  RS_NREG
} rs_reg;

/* Segment registers, in the order of their 3-bit encoding (SDM Vol. 2 §3.1.1.3). */
typedef enum rs_sreg { RS_ES, RS_CS, RS_SS, RS_DS, RS_FS, RS_GS, RS_NSREG } rs_sreg;

/* EFLAGS bits (SDM Vol. 1 §3.4.3). Bit 1 always reads as 1. */
enum {
  RS_FL_CF = 1u << 0, RS_FL_FIXED = 1u << 1, RS_FL_PF = 1u << 2, RS_FL_AF = 1u << 4,
  RS_FL_ZF = 1u << 6, RS_FL_SF = 1u << 7, RS_FL_TF = 1u << 8, RS_FL_IF = 1u << 9,
  RS_FL_DF = 1u << 10, RS_FL_OF = 1u << 11, RS_FL_IOPL = 3u << 12, RS_FL_NT = 1u << 14,
  RS_FL_RF = 1u << 16, RS_FL_VM = 1u << 17, RS_FL_AC = 1u << 18, RS_FL_ID = 1u << 21
};

/* CR0 bits used by the machine (SDM Vol. 3A §2.5). */
enum { RS_CR0_PE = 1u << 0, RS_CR0_WP = 1u << 16, RS_CR0_PG = 1u << 31 };

/* Page-table entry bits, 32-bit paging (SDM Vol. 3A §4.3, Table 4-6). */
enum {
  RS_PTE_P = 1u << 0, RS_PTE_W = 1u << 1, RS_PTE_U = 1u << 2,
  RS_PTE_A = 1u << 5, RS_PTE_D = 1u << 6, RS_PTE_PS = 1u << 7
};

/* Page-fault error-code bits (SDM Vol. 3A §4.7). */
enum { RS_PFEC_P = 1u << 0, RS_PFEC_W = 1u << 1, RS_PFEC_U = 1u << 2 };

/* Hidden part of a segment register: what the CPU cached from the
 * descriptor when the selector was loaded (SDM Vol. 3A §3.4.3). */
typedef struct rs_seg_cache {
  uint32_t base;
  uint32_t limit;     /* in bytes, already scaled by the G bit */
  uint8_t  access;    /* descriptor byte 5: P, DPL, S, type */
  uint8_t  flags;     /* descriptor byte 6 high nibble: G, D/B, L, AVL */
  uint8_t  pad[2];    /* explicit, so states compare byte for byte */
} rs_seg_cache;

/* A descriptor-table register (GDTR/IDTR): base is a linear address,
 * limit is the size in bytes minus one (SDM Vol. 3A §2.4). */
typedef struct rs_dtr {
  uint32_t base;
  uint16_t limit;
  uint16_t pad;
} rs_dtr;

/* The architectural CPU state. Plain data; copied whole into snapshots. */
typedef struct rs_cpu {
  uint32_t gpr[RS_NREG];       /* indexed by rs_reg */
  uint32_t eip;
  uint32_t eflags;
  uint16_t sel[RS_NSREG];      /* visible selectors, indexed by rs_sreg */
  rs_seg_cache seg[RS_NSREG];  /* hidden descriptor caches */
  uint32_t cr0, cr2, cr3, cr4;
  rs_dtr   gdtr, idtr;
  uint16_t tr;                 /* task register selector */
  uint16_t pad;
  rs_seg_cache tr_cache;       /* TSS base/limit from the TSS descriptor */
} rs_cpu;

/* CPL is the RPL of the loaded CS (SDM Vol. 3A §5.5). */
static inline unsigned rs_cpu_cpl(const rs_cpu *c) { return c->sel[RS_CS] & 3u; }

/* How an event reaches the CPU; decides error codes, the DPL check and the
 * saved EIP (SDM Vol. 3A §6.4, §6.12; VMX interruption types, §24.8.3). */
typedef enum rs_event_kind {
  RS_EV_NONE = 0,
  RS_EV_EXTERNAL,        /* IRQ from the interrupt controller (INTR pin) */
  RS_EV_EXCEPTION,       /* processor-detected fault/trap/abort */
  RS_EV_SOFT_INT,        /* INT n */
  RS_EV_SOFT_EXCEPTION   /* INT3, INTO */
} rs_event_kind;

/* An event raised by one step and delivered by the next (DESIGN §3). */
typedef struct rs_event {
  uint8_t  kind;         /* rs_event_kind; RS_EV_NONE = nothing pending */
  uint8_t  vector;       /* 0-255 */
  uint8_t  has_error;    /* push an error code */
  uint8_t  irq;          /* for RS_EV_EXTERNAL: the IRQ line, else 0xff */
  uint32_t error_code;
  uint32_t return_eip;   /* EIP to save: the faulting instruction or the next one */
  uint32_t cr2;          /* for #PF: the faulting linear address, loaded into CR2 */
  uint8_t  nested;       /* raised while delivering another event (EXT bit, #DF) */
  uint8_t  first_vector; /* for nested: the vector whose delivery failed */
  uint8_t  pad[2];
} rs_event;

/* 8259-style interrupt controller: IRQ n arrives as vector base+n.
 * Only what teaching scenarios use: IRR/ISR/IMR, non-specific EOI (OCW2 0x20
 * on port 0x20) and the mask register (OCW1 on port 0x21). */
typedef struct rs_pic {
  uint8_t irr;           /* pending (requested) lines */
  uint8_t isr;           /* lines in service (delivered, not yet EOIed) */
  uint8_t imr;           /* masked lines */
  uint8_t vector_base;   /* 32 in every shipped scenario (T_IRQ0 in xv6) */
} rs_pic;

/* Programmable interval timer, counted in retired instructions, never in
 * wall-clock time: every `period` instructions it raises IRQ `irq`. */
typedef struct rs_timer {
  uint64_t period;       /* 0 = timer off */
  uint64_t next;         /* icount at which it fires next */
  uint8_t  irq;
  uint8_t  pad[7];
} rs_timer;

typedef struct rs_machine rs_machine;

/* Memory-region attributes given to rs_machine_map(). */
typedef enum rs_map_flags {
  RS_MAP_USER = 1u << 0,      /* U/S = 1: CPL 3 may access */
  RS_MAP_WRITABLE = 1u << 1   /* R/W = 1 */
} rs_map_flags;

/* Creates a machine with `phys_pages` 4 KiB frames of zeroed physical memory.
 * CR0 = PE|PG|WP, paging enabled with an empty page directory in frame 0,
 * flat GDT not yet installed (see rs_machine_install_gdt). Returns NULL if
 * memory cannot be allocated. */
rs_machine *rs_machine_new(uint32_t phys_pages);
void rs_machine_free(rs_machine *m);

/* Maps `size` bytes at linear address `base` (both multiples of 4096) to
 * newly allocated physical frames, creating page tables as needed.
 * Returns the physical address of the first frame, or UINT32_MAX if the
 * range overlaps an existing mapping or physical memory is exhausted. */
uint32_t rs_machine_map(rs_machine *m, uint32_t base, uint32_t size, unsigned flags);

/* Physical frames still free. */
uint32_t rs_machine_free_pages(const rs_machine *m);

/* Writes/reads bytes at a linear address, bypassing protection (used by the
 * loader and the views, never by the simulated CPU). Returns false if any
 * byte is unmapped. Reads do not set accessed bits. */
bool rs_machine_poke(rs_machine *m, uint32_t lin, const void *src, size_t n);
bool rs_machine_peek(const rs_machine *m, uint32_t lin, void *dst, size_t n);
bool rs_machine_peek32(const rs_machine *m, uint32_t lin, uint32_t *out);

/* Translates a linear address without side effects, as the page walk would.
 * Returns false if not present; *pte_out (if non-NULL) gets the effective
 * U/W bits combined from PDE and PTE, and the PTE itself. */
bool rs_machine_translate(const rs_machine *m, uint32_t lin, uint32_t *phys,
                          uint32_t *pde_out, uint32_t *pte_out);

/* Physical memory, for snapshots and views. */
const uint8_t *rs_machine_phys(const rs_machine *m, uint32_t *size);

/* Builds the flat GDT (null, kernel code 0x08, kernel data 0x10, user code
 * 0x1b, user data 0x23, TSS 0x28 — xv6's layout, x86-facts §6.4) at linear
 * `gdt_base`, a 104-byte TSS at `tss_base` with SS0 = 0x10, ESP0 = `esp0`
 * and I/O map base 0xffff (no user I/O, x86-facts §1.8), and a 256-entry
 * IDT of not-present gates at `idt_base`; loads GDTR, IDTR and TR and
 * reloads every segment cache. Returns false if a table is not mapped. */
bool rs_machine_install_tables(rs_machine *m, uint32_t gdt_base,
                               uint32_t idt_base, uint32_t tss_base,
                               uint32_t esp0);

/* Writes IDT entry `vector` in its real 8-byte format (x86-facts §1.2):
 * selector 0x08, offset `handler`, type 0xE (interrupt gate) or 0xF (trap
 * gate), the given DPL and P. */
typedef enum rs_gate_type { RS_GATE_INTERRUPT = 0xE, RS_GATE_TRAP = 0xF } rs_gate_type;
bool rs_machine_set_gate(rs_machine *m, unsigned vector, uint32_t handler,
                         rs_gate_type type, unsigned dpl, bool present);

/* Decoded view of an 8-byte IDT gate. */
typedef struct rs_gate {
  uint32_t offset;
  uint16_t selector;
  uint8_t  type;      /* 0xE interrupt, 0xF trap, 0x5 task, 0x6/0x7 16-bit */
  uint8_t  dpl;
  bool     present;
  uint32_t addr;      /* linear address of the gate: IDTR.base + 8 * vector */
} rs_gate;
bool rs_machine_read_gate(const rs_machine *m, unsigned vector, rs_gate *out);

/* Sets the CPU state to start executing at privilege level `cpl` (0 or 3):
 * loads CS/SS/DS/ES with the kernel or user selectors of the flat GDT. */
void rs_machine_set_privilege(rs_machine *m, unsigned cpl);

/* Direct access to the CPU state (loader and views). */
rs_cpu *rs_machine_cpu(rs_machine *m);
const rs_cpu *rs_machine_cpu_const(const rs_machine *m);

/* Devices. */
const rs_pic *rs_machine_pic(const rs_machine *m);
void rs_machine_set_timer(rs_machine *m, unsigned irq, uint64_t first, uint64_t period);
const rs_timer *rs_machine_timer(const rs_machine *m);

/* Scheduled events: raise IRQ `irq` just before step `step` runs, or the
 * first `count` times (0 = every time) execution reaches linear address
 * `eip`. Events are data of the scenario, not of the state: they are never
 * undone, but their firing is (the count lives in the state). Returns the
 * event index or -1 when the table (RS_MAX_EVENTS) is full. */
#define RS_MAX_EVENTS 32
int rs_machine_add_step_event(rs_machine *m, uint64_t step, unsigned irq);
int rs_machine_add_label_event(rs_machine *m, uint32_t eip, unsigned irq, unsigned count);

/* Console: bytes written with OUT to the COM1 data port 0x3f8. */
#define RS_PORT_COM1 0x3f8
const char *rs_machine_console(const rs_machine *m, size_t *len);

/* Counters: steps taken and instructions retired since the start. */
uint64_t rs_machine_step_count(const rs_machine *m);
uint64_t rs_machine_icount(const rs_machine *m);

/* The event raised by the last step and not yet delivered. */
const rs_event *rs_machine_pending_event(const rs_machine *m);

/* True when the CPU is halted (HLT) or stopped for good (triple fault, or
 * halted with IF = 0 and nothing that could wake it). */
bool rs_machine_halted(const rs_machine *m);
bool rs_machine_stopped(const rs_machine *m);

/* Provenance of one 4-byte memory word: the reason code of the last write
 * (rs_why) and the EIP of the instruction that wrote it (for delivery
 * pushes: the EIP at which the event was delivered). Kept per physical word
 * so stack slots stay labelled across nesting and context switches.
 * Returns false if `lin` is unmapped or never written since load. */
typedef struct rs_word_tag {
  uint16_t why;       /* rs_why */
  uint16_t step_lo;   /* low 16 bits of the step that wrote it (recency hint) */
  uint32_t eip;       /* writer */
} rs_word_tag;
bool rs_machine_word_tag(const rs_machine *m, uint32_t lin, rs_word_tag *out);

/* Snapshots: the whole state (CPU, memory, word tags, devices, console,
 * counters) as an opaque blob. rs_machine_restore() requires a snapshot of
 * the same machine (same physical size). */
typedef struct rs_snapshot rs_snapshot;
rs_snapshot *rs_machine_snapshot(const rs_machine *m);
void rs_machine_restore(rs_machine *m, const rs_snapshot *s);
void rs_snapshot_free(rs_snapshot *s);
size_t rs_snapshot_size(const rs_snapshot *s);

/* Byte-for-byte equality of two machine states (tests). On inequality,
 * writes a short description of the first difference into `why`. */
bool rs_machine_equal(const rs_machine *a, const rs_machine *b, char *why, size_t whylen);

/* Full copy of a machine, including scenario events (tests, benches). */
rs_machine *rs_machine_clone(const rs_machine *m);

#ifdef __cplusplus
}
#endif
#endif
