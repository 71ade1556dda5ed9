/* Ringside views: the timeline's geometry (pure numbers, no cairo) — two
 * lanes, user above kernel, one tick per step in the lane of the level
 * the step leads to, and the mode transfers between them. */
#ifndef RINGSIDE_UI_TIMELINE_MODEL_H
#define RINGSIDE_UI_TIMELINE_MODEL_H

#include <stddef.h>

#include "view.h"

typedef struct rs_timeline_geom {
  rs_rect bar;            /* the whole bar */
  rs_rect track;          /* where the ticks go, both lanes */
  double user_cy, kernel_cy, lane_h;
  double tag_cy;          /* the current step's tag, above the lanes */
  double label_y;         /* baseline of the labels under the lanes */
  double legend_x;        /* left of the legend */
  double pitch;           /* px per step */
  size_t n;               /* steps */
} rs_timeline_geom;

/* Lays out a bar for n steps. */
void rs_timeline_geom_compute(rs_rect bar, size_t n, rs_timeline_geom *g);

/* Width of one tick (ticks are drawn one by one when pitch >= 5, as
 * runs otherwise). */
double rs_timeline_tick_w(const rs_timeline_geom *g);

/* Left edge of the tick of step i (0-based). */
double rs_timeline_tick_x(const rs_timeline_geom *g, size_t i);

/* The position (1..n) whose last step is under x, if (x, y) is on the
 * track (a little slack above and below it). */
bool rs_timeline_position_at(const rs_timeline_geom *g, double x, double y, uint64_t *pos);

/* One mode transfer: the step that changed the level. */
typedef struct rs_timeline_marker {
  size_t step;            /* 0-based */
  bool into_kernel;       /* ▼ (else ▲, back to user) */
} rs_timeline_marker;

/* Mode transfers of the run, in order; returns how many were written
 * (at most max). */
size_t rs_timeline_markers(const rs_session *s, rs_timeline_marker *out, size_t max);

#endif
