/* render-shots: draws the views of the shipped scenarios to PNG files, for
 * docs/screenshots and for looking at them. Not a test; run it on purpose:
 *
 *   ninja -C build tests/ui/render-shots
 *   RINGSIDE_SOURCE_ROOT=. build/tests/ui/render-shots docs/screenshots
 *
 * writes the curated set (view-*.png, listed in docs/screenshots/README.md);
 *
 *   build/tests/ui/render-shots DIR SCENARIO POSITION [PROGRESS]
 *
 * renders one moment in every size and theme (shot-*.png), for looking
 * at a step while working on the views. Each shot is the canvas of a
 * window of that size: the window minus the 47 px header bar. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "ui-fixture.h"

typedef struct shot_size {
  const char *name;
  int w, h;       /* window, logical px */
  double zoom;    /* presentation zoom */
  double scale;   /* device scale (HiDPI) */
} shot_size;

static const shot_size sizes[] = {
  { "1024x768", 1024, 768, 1, 1 },
  { "1280x800", 1280, 800, 1, 1 },
  { "1920x1080", 1920, 1080, 1, 1 },
  { "3840x2160-zoom2", 3840, 2160, 2, 1 },
  { "1280x800@2x", 1280, 800, 1, 2 },
};

static const struct {
  rs_theme_kind kind;
  const char *name;
} themes[] = { { RS_THEME_LIGHT, "light" }, { RS_THEME_DARK, "dark" }, { RS_THEME_HIGH_CONTRAST, "hc" } };

static int shot(ui_fixture *f, const char *dir, const char *tag, const shot_size *sz, int theme) {
  f->in.theme = themes[theme].kind;
  f->in.zoom = sz->zoom;
  int header = (int)(47 * sz->zoom);
  cairo_surface_t *s = ui_fixture_render(f, sz->w, sz->h - header, sz->scale);
  char path[4096];
  snprintf(path, sizeof path, "%s/%s-%s-%s.png", dir, tag, sz->name, themes[theme].name);
  cairo_status_t st = cairo_surface_write_to_png(s, path);
  cairo_surface_destroy(s);
  if (st != CAIRO_STATUS_SUCCESS) {
    fprintf(stderr, "render-shots: %s: %s\n", path, cairo_status_to_string(st));
    return 1;
  }
  printf("%s\n", path);
  return 0;
}

int main(int argc, char **argv) {
  if (argc < 2) {
    fprintf(stderr, "usage: render-shots DIR [SCENARIO POSITION [PROGRESS]]\n");
    return 2;
  }
  const char *dir = argv[1];
  rs_view_cache *cache = rs_view_cache_new();
  ui_fixture f;
  int failed = 0;
  if (argc >= 4) { /* one scenario and step, every size and theme */
    if (!ui_fixture_open(&f, argv[2])) return 1;
    f.in.cache = cache;
    ui_fixture_seek(&f, strtoull(argv[3], NULL, 10));
    if (argc >= 5) f.in.progress = strtod(argv[4], NULL);
    for (size_t s = 0; s < sizeof sizes / sizeof *sizes; s++)
      for (int t = 0; t < 3; t++) failed |= shot(&f, dir, "shot", &sizes[s], t);
    ui_fixture_close(&f);
    rs_view_cache_free(cache);
    return failed;
  }
  /* The curated set: the mockup's moment (a system call just delivered)
   * in every size and theme, mid-animation, and one moment of each other
   * shipped scenario. */
  enum { DELIVERY, BACK_TO_USER, END };
  static const struct {
    const char *file, *tag;
    int moment;
    double progress;
    size_t size;
    int theme;
  } shots[] = {
    { "scenarios/syscalls/file-open-int64.json", "view-syscall", DELIVERY, 1, 1, 0 },
    { "scenarios/syscalls/file-open-int64.json", "view-syscall", DELIVERY, 1, 1, 1 },
    { "scenarios/syscalls/file-open-int64.json", "view-syscall", DELIVERY, 1, 1, 2 },
    { "scenarios/syscalls/file-open-int64.json", "view-syscall", DELIVERY, 1, 0, 0 },
    { "scenarios/syscalls/file-open-int64.json", "view-syscall", DELIVERY, 1, 0, 1 },
    { "scenarios/syscalls/file-open-int64.json", "view-syscall", DELIVERY, 1, 2, 0 },
    { "scenarios/syscalls/file-open-int64.json", "view-syscall", DELIVERY, 1, 3, 0 },
    { "scenarios/syscalls/file-open-int64.json", "view-syscall", DELIVERY, 1, 4, 0 },
    { "scenarios/syscalls/file-open-int64.json", "view-syscall-delivering", DELIVERY, 0.6, 1, 0 },
    { "scenarios/interrupts/timer-during-user.json", "view-timer", DELIVERY, 1, 1, 0 },
    { "scenarios/interrupts/timer-during-user.json", "view-timer-iret", BACK_TO_USER, 1, 1, 1 },
    { "scenarios/syscalls/linux-int80-write.json", "view-int80-end", END, 1, 1, 0 },
  };
  for (size_t i = 0; i < sizeof shots / sizeof *shots; i++) {
    if (!ui_fixture_open(&f, shots[i].file)) {
      failed = 1;
      continue;
    }
    f.in.cache = cache;
    uint64_t pos = shots[i].moment == DELIVERY       ? ui_fixture_find_transfer(&f, 3, 0)
                   : shots[i].moment == BACK_TO_USER ? ui_fixture_find_transfer(&f, 0, 0)
                                                     : rs_session_length(f.session);
    ui_fixture_seek(&f, pos);
    f.in.progress = shots[i].progress;
    failed |= shot(&f, dir, shots[i].tag, &sizes[shots[i].size], shots[i].theme);
    ui_fixture_close(&f);
  }
  rs_view_cache_free(cache);
  return failed;
}
