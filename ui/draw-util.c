/* Drawing primitives. Sizes are logical px at zoom 1; the caller's cairo
 * transformation does the zoom. */
#include "draw-util.h"

#include <math.h>

void rs_set_color(cairo_t *cr, rs_rgba c) { cairo_set_source_rgba(cr, c.r, c.g, c.b, c.a); }

void rs_path_rounded(cairo_t *cr, rs_rect r, double radius) {
  double rad = fmin(radius, fmin(r.w, r.h) / 2);
  if (rad <= 0) {
    cairo_rectangle(cr, r.x, r.y, r.w, r.h);
    return;
  }
  cairo_new_sub_path(cr);
  cairo_arc(cr, r.x + r.w - rad, r.y + rad, rad, -RS_PI / 2, 0);
  cairo_arc(cr, r.x + r.w - rad, r.y + r.h - rad, rad, 0, RS_PI / 2);
  cairo_arc(cr, r.x + rad, r.y + r.h - rad, rad, RS_PI / 2, RS_PI);
  cairo_arc(cr, r.x + rad, r.y + rad, rad, RS_PI, 3 * RS_PI / 2);
  cairo_close_path(cr);
}

void rs_draw_card(const rs_painter *p, rs_rect r) {
  cairo_t *cr = p->cr;
  const rs_theme *t = p->theme;
  if (t->shadow.a > 0) {
    /* A soft edge under the card: an outline only, so the card's area is
     * not filled twice. */
    rs_rect s = { r.x - 0.5, r.y + 0.5, r.w + 1, r.h + 1 };
    rs_path_rounded(cr, s, RS_CARD_RADIUS + 0.5);
    rs_set_color(cr, t->shadow);
    cairo_set_line_width(cr, 2);
    cairo_stroke(cr);
  }
  rs_path_rounded(cr, r, RS_CARD_RADIUS);
  rs_set_color(cr, t->card);
  cairo_fill_preserve(cr);
  rs_set_color(cr, t->card_border);
  cairo_set_line_width(cr, t->line > 2 ? 1.5 : 1);
  cairo_stroke(cr);
}

void rs_draw_box(const rs_painter *p, rs_rect r, double radius, rs_rgba fill, rs_rgba stroke,
                 double line, bool dashed) {
  cairo_t *cr = p->cr;
  if (fill.a > 0) {
    rs_path_rounded(cr, r, radius);
    rs_set_color(cr, fill);
    cairo_fill(cr);
  }
  if (line > 0 && stroke.a > 0) {
    rs_rect in = { r.x + line / 2, r.y + line / 2, r.w - line, r.h - line };
    rs_path_rounded(cr, in, radius - line / 2);
    rs_set_color(cr, stroke);
    cairo_set_line_width(cr, line);
    if (dashed) cairo_set_dash(cr, (const double[]){ 4, 3 }, 2, 0);
    cairo_stroke(cr);
    if (dashed) cairo_set_dash(cr, NULL, 0, 0);
  }
}

double rs_draw_card_title(const rs_painter *p, rs_rect card, const char *title,
                          const char *subtitle, bool subtitle_mono) {
  double x = card.x + 14;
  rs_draw_text(p, RS_FONT_TITLE, title, x, card.y + 26, RS_ALIGN_LEFT, p->theme->text, 0);
  if (!subtitle) return card.y + 36;
  rs_draw_text(p, subtitle_mono ? RS_FONT_ADDR : RS_FONT_BODY, subtitle, x, card.y + 44,
               RS_ALIGN_LEFT, p->theme->dim, card.w - 28);
  return card.y + 54;
}

double rs_baseline_for(rs_font f, double cy) { return cy + rs_font_get(f)->px * 0.36; }

double rs_text_width(const rs_painter *p, rs_font f, const char *s) {
  PangoLayout *l = rs_text_layout(p->text, f, s, 0, 0);
  if (!l) return 0;
  PangoRectangle log;
  pango_layout_get_extents(l, NULL, &log);
  return log.width / (double)PANGO_SCALE;
}

