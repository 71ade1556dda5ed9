/* Ringside views: everything the window shows below its header bar, drawn
 * with cairo and pango from the core's state — no GTK types. The GUI hosts
 * these drawings in widgets; the tests and `ringside-cli render` draw them
 * to image, SVG or PDF surfaces.
 *
 * A view is a pure function of (session state, the step that led here,
 * animation progress 0..1, theme, zoom): the same input draws the same
 * pixels. Layout (rectangles, rows, slots) is computed separately from
 * painting so it can be tested as numbers. Units are logical pixels; the
 * zoom factor scales every font and size. */
#ifndef RINGSIDE_UI_VIEW_H
#define RINGSIDE_UI_VIEW_H

#include <cairo.h>
#include <stdbool.h>
#include <stdint.h>

#include <ringside/narrate.h>
#include <ringside/session.h>

typedef enum rs_theme_kind { RS_THEME_LIGHT, RS_THEME_DARK, RS_THEME_HIGH_CONTRAST } rs_theme_kind;

/* Fonts and shaped text kept from one frame to the next. Drawing is
 * several times faster with one: create it with the canvas, pass it in
 * every rs_view_input, free it with the canvas. Not thread-safe: one
 * cache per thread that draws. */
typedef struct rs_view_cache rs_view_cache;

rs_view_cache *rs_view_cache_new(void);
void rs_view_cache_free(rs_view_cache *c);

/* The parts of one frame, for timing them (bench/ringside-bench-views). */
typedef enum rs_view_part {
  RS_PART_MODELS,      /* models of every card, beats, layout; the background */
  RS_PART_CODE,
  RS_PART_CPU,
  RS_PART_STACKS,      /* user and kernel stack */
  RS_PART_IDT,
  RS_PART_TSS,
  RS_PART_NARRATION,
  RS_PART_CONSOLE,
  RS_PART_TIMELINE,
  RS_PART_OVERLAYS,    /* arrows, ESP marker, values in flight */
  RS_NPARTS
} rs_view_part;

/* Milliseconds of wall-clock time spent in each part; rs_view_draw adds
 * to them, so one struct can sum many frames. */
typedef struct rs_view_timings {
  double ms[RS_NPARTS];
} rs_view_timings;

/* What to draw. */
typedef struct rs_view_input {
  const rs_session *session;       /* scenario, current machine, timeline, position */
  const rs_step_record *step;      /* the step that led to the current state; NULL at step 0 */
  const rs_narration *narration;   /* narration of `step` (or of the start) */
  double progress;                 /* animation of `step`: 0 = before, 1 = done */
  rs_theme_kind theme;
  double zoom;                     /* 1.0 = the mockup's sizes at 1280x800 */
  rs_view_cache *cache;            /* optional (NULL: a cache per call) */
  rs_view_timings *timings;        /* optional: time per part is added here */
} rs_view_input;

/* A rectangle in logical pixels. */
typedef struct rs_rect {
  double x, y, w, h;
} rs_rect;

/* Where each part of the view goes for a given canvas size, in the
 * canvas's logical pixels (zoom applied), so hosts can hit-test with
 * pointer coordinates. */
typedef struct rs_view_layout {
  rs_rect code, cpu, user_stack, kernel_stack, idt, tss, narration, console, timeline;
  bool show_console;               /* the scenario printed something */
  bool narrow;                     /* under ~1180 px (at zoom 1) the IDT moves under
                                      the other cards, beside the narration, and the
                                      TSS into it (tss is then empty) */
} rs_view_layout;

/* Computes the layout for a canvas of w x h logical pixels. */
void rs_view_layout_compute(double w, double h, const rs_view_input *in, rs_view_layout *out);

/* Draws the whole view (cards, arrows between them, narration, console,
 * timeline) into a w x h area at the current origin of `cr`. */
void rs_view_draw(cairo_t *cr, double w, double h, const rs_view_input *in);

/* Maps a point in the timeline to the step it designates — the session
 * position (1..length) whose last step is that tick, for
 * rs_session_seek(); false if the point is outside the timeline's track. */
bool rs_view_timeline_hit(const rs_view_layout *l, const rs_view_input *in, double x, double y,
                          uint64_t *step);

/* Text for a timeline tooltip at position `step` (as rs_view_timeline_hit
 * gives it): "14 · int $0x40", into buf. */
void rs_view_timeline_tooltip(const rs_view_input *in, uint64_t step, char *buf, size_t len);

/* Seconds one step's animation lasts at speed 1.0 (the GUI scales it). */
double rs_view_step_duration(const rs_step_record *step);

#endif
