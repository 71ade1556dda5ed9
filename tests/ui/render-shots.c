/* render-shots: draws the views of the shipped scenarios to PNG files, for
 * docs/screenshots and for looking at them. Not a test; run it on purpose:
 *
 *   ninja -C build tests/ui/render-shots
 *   RINGSIDE_SOURCE_ROOT=. build/tests/ui/render-shots docs/screenshots
 *
 * Each shot is one scenario at one step, theme and window size (the
 * canvas is the window minus the 47 px header bar). */
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
  /* The mockup's moment: int $0x40 just delivered, in every size and
   * theme; and one moment of each shipped scenario. */
  static const struct {
    const char *file, *tag;
    rs_step_kind kind;
  } moments[] = {
    { "scenarios/syscalls/file-open-int64.json", "syscall-delivered", RS_STEP_SOFTWARE_INTERRUPT },
    { "scenarios/interrupts/timer-during-user.json", "timer-delivered", RS_STEP_INTERRUPT },
    { "scenarios/syscalls/linux-int80-write.json", "int80-delivered", RS_STEP_SOFTWARE_INTERRUPT },
  };
  for (size_t m = 0; m < sizeof moments / sizeof *moments; m++) {
    if (!ui_fixture_open(&f, moments[m].file)) {
      failed = 1;
      continue;
    }
    f.in.cache = cache;
    ui_fixture_seek(&f, ui_fixture_find(&f, moments[m].kind, 0));
    for (size_t s = 0; s < sizeof sizes / sizeof *sizes; s++)
      for (int t = 0; t < 3; t++)
        if (m == 0 || (s == 1 && t == 0)) failed |= shot(&f, dir, moments[m].tag, &sizes[s], t);
    /* Later moments of the run: back to user mode, and the end. */
    uint64_t back = ui_fixture_find_transfer(&f, 0, 0);
    if (back) {
      ui_fixture_seek(&f, back);
      char tag[64];
      snprintf(tag, sizeof tag, "%s-iret", moments[m].tag);
      failed |= shot(&f, dir, tag, &sizes[1], 0);
    }
    ui_fixture_close(&f);
  }
  rs_view_cache_free(cache);
  return failed;
}