double rs_draw_text(const rs_painter *p, rs_font f, const char *s, double x, double y,
                    rs_align a, rs_rgba c, double max_w) {
  if (!s || !*s) return 0;
  PangoLayout *l = rs_text_layout(p->text, f, s, max_w > 0 ? RS_TEXT_ELLIPSIZE : 0, max_w);
  if (!l) return 0;
  PangoRectangle log;
  pango_layout_get_extents(l, NULL, &log);
  double w = log.width / (double)PANGO_SCALE;
  double base = pango_layout_get_baseline(l) / (double)PANGO_SCALE;
  double x0 = a == RS_ALIGN_LEFT ? x : a == RS_ALIGN_CENTER ? x - w / 2 : x - w;
  cairo_move_to(p->cr, x0 - log.x / (double)PANGO_SCALE, y - base);
  rs_set_color(p->cr, c);
  pango_cairo_show_layout(p->cr, l);
  return w;
}

double rs_wrapped_height(const rs_painter *p, rs_font f, const char *markup, double w) {
  PangoLayout *l = rs_text_layout(p->text, f, markup, RS_TEXT_MARKUP | RS_TEXT_WRAP, w);
  if (!l) return 0;
  PangoRectangle log;
  pango_layout_get_extents(l, NULL, &log);
  return log.height / (double)PANGO_SCALE;
}

double rs_draw_wrapped(const rs_painter *p, rs_font f, const char *markup, double x, double y,
                       double w, rs_rgba c) {
  PangoLayout *l = rs_text_layout(p->text, f, markup, RS_TEXT_MARKUP | RS_TEXT_WRAP, w);
  if (!l) return 0;
  PangoRectangle log;
  pango_layout_get_extents(l, NULL, &log);
  cairo_move_to(p->cr, x, y);
  rs_set_color(p->cr, c);
  pango_cairo_show_layout(p->cr, l);
  return log.height / (double)PANGO_SCALE;
}

static double pill_height(rs_font f) { return round(rs_font_get(f)->px * 1.5); }

double rs_pill_width(const rs_painter *p, rs_font f, const char *s) {
  return rs_text_width(p, f, s) + rs_font_get(f)->px * 1.2;
}

double rs_draw_pill(const rs_painter *p, rs_font f, const char *s, double x, double cy,
                    rs_align a, rs_pill_style style, rs_hue hue, double alpha) {
  const rs_theme *t = p->theme;
  const rs_hue_colors *h = &t->hue[hue];
  double w = rs_pill_width(p, f, s), ht = pill_height(f);
  double x0 = a == RS_ALIGN_LEFT ? x : a == RS_ALIGN_CENTER ? x - w / 2 : x - w;
  rs_rect r = { x0, cy - ht / 2, w, ht };
  rs_rgba fg;
  switch (style) {
  case RS_PILL_SOLID:
    rs_draw_box(p, r, ht / 2, rs_rgba_fade(h->pill, alpha), h->pill, 0, false);
    fg = h->pill_text;
    break;
  case RS_PILL_TINT:
    rs_draw_box(p, r, ht / 2,
                hue == RS_HUE_NONE ? rs_rgba_fade(t->faint, alpha)
                                   : rs_theme_tint(t, hue, t->tint_strong * 1.3 * alpha),
                h->text, 0, false);
    fg = hue == RS_HUE_NONE ? t->dim : h->text;
    break;
  case RS_PILL_OUTLINE:
  default:
    rs_draw_box(p, r, ht / 2, rs_rgba_fade(t->card, alpha), rs_rgba_fade(h->text, alpha),
                t->line, false);
    fg = h->text;
    break;
  }
  rs_draw_text(p, f, s, r.x + w / 2, rs_baseline_for(f, cy), RS_ALIGN_CENTER,
               rs_rgba_fade(fg, alpha), 0);
  return w;
}

void rs_draw_triangle(cairo_t *cr, double x, double cy, double size, int dir, rs_rgba c) {
  cairo_move_to(cr, x, cy - size / 2);
  cairo_line_to(cr, x + dir * size * 0.85, cy);
  cairo_line_to(cr, x, cy + size / 2);
  cairo_close_path(cr);
  rs_set_color(cr, c);
  cairo_fill(cr);
}

