/* Ringside views: when each effect of a step plays during its animation.
 *
 * A step's effects play in order over progress 0..1. Each effect gets a
 * beat — an interval of progress — in proportion to how much there is to
 * see: a push or a gate read gets a beat of its own, the ESP decrement of
 * a push shares the push's beat, and bookkeeping (descriptor caches,
 * accessed bits, page-walk bits) takes none. At progress 1 every beat is
 * over and the picture is the final state. */
#ifndef RINGSIDE_UI_BEATS_H
#define RINGSIDE_UI_BEATS_H

#include <stdint.h>

#include <ringside/step.h>

typedef struct rs_beats {
  const rs_step_record *step;  /* NULL: no step, everything is final */
  float (*span)[2];            /* per effect: start and end progress */
  uint32_t n;
} rs_beats;

/* True for the reasons of a stack push (a MEM effect: hardware frame,
 * pushal, push, call, pushfl) and of a stack pop (a READ effect: pop,
 * ret, popal, popfl, iret). */
bool rs_why_is_push(rs_why w);
bool rs_why_is_pop(rs_why w);

/* Computes the beats of `step` (may be NULL). Returns false on
 * allocation failure (then every effect is treated as done). */
bool rs_beats_init(rs_beats *b, const rs_step_record *step);
void rs_beats_free(rs_beats *b);

/* How far effect i has played at `progress`: 0 before its beat, 1 after. */
double rs_beat(const rs_beats *b, uint32_t i, double progress);

/* The value of register location `loc` at `progress`: the old value of
 * its first change until that change is half played, and so on; `final`
 * when the step does not change it. */
uint32_t rs_beats_loc_value(const rs_beats *b, rs_loc loc, double progress, uint32_t final);

/* The index of the last effect that changes `loc` (or -1), and of the
 * first (or -1). */
int rs_beats_last_reg(const rs_beats *b, rs_loc loc);
int rs_beats_first_reg(const rs_beats *b, rs_loc loc);

/* The index of the last memory write covering the 4-byte word at addr,
 * or -1. */
int rs_beats_last_write(const rs_beats *b, uint32_t addr);

/* The index of the first effect of `kind` (and, unless RS_WHY_NONE, of
 * reason `why`), or -1. */
int rs_beats_find(const rs_beats *b, rs_effect_kind kind, rs_why why);

#endif
