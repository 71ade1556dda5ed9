/* The timeline bar: the run as a privilege waveform — one tick per step in
 * the user or kernel lane, mode transfers marked ▼ into the kernel and ▲
 * back to user, the current step violet under a playhead, steps not yet
 * taken paler, and a legend. */
#include <math.h>
#include <stdio.h>

#include "cards.h"
#include "describe.h"

#define MAX_MARKERS 512

static void legend(const rs_frame *f, const rs_timeline_geom *g) {
  const rs_painter *p = &f->p;
  const rs_theme *t = p->theme;
  if (g->legend_x >= g->bar.x + g->bar.w - 1) return;
  static const struct {
    rs_hue hue;
    const char *text;
  } items[3] = { { RS_HUE_USER, "user · ring 3" }, { RS_HUE_KERNEL, "kernel · ring 0" }, { RS_HUE_STEP, "this step" } };
  double pitch = (g->bar.h - 16) / 3;
  for (int i = 0; i < 3; i++) {
    double cy = g->bar.y + 10 + pitch * (i + 0.5);
    rs_draw_box(p, (rs_rect){ g->legend_x, cy - 6, 12, 12 }, 3, t->hue[items[i].hue].fill, t->card, 0, false);
    rs_draw_text(p, RS_FONT_TAG, items[i].text, g->legend_x + 20, rs_baseline_for(RS_FONT_TAG, cy), RS_ALIGN_LEFT,
                 t->text, 0);
  }
}

/* Ticks: one rounded square per step when there is room, else runs. */
static void ticks(const rs_frame *f, const rs_timeline_geom *g, const rs_step_summary *tl, size_t cur) {
  const rs_painter *p = &f->p;
  const rs_theme *t = p->theme;
  double w = rs_timeline_tick_w(g), h = g->lane_h - 1;
  bool separate = g->pitch >= 5;
  size_t i = 0;
  while (i < g->n) {
    bool kernel = tl[i].cpl_after == 0, future = i > cur || cur == SIZE_MAX;
    size_t j = i + 1;
    if (!separate)
      while (j < g->n && (tl[j].cpl_after == 0) == kernel && (j > cur || cur == SIZE_MAX) == future && j != cur &&
             i != cur)
        j++;
    rs_hue hue = i == cur ? RS_HUE_STEP : kernel ? RS_HUE_KERNEL : RS_HUE_USER;
    rs_rgba c = future ? rs_theme_tint(t, hue, t->future) : t->hue[hue].fill;
    double cy = kernel ? g->kernel_cy : g->user_cy;
    double x0 = rs_timeline_tick_x(g, i), x1 = separate ? x0 + w : rs_timeline_tick_x(g, j);
    if (i == cur && !separate) x1 = fmax(x1, x0 + 3);
    rs_draw_box(p, (rs_rect){ x0, cy - h / 2, x1 - x0, h }, separate ? 2.5 : 1, c, t->card, 0, false);
    i = j;
  }
}

static void markers(const rs_frame *f, const rs_timeline_geom *g, double *label_right) {
  const rs_painter *p = &f->p;
  const rs_theme *t = p->theme;
  rs_timeline_marker mk[MAX_MARKERS];
  size_t n = rs_timeline_markers(f->in->session, mk, MAX_MARKERS);
  double top = g->user_cy - g->lane_h / 2 - 2, bottom = g->kernel_cy + g->lane_h / 2 + 2;
  rs_rgba c = rs_rgba_fade(t->dim, 0.8);
  for (size_t k = 0; k < n; k++) {
    double x = rs_timeline_tick_x(g, mk[k].step) - fmax(1, g->pitch * 0.11);
    cairo_rectangle(p->cr, x - 0.6, top, 1.2, bottom - top);
    rs_set_color(p->cr, c);
    cairo_fill(p->cr);
    /* ▼ into the kernel (pointing down at the kernel lane), ▲ back. */
    double ty = mk[k].into_kernel ? bottom - 4 : top + 4, d = mk[k].into_kernel ? 1 : -1;
    cairo_move_to(p->cr, x - 3.5, ty - d * 5);
    cairo_line_to(p->cr, x + 3.5, ty - d * 5);
    cairo_line_to(p->cr, x, ty);
    cairo_close_path(p->cr);
    cairo_fill(p->cr);
    char label[64];
    rs_describe_step(f->in->session, mk[k].step, label, sizeof label);
    double w = rs_text_width(p, RS_FONT_TAG, label);
    if (x + 3 > *label_right + 8 && x + 3 + w < g->track.x + g->track.w - 24) {
      rs_draw_text(p, RS_FONT_TAG, label, x + 3, g->label_y, RS_ALIGN_LEFT, t->dim, 0);
      *label_right = x + 3 + w;
    }
  }
}

