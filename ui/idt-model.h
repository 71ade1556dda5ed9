/* Ringside views: the IDT and TSS cards as data (no cairo) — the gates
 * that are present plus the one this step used, the lookup the CPU made
 * (IDTR.base + vector × 8, and the DPL check of a software interrupt),
 * and the TSS fields it read. */
#ifndef RINGSIDE_UI_IDT_MODEL_H
#define RINGSIDE_UI_IDT_MODEL_H

#include "beats.h"
#include "view.h"

typedef struct rs_idt_row {
  unsigned vector;
  char name[24];          /* "#PF", "timer", "syscall", "" */
  bool present;
  bool trap;              /* trap gate (else interrupt gate) */
  unsigned dpl;
  uint32_t handler;
  char handler_label[48]; /* "syscall_entry" */
  bool used;              /* this step read this gate */
} rs_idt_row;

#define RS_IDT_MAX_ROWS 256

typedef struct rs_idt_model {
  uint32_t base;            /* IDTR.base */
  rs_idt_row rows[RS_IDT_MAX_ROWS];
  size_t n;
  int used;                 /* row this step read, or -1 */
  int idt_effect;           /* the IDT_READ effect, or -1 */
  /* The lookup, when the step delivered. */
  bool lookup;
  unsigned vector;
  uint32_t gate_addr;
  uint32_t gate_lo, gate_hi;  /* the 8 bytes read, as two dwords */
  bool dpl_checked, dpl_ok; /* software interrupts: CPL <= DPL */
  unsigned cpl, dpl;
  int check_effect;         /* the DPL check, or -1 */
  bool present_failed;      /* the gate was not present */
  /* TSS. */
  uint16_t tr;
  uint16_t ss0;
  uint32_t esp0;
  int ss0_effect, esp0_effect; /* TSS reads of this step, or -1 */
} rs_idt_model;

void rs_idt_model_build(const rs_view_input *in, const rs_beats *b, rs_idt_model *out);

/* Chooses which rows fit in `max_rows`: the used row always, then the
 * others nearest to it in vector order. Writes row indices in vector
 * order into `out` and returns how many. */
size_t rs_idt_model_visible(const rs_idt_model *m, size_t max_rows, int *out);

#endif