void rs_draw_check(cairo_t *cr, double cx, double cy, double size, rs_rgba c) {
  cairo_move_to(cr, cx - size * 0.4, cy);
  cairo_line_to(cr, cx - size * 0.1, cy + size * 0.3);
  cairo_line_to(cr, cx + size * 0.42, cy - size * 0.32);
  rs_set_color(cr, c);
  cairo_set_line_width(cr, fmax(1.6, size * 0.16));
  cairo_set_line_cap(cr, CAIRO_LINE_CAP_ROUND);
  cairo_set_line_join(cr, CAIRO_LINE_JOIN_ROUND);
  cairo_stroke(cr);
  cairo_set_line_cap(cr, CAIRO_LINE_CAP_BUTT);
}

void rs_draw_fade(cairo_t *cr, rs_rect r, double h, int dir, rs_rgba bg) {
  double y0 = dir > 0 ? r.y + r.h - h : r.y;
  cairo_pattern_t *g = cairo_pattern_create_linear(0, y0, 0, y0 + h);
  double a0 = dir > 0 ? 0 : bg.a, a1 = dir > 0 ? bg.a : 0;
  cairo_pattern_add_color_stop_rgba(g, 0, bg.r, bg.g, bg.b, a0);
  cairo_pattern_add_color_stop_rgba(g, 1, bg.r, bg.g, bg.b, a1);
  cairo_rectangle(cr, r.x, y0, r.w, h);
  cairo_set_source(cr, g);
  cairo_fill(cr);
  cairo_pattern_destroy(g);
}

void rs_draw_arrow(const rs_painter *p, const double (*pts)[2], int n, double fraction,
                   rs_rgba c, double width, bool head, bool dot) {
  cairo_t *cr = p->cr;
  if (n < 2 || fraction <= 0) return;
  double total = 0;
  for (int i = 1; i < n; i++) total += hypot(pts[i][0] - pts[i - 1][0], pts[i][1] - pts[i - 1][1]);
  double left = total * fmin(1, fraction);
  double hl = head ? width * 3.2 : 0; /* the head covers the last hl px */
  double ex = pts[0][0], ey = pts[0][1], dx = 1, dy = 0;
  rs_set_color(cr, c);
  if (dot) {
    cairo_arc(cr, ex, ey, width * 1.6, 0, 2 * RS_PI);
    cairo_fill(cr);
  }
  cairo_move_to(cr, ex, ey);
  for (int i = 1; i < n && left > 0; i++) {
    double sx = pts[i][0] - pts[i - 1][0], sy = pts[i][1] - pts[i - 1][1];
    double len = hypot(sx, sy);
    if (len <= 0) continue;
    double k = fmin(1, left / len);
    dx = sx / len;
    dy = sy / len;
    ex = pts[i - 1][0] + sx * k;
    ey = pts[i - 1][1] + sy * k;
    left -= len;
    /* Stop the line under the arrowhead so its tip stays sharp. */
    double back = (left <= 0 || i == n - 1) ? fmin(hl * 0.8, len * k) : 0;
    cairo_line_to(cr, ex - dx * back, ey - dy * back);
  }
  cairo_set_line_width(cr, width);
  cairo_set_line_join(cr, CAIRO_LINE_JOIN_ROUND);
  cairo_stroke(cr);
  if (!head) return;
  double nx = -dy, ny = dx, hw = width * 2.2;
  cairo_move_to(cr, ex, ey);
  cairo_line_to(cr, ex - dx * hl + nx * hw, ey - dy * hl + ny * hw);
  cairo_line_to(cr, ex - dx * hl - nx * hw, ey - dy * hl - ny * hw);
  cairo_close_path(cr);
  cairo_fill(cr);
}

double rs_ease(double t) {
  if (t <= 0) return 0;
  if (t >= 1) return 1;
  return t * t * (3 - 2 * t);
}
