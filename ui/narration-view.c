/* The narration card: the step pill, the headline, the source and the
 * explanation with its key phrases in bold. Long text steps down from
 * 20 px to 18 and 16 px before it is cut. */
#include <math.h>
#include <stdio.h>
#include <string.h>

#include "cards.h"

/* A small open book, the source pill's icon. */
static void book_icon(cairo_t *cr, double x, double cy, rs_rgba c) {
  double w = 7, h = 10;
  cairo_move_to(cr, x + w, cy - h / 2 + 1.5);
  cairo_curve_to(cr, x + w * 0.6, cy - h / 2, x + 1, cy - h / 2, x, cy - h / 2 + 0.5);
  cairo_line_to(cr, x, cy + h / 2);
  cairo_curve_to(cr, x + 1, cy + h / 2 - 0.5, x + w * 0.6, cy + h / 2 - 0.5, x + w, cy + h / 2 + 0.5);
  cairo_curve_to(cr, x + w * 1.4, cy + h / 2 - 0.5, x + 2 * w - 1, cy + h / 2 - 0.5, x + 2 * w, cy + h / 2);
  cairo_line_to(cr, x + 2 * w, cy - h / 2 + 0.5);
  cairo_curve_to(cr, x + 2 * w - 1, cy - h / 2, x + w * 1.4, cy - h / 2, x + w, cy - h / 2 + 1.5);
  cairo_close_path(cr);
  cairo_move_to(cr, x + w, cy - h / 2 + 1.5);
  cairo_line_to(cr, x + w, cy + h / 2 + 0.5);
  rs_set_color(cr, c);
  cairo_set_line_width(cr, 1.3);
  cairo_set_line_join(cr, CAIRO_LINE_JOIN_ROUND);
  cairo_stroke(cr);
}

/* The source pill at the right; returns its left edge. */
static double source_pill(const rs_frame *f, const char *source, double right, double cy, double max_w) {
  const rs_painter *p = &f->p;
  const rs_theme *t = p->theme;
  char text[160];
  snprintf(text, sizeof text, "%s ↗", source);
  double tw = rs_text_width(p, RS_FONT_TAG, text), w = tw + 40;
  if (w > max_w) w = max_w;
  if (w < 60) return right;
  rs_rect r = { right - w, cy - 12, w, 24 };
  rs_draw_box(p, r, 12, rs_theme_tint(t, RS_HUE_USER, t->tint * 0.9), t->card, 0, false);
  book_icon(p->cr, r.x + 10, cy, t->hue[RS_HUE_USER].text);
  rs_draw_text(p, RS_FONT_TAG, text, r.x + 30, rs_baseline_for(RS_FONT_TAG, cy), RS_ALIGN_LEFT,
               t->hue[RS_HUE_USER].text, r.w - 40);
  return r.x;
}

void rs_narration_view_paint(rs_frame *f) {
  const rs_painter *p = &f->p;
  const rs_theme *t = p->theme;
  rs_rect card = f->layout.narration;
  rs_draw_card(p, card);
  const rs_narration *n = f->in->narration;
  uint64_t pos = rs_session_position(f->in->session);
  double cy = card.y + 22, x = card.x + 16;
  char pill[32];
  if (pos)
    snprintf(pill, sizeof pill, "Step %llu", (unsigned long long)pos);
  else
    snprintf(pill, sizeof pill, "Start");
  x += rs_draw_pill(p, RS_FONT_TAG_BOLD, pill, x, cy, RS_ALIGN_LEFT, RS_PILL_SOLID, pos ? RS_HUE_STEP : RS_HUE_NONE, 1) + 10;
  if (!n) return;
  double right = card.x + card.w - 14;
  if (n->source && n->source[0]) right = source_pill(f, n->source, right, cy, card.w * 0.4) - 12;
  /* Headline: its first part bold, the rest dim. */
  const char *h = n->headline ? n->headline : "";
  const char *dot = strstr(h, " · ");
  char first[128];
  size_t len = dot ? (size_t)(dot - h) : strlen(h);
  if (len >= sizeof first) len = sizeof first - 1;
  memcpy(first, h, len);
  first[len] = 0;
  double base = rs_baseline_for(RS_FONT_HEADLINE, cy);
  double w = rs_draw_text(p, RS_FONT_HEADLINE, first, x, base, RS_ALIGN_LEFT, t->text, right - x);
  if (dot && right - (x + w) > 40)
    rs_draw_text(p, RS_FONT_TAG, dot, x + w, base, RS_ALIGN_LEFT, t->dim, right - x - w);
  if (!n->body) return;
  /* The body, as large as fits. */
  double bx = card.x + 16, by = card.y + 40, bw = card.w - 32, bh = card.y + card.h - 8 - by;
  static const rs_font sizes[] = { RS_FONT_NARRATION, RS_FONT_NARRATION_S, RS_FONT_NARRATION_XS };
  rs_font font = RS_FONT_NARRATION_XS;
  for (size_t i = 0; i < sizeof sizes / sizeof *sizes; i++)
    if (rs_wrapped_height(p, sizes[i], n->body, bw) <= bh) {
      font = sizes[i];
      break;
    }
  /* Too long even at 16 px: whole lines only, the last one fading out. */
  double th = rs_wrapped_height(p, font, n->body, bw), line = rs_font_get(font)->px * 1.3;
  double shown = th <= bh ? th : floor(bh / line) * line;
  cairo_save(p->cr);
  cairo_rectangle(p->cr, card.x, by - 4, card.w, shown + 4);
  cairo_clip(p->cr);
  rs_draw_wrapped(p, font, n->body, bx, by, bw, t->text);
  if (th > bh) {
    cairo_pattern_t *g = cairo_pattern_create_linear(bx + bw * 0.6, 0, bx + bw, 0);
    cairo_pattern_add_color_stop_rgba(g, 0, t->card.r, t->card.g, t->card.b, 0);
    cairo_pattern_add_color_stop_rgba(g, 1, t->card.r, t->card.g, t->card.b, 1);
    cairo_rectangle(p->cr, bx + bw * 0.6, by + shown - line, bw * 0.4 + 8, line);
    cairo_set_source(p->cr, g);
    cairo_fill(p->cr);
    cairo_pattern_destroy(g);
  }
  cairo_restore(p->cr);
}
