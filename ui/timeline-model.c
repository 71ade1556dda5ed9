/* Timeline geometry. Proportions follow the mockup's 74 px bar. */
#include "timeline-model.h"

#include <math.h>

void rs_timeline_geom_compute(rs_rect bar, size_t n, rs_timeline_geom *g) {
  double k = bar.h / 74.0; /* vertical scale of the bar */
  double legend_w = bar.w >= 900 ? 176 : 0;
  g->bar = bar;
  g->n = n;
  g->legend_x = bar.x + bar.w - legend_w;
  g->lane_h = fmax(10, 13 * k);
  g->tag_cy = bar.y + 14 * k;
  g->user_cy = bar.y + 29 * k;
  g->kernel_cy = bar.y + 51 * k;
  g->label_y = bar.y + bar.h - 5;
  double left = bar.x + 76;
  double right = g->legend_x - 18;
  g->track = (rs_rect){ left, g->user_cy - g->lane_h / 2, fmax(1, right - left),
                        g->kernel_cy - g->user_cy + g->lane_h };
  g->pitch = n ? g->track.w / (double)n : g->track.w;
}

double rs_timeline_tick_w(const rs_timeline_geom *g) { return fmin(22, g->pitch * 0.78); }

double rs_timeline_tick_x(const rs_timeline_geom *g, size_t i) {
  return g->track.x + g->pitch * (double)i;
}

bool rs_timeline_position_at(const rs_timeline_geom *g, double x, double y, uint64_t *pos) {
  if (!g->n) return false;
  double slack = 8;
  if (x < g->track.x - 2 || x > g->track.x + g->track.w + 2) return false;
  if (y < g->track.y - slack - 6 || y > g->track.y + g->track.h + slack) return false;
  double i = floor((x - g->track.x) / g->pitch);
  if (i < 0) i = 0;
  if (i > (double)(g->n - 1)) i = (double)(g->n - 1);
  *pos = (uint64_t)i + 1;
  return true;
}

size_t rs_timeline_markers(const rs_session *s, rs_timeline_marker *out, size_t max) {
  size_t n, k = 0;
  const rs_step_summary *tl = rs_session_timeline(s, &n);
  for (size_t i = 0; i < n && k < max; i++) {
    bool before_kernel = tl[i].cpl_before == 0, after_kernel = tl[i].cpl_after == 0;
    if (before_kernel != after_kernel) out[k++] = (rs_timeline_marker){ i, after_kernel };
  }
  return k;
}
