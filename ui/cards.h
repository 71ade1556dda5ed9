/* Ringside views: one frame's data and the card painters that draw it.
 *
 * rs_view_draw() builds an rs_frame — the models of every card for the
 * input, the beats of the step, the layout — then asks each painter to
 * draw its card. Painters record the few positions the overlays need
 * (where a register row or a stack slot ended up, where the handler's
 * line is), and view.c draws the arrows and moving values on top. */
#ifndef RINGSIDE_UI_CARDS_H
#define RINGSIDE_UI_CARDS_H

#include "beats.h"
#include "code-model.h"
#include "cpu-model.h"
#include "draw-util.h"
#include "idt-model.h"
#include "stack-model.h"
#include "timeline-model.h"

enum { RS_STACK_USER, RS_STACK_KERNEL };

/* Where a stack card put its columns and rows. */
typedef struct rs_stack_geom {
  double rows_y;           /* top of the first row */
  double slot_x, slot_w;   /* the slot column */
  double addr_x;           /* the address column's inner edge (next to the slots) */
  rs_stack_layout layout;
} rs_stack_geom;

typedef struct rs_frame {
  const rs_view_input *in;
  rs_painter p;
  double progress;
  bool narrow;             /* 1024-class layout: IDT under the cards */
  rs_view_layout layout;   /* in design px (zoom 1) */
  rs_beats beats;
  rs_code_model code;
  rs_cpu_model cpu;
  rs_stack_model stacks[2];
  rs_idt_model idt;
  uint32_t esp_now;        /* ESP at this point of the animation */
  /* Recorded by the painters for the overlays. */
  rs_rect code_view;       /* the listing's viewport */
  double code_scroll;
  double handler_y;        /* centre of the handler's label row, or -1 */
  rs_stack_geom stack_geom[2];
  double idt_row_cy;       /* centre of the row this step used, or -1 */
  double idt_row_x;        /* its left edge */
} rs_frame;

void rs_code_view_paint(rs_frame *f);
void rs_cpu_view_paint(rs_frame *f);
void rs_stack_view_paint(rs_frame *f, int which);
void rs_idt_view_paint(rs_frame *f);
void rs_tss_view_paint(rs_frame *f);
void rs_narration_view_paint(rs_frame *f);
void rs_console_view_paint(rs_frame *f);
void rs_timeline_view_paint(rs_frame *f);

/* The value area of a CPU row, in design px (for values that fly). */
rs_rect rs_cpu_view_value_rect(const rs_frame *f, rs_cpu_row row);

/* The rectangle of the code row showing addr, if visible. */
bool rs_code_view_row_rect(const rs_frame *f, uint32_t addr, rs_rect *out);

/* The slot of the word at addr in a stack card, if it has one. */
bool rs_stack_view_slot_rect(const rs_frame *f, int which, uint32_t addr, rs_rect *out);

/* The y an ESP value points to in a stack card, if it lies in it. */
bool rs_stack_view_esp_y(const rs_frame *f, int which, uint32_t esp, double *y);

/* Draws an ESP marker: a pill with a point towards its slot (dir 1:
 * pointing right, -1: left), solid for the live ESP, outlined for a
 * saved one. `x` is the point's tip. */
void rs_draw_esp_pill(const rs_painter *p, const char *label, double x, double cy, int dir,
                      bool solid, rs_hue hue, double alpha);

/* "0x%08x" (digits 8) or "0x%04x" (digits 4) into buf. */
void rs_hex(char *buf, size_t len, uint32_t v, unsigned digits);

#endif