void rs_timeline_view_paint(rs_frame *f) {
  const rs_painter *p = &f->p;
  const rs_theme *t = p->theme;
  rs_rect bar = f->layout.timeline;
  cairo_rectangle(p->cr, bar.x, bar.y, bar.w, bar.h);
  rs_set_color(p->cr, t->bar);
  cairo_fill(p->cr);
  cairo_rectangle(p->cr, bar.x, bar.y, bar.w, 1);
  rs_set_color(p->cr, t->bar_border);
  cairo_fill(p->cr);
  size_t n;
  const rs_step_summary *tl = rs_session_timeline(f->in->session, &n);
  rs_timeline_geom g;
  rs_timeline_geom_compute(bar, n, &g);
  rs_draw_text(p, RS_FONT_TAG_BOLD, "user", bar.x + 20, rs_baseline_for(RS_FONT_TAG_BOLD, g.user_cy), RS_ALIGN_LEFT,
               t->hue[RS_HUE_USER].text, 0);
  rs_draw_text(p, RS_FONT_TAG_BOLD, "kernel", bar.x + 20, rs_baseline_for(RS_FONT_TAG_BOLD, g.kernel_cy),
               RS_ALIGN_LEFT, t->hue[RS_HUE_KERNEL].text, 0);
  double cys[2] = { g.user_cy, g.kernel_cy };
  for (int i = 0; i < 2; i++)
    rs_draw_box(p, (rs_rect){ g.track.x - 4, cys[i] - g.lane_h / 2 - 2, g.track.w + 8, g.lane_h + 4 }, 4, t->faint,
                t->card, 0, false);
  legend(f, &g);
  if (!n) return;
  uint64_t pos = rs_session_position(f->in->session);
  size_t cur = pos ? (size_t)pos - 1 : SIZE_MAX;
  ticks(f, &g, tl, cur);
  double label_right = g.track.x + rs_text_width(p, RS_FONT_TAG, "1");
  rs_draw_text(p, RS_FONT_TAG, "1", g.track.x, g.label_y, RS_ALIGN_LEFT, t->dim, 0);
  char last[24];
  snprintf(last, sizeof last, "%zu", n);
  rs_draw_text(p, RS_FONT_TAG, last, g.track.x + g.track.w, g.label_y, RS_ALIGN_RIGHT, t->dim, 0);
  markers(f, &g, &label_right);
  if (cur == SIZE_MAX) return;
  /* The playhead and the current step's tag. */
  double w = rs_timeline_tick_w(&g);
  double x = rs_timeline_tick_x(&g, cur) + (g.pitch >= 5 ? w / 2 : 1.5);
  cairo_rectangle(p->cr, x - 1, g.tag_cy, 2, g.kernel_cy + g.lane_h / 2 + 3 - g.tag_cy);
  rs_set_color(p->cr, t->hue[RS_HUE_STEP].fill);
  cairo_fill(p->cr);
  char tag[96], what[64];
  rs_describe_step(f->in->session, cur, what, sizeof what);
  snprintf(tag, sizeof tag, "%llu · %s", (unsigned long long)pos, what);
  double tw = rs_pill_width(p, RS_FONT_TAG_BOLD, tag);
  double left = fmin(fmax(x - 10, g.track.x), g.track.x + g.track.w - tw);
  rs_draw_pill(p, RS_FONT_TAG_BOLD, tag, left, g.tag_cy, RS_ALIGN_LEFT, RS_PILL_SOLID, RS_HUE_STEP, 1);
}
