/* time-frames: how long rs_view_draw takes. Not a test (timings depend on
 * the machine); run it on purpose:
 *
 *   RINGSIDE_SOURCE_ROOT=. build/tests/ui/time-frames [SCENARIO] [W H]
 *
 * Plays every step of the scenario's first 40 as an animation (8 frames
 * per step) on a W x H image surface (default 1920 x 1080), with a view
 * cache as the GUI keeps one, then the same frames without a cache, and
 * prints the mean, 95th percentile and worst time per frame. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "ui-fixture.h"

static double now_ms(void) {
  struct timespec ts;
  clock_gettime(CLOCK_MONOTONIC, &ts);
  return ts.tv_sec * 1e3 + ts.tv_nsec / 1e6;
}

static int by_value(const void *a, const void *b) {
  double x = *(const double *)a, y = *(const double *)b;
  return x < y ? -1 : x > y;
}

static void run(ui_fixture *f, cairo_t *cr, int w, int h, const char *label) {
  enum { STEPS = 40, FRAMES = 8 };
  double times[STEPS * FRAMES];
  size_t n = 0;
  uint64_t len = rs_session_length(f->session);
  for (uint64_t pos = 1; pos <= len && pos <= STEPS; pos++) {
    ui_fixture_seek(f, pos);
    for (int k = 1; k <= FRAMES; k++) {
      f->in.progress = (double)k / FRAMES;
      double t0 = now_ms();
      rs_view_draw(cr, w, h, &f->in);
      cairo_surface_flush(cairo_get_target(cr));
      times[n++] = now_ms() - t0;
    }
  }
  if (!n) return;
  double sum = 0;
  for (size_t i = 0; i < n; i++) sum += times[i];
  qsort(times, n, sizeof *times, by_value);
  printf("%-10s %4zu frames  mean %6.2f ms  p95 %6.2f ms  worst %6.2f ms\n", label, n, sum / (double)n,
         times[n * 95 / 100], times[n - 1]);
}

int main(int argc, char **argv) {
  const char *file = argc > 1 ? argv[1] : "scenarios/syscalls/file-open-int64.json";
  int w = argc > 3 ? atoi(argv[2]) : 1920, h = argc > 3 ? atoi(argv[3]) : 1080;
  ui_fixture f;
  if (!ui_fixture_open(&f, file)) return 1;
  cairo_surface_t *s = cairo_image_surface_create(CAIRO_FORMAT_ARGB32, w, h);
  cairo_t *cr = cairo_create(s);
  printf("%s at %dx%d\n", file, w, h);
  f.in.cache = rs_view_cache_new();
  run(&f, cr, w, h, "cached");
  rs_view_cache_free(f.in.cache);
  f.in.cache = NULL;
  run(&f, cr, w, h, "uncached");
  cairo_destroy(cr);
  cairo_surface_destroy(s);
  ui_fixture_close(&f);
  return 0;
}
