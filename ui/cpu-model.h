/* Ringside views: the CPU card as data (no cairo) — the privilege level
 * before and after the step, the registers with their old values, the
 * EFLAGS bits, and where each row goes in the card. */
#ifndef RINGSIDE_UI_CPU_MODEL_H
#define RINGSIDE_UI_CPU_MODEL_H

#include "beats.h"
#include "theme.h"
#include "view.h"

/* Rows in card order. Those from RS_CPU_DS on are optional: shown when
 * the step changed them (CR2 also when set), else when there is room. */
typedef enum rs_cpu_row {
  RS_CPU_EAX, RS_CPU_EBX, RS_CPU_ECX, RS_CPU_EDX, RS_CPU_ESI, RS_CPU_EDI, RS_CPU_EBP,
  RS_CPU_ESP, RS_CPU_EIP, RS_CPU_EFLAGS, RS_CPU_CS, RS_CPU_SS,
  RS_CPU_DS, RS_CPU_ES, RS_CPU_CR2, RS_CPU_IDTR, RS_CPU_TR, RS_CPU_FS, RS_CPU_GS,
  RS_CPU_NROWS
} rs_cpu_row;

typedef struct rs_cpu_reg {
  rs_loc loc;
  const char *name;      /* "EAX" */
  uint32_t value;        /* after the step */
  uint32_t old;          /* before the step */
  bool changed;          /* the step changed it */
  bool shown;            /* placed by the layout */
  bool wanted;           /* must be shown: a base row, changed, or CR2 set */
  int first_effect, last_effect; /* its REG effects, or -1 */
  unsigned digits;       /* hex digits: 8, or 4 for selectors */
  rs_hue hue;            /* by what the value points to */
  double y, h;           /* row in the card (layout) */
} rs_cpu_reg;

typedef struct rs_cpu_flag {
  const char *name;      /* "IF" */
  uint32_t bit;
  bool set, was_set;
} rs_cpu_flag;

#define RS_CPU_NFLAGS 8

typedef struct rs_cpu_model {
  unsigned cpl, cpl_before;
  int cs_effect;              /* the ring indicator flips in this beat, or -1 */
  rs_cpu_reg regs[RS_CPU_NROWS];
  rs_cpu_flag flags[RS_CPU_NFLAGS];
  int eflags_effect;          /* last EFLAGS change, or -1 */
  /* Layout, relative to the card's top. */
  bool compact;               /* small ring indicator, tighter rows */
  double ring_cy, ring_r;     /* ring indicator */
  double flags_y;             /* first row of flag chips (centre) */
  double rule1_y, rule2_y;    /* separators */
  double height;              /* content height */
} rs_cpu_model;

/* Heights of a register row, and of one that changed (with "was …"). */
#define RS_CPU_ROW_H 22.0
#define RS_CPU_CHANGED_H 40.0

/* The hue of value v shown in row `row`: selectors by their RPL, other
 * values by what they point to. */
rs_hue rs_cpu_model_hue(const rs_scenario *s, rs_cpu_row row, uint32_t v);

void rs_cpu_model_build(const rs_view_input *in, const rs_beats *b, rs_cpu_model *out);

/* Places the rows for a card of height card_h: the rows it must show,
 * with the spacing tightened (down to a compact form) when they do not
 * fit, then optional rows while there is room. */
void rs_cpu_model_layout(rs_cpu_model *m, double card_h);

/* The row showing register location loc (GPRs, EIP, EFLAGS, CS, SS,
 * CR2), or -1. */
int rs_cpu_model_row_of(rs_loc loc);

#endif
