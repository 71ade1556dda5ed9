/* ringside-bench-views: how long the window's views take to draw.
 *
 *   ringside-bench-views [--quick] [SCENARIO]
 *
 * Plays the first 40 steps of SCENARIO (default: the file-open system
 * call, whose steps use every card) as the window animates them, 8 frames
 * a step, on image surfaces the size of a 1920×1080 screen and of a
 * 3840×2160 one (logical 1920×1080 at device scale 2, as GTK draws on a
 * HiDPI 4K display), with a view cache as the window keeps one. Prints
 * the mean, 95th percentile and worst time per frame, then the mean time
 * of each part of a frame. Numbers, not pass/fail: targets live in the
 * README. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include <ringside/narrate.h>
#include <ringside/session.h>

#include "view.h"

static double now_ms(void) {
  struct timespec ts;
  clock_gettime(CLOCK_MONOTONIC, &ts);
  return (double)ts.tv_sec * 1e3 + (double)ts.tv_nsec / 1e6;
}

static int by_value(const void *a, const void *b) {
  double x = *(const double *)a, y = *(const double *)b;
  return x < y ? -1 : x > y;
}

static const char *const part_names[RS_NPARTS] = {
  [RS_PART_MODELS] = "models", [RS_PART_CODE] = "code",         [RS_PART_CPU] = "cpu",
  [RS_PART_STACKS] = "stacks", [RS_PART_IDT] = "idt",           [RS_PART_TSS] = "tss",
  [RS_PART_NARRATION] = "narration", [RS_PART_CONSOLE] = "console",
  [RS_PART_TIMELINE] = "timeline", [RS_PART_OVERLAYS] = "overlays",
};

/* Moves the session to `pos` and narrates the step that led there. */
static void seek(rs_session *s, uint64_t pos, rs_narration *nar, rs_view_input *in) {
  rs_session_seek(s, pos);
  rs_narration_clear(nar);
  in->step = rs_session_last(s);
  if (in->step) rs_narrate(rs_session_scenario(s), in->step, rs_session_machine(s), nar);
  else rs_narrate_start(rs_session_scenario(s), nar);
  in->narration = nar;
}

static void bench_size(rs_session *s, int w, int h, double scale, unsigned steps) {
  enum { FRAMES = 8 };
  cairo_surface_t *surface = cairo_image_surface_create(CAIRO_FORMAT_ARGB32, (int)(w * scale),
                                                        (int)(h * scale));
  cairo_surface_set_device_scale(surface, scale, scale);
  cairo_t *cr = cairo_create(surface);
  rs_narration nar = { 0 };
  rs_view_timings parts = { 0 };
  rs_view_input in = { .session = s, .progress = 1, .theme = RS_THEME_LIGHT, .zoom = 1,
                       .cache = rs_view_cache_new(), .timings = &parts };
  double *times = calloc((size_t)steps * FRAMES, sizeof *times);
  size_t n = 0;
  uint64_t len = rs_session_length(s);
  for (uint64_t pos = 1; pos <= len && pos <= steps; pos++) {
    seek(s, pos, &nar, &in);
    for (int k = 1; k <= FRAMES; k++) {
      in.progress = (double)k / FRAMES;
      double t0 = now_ms();
      rs_view_draw(cr, w, h, &in);
      cairo_surface_flush(surface);
      times[n++] = now_ms() - t0;
    }
  }
  if (n) {
    double sum = 0;
    for (size_t i = 0; i < n; i++) sum += times[i];
    qsort(times, n, sizeof *times, by_value);
    printf("%4dx%-4d (%dx%d @%gx): %zu frames, mean %.2f ms, p95 %.2f ms, worst %.2f ms\n",
           (int)(w * scale), (int)(h * scale), w, h, scale, n, sum / (double)n,
           times[n * 95 / 100], times[n - 1]);
    printf("   per part, ms/frame:");
    for (int p = 0; p < RS_NPARTS; p++) printf(" %s %.2f", part_names[p], parts.ms[p] / (double)n);
    printf("\n");
  }
  free(times);
  rs_view_cache_free(in.cache);
  rs_narration_clear(&nar);
  cairo_destroy(cr);
  cairo_surface_destroy(surface);
}

int main(int argc, char **argv) {
  const char *file = RINGSIDE_SOURCE_ROOT "/scenarios/syscalls/file-open-int64.json";
  unsigned steps = 40;
  for (int i = 1; i < argc; i++) {
    if (!strcmp(argv[i], "--quick")) steps = 5;
    else file = argv[i];
  }
  rs_diags d;
  rs_diags_init(&d);
  rs_session *s = rs_session_open(file, &d);
  rs_diags_print(&d, stderr);
  rs_diags_free(&d);
  if (!s) return 1;
  printf("%s\n", file);
  bench_size(s, 1920, 1080, 1, steps);
  bench_size(s, 1920, 1080, 2, steps);
  rs_session_free(s);
  return 0;
}
