/* Ringside views: drawing primitives shared by every card — cards, boxes,
 * pills and chips, text in the theme's styles, arrows along polylines. */
#ifndef RINGSIDE_UI_DRAW_UTIL_H
#define RINGSIDE_UI_DRAW_UTIL_H

#include <cairo.h>

#include "text.h"
#include "theme.h"
#include "view.h"

/* What every painter draws with. */
typedef struct rs_painter {
  cairo_t *cr;
  const rs_theme *theme;
  rs_text_cache *text;
} rs_painter;

typedef enum rs_align { RS_ALIGN_LEFT, RS_ALIGN_CENTER, RS_ALIGN_RIGHT } rs_align;

#define RS_PI 3.14159265358979323846

/* Corner radius of cards (libadwaita's). */
#define RS_CARD_RADIUS 12.0

void rs_set_color(cairo_t *cr, rs_rgba c);

/* Adds a rounded rectangle to the path. */
void rs_path_rounded(cairo_t *cr, rs_rect r, double radius);

/* A card: soft shadow, background and hairline border. */
void rs_draw_card(const rs_painter *p, rs_rect r);

/* A rounded box filled with `fill` (alpha 0: none) and outlined with
 * `stroke` at width `line` (0: none), dashed when `dashed`. */
void rs_draw_box(const rs_painter *p, rs_rect r, double radius, rs_rgba fill, rs_rgba stroke,
                 double line, bool dashed);

/* A card's title at the top left and, under it, its subtitle (NULL: none;
 * mono for hex). Returns the y under them. */
double rs_draw_card_title(const rs_painter *p, rs_rect card, const char *title,
                          const char *subtitle, bool subtitle_mono);

/* The baseline that centres a line of style `f` on `cy`. */
double rs_baseline_for(rs_font f, double cy);

/* Width of text in a style. */
double rs_text_width(const rs_painter *p, rs_font f, const char *s);

/* Draws text with its first baseline at y, aligned on x; cut with "…" to
 * `max_w` when max_w > 0. Returns the width drawn. */
double rs_draw_text(const rs_painter *p, rs_font f, const char *s, double x, double y,
                    rs_align a, rs_rgba c, double max_w);

/* Draws Pango markup wrapped to width w from the top-left (x, y); returns
 * its height. */
double rs_draw_wrapped(const rs_painter *p, rs_font f, const char *markup, double x, double y,
                       double w, rs_rgba c);

/* Height of markup wrapped to width w. */
double rs_wrapped_height(const rs_painter *p, rs_font f, const char *markup, double w);

/* Pill styles: solid (hue's pill colour, contrasting text), tinted
 * (hue's fill as a light background, hue's text) and outlined. */
typedef enum rs_pill_style { RS_PILL_SOLID, RS_PILL_TINT, RS_PILL_OUTLINE } rs_pill_style;

/* Width of a pill holding `s` in style f. */
double rs_pill_width(const rs_painter *p, rs_font f, const char *s);

/* Draws a pill centred vertically on cy, aligned on x; returns its width. */
double rs_draw_pill(const rs_painter *p, rs_font f, const char *s, double x, double cy,
                    rs_align a, rs_pill_style style, rs_hue hue, double alpha);

/* A polyline of n points, of which only the first `fraction` of the
 * length is drawn; an arrowhead at the drawn end when `head`, a dot at
 * the start when `dot`. */
void rs_draw_arrow(const rs_painter *p, const double (*pts)[2], int n, double fraction,
                   rs_rgba c, double width, bool head, bool dot);

/* A small triangle pointing right (dir 1) or left (dir -1) at (x, cy). */
void rs_draw_triangle(cairo_t *cr, double x, double cy, double size, int dir, rs_rgba c);

/* A check mark in a box of `size` centred on (cx, cy). */
void rs_draw_check(cairo_t *cr, double cx, double cy, double size, rs_rgba c);

/* Fades the bottom (dir 1) or top (dir -1) `h` px of r into `bg`. */
void rs_draw_fade(cairo_t *cr, rs_rect r, double h, int dir, rs_rgba bg);

/* Smooth easing of t in 0..1. */
double rs_ease(double t);

/* a + (b - a) * t */
static inline double rs_lerp(double a, double b, double t) { return a + (b - a) * t; }

#endif
