/* Test helpers for the views. */
#include "ui-fixture.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

bool ui_fixture_open(ui_fixture *f, const char *relpath) {
  memset(f, 0, sizeof *f);
  const char *root = getenv("RINGSIDE_SOURCE_ROOT");
  char path[4096];
  snprintf(path, sizeof path, "%s/%s", root && *root ? root : ".", relpath);
  rs_diags d;
  rs_diags_init(&d);
  f->session = rs_session_open(path, &d);
  if (!f->session) rs_diags_print(&d, stderr);
  rs_diags_free(&d);
  if (!f->session) return false;
  f->in = (rs_view_input){ .session = f->session, .progress = 1, .theme = RS_THEME_LIGHT, .zoom = 1 };
  ui_fixture_seek(f, 0);
  return true;
}

void ui_fixture_close(ui_fixture *f) {
  rs_narration_clear(&f->narration);
  rs_session_free(f->session);
  memset(f, 0, sizeof *f);
}

void ui_fixture_seek(ui_fixture *f, uint64_t pos) {
  rs_session_seek(f->session, pos);
  rs_narration_clear(&f->narration);
  const rs_scenario *s = rs_session_scenario(f->session);
  const rs_step_record *st = rs_session_last(f->session);
  if (st)
    rs_narrate(s, st, rs_session_machine(f->session), &f->narration);
  else
    rs_narrate_start(s, &f->narration);
  f->in.step = st;
  f->in.narration = &f->narration;
}

uint64_t ui_fixture_find(ui_fixture *f, rs_step_kind kind, uint64_t from) {
  size_t n;
  const rs_step_summary *tl = rs_session_timeline(f->session, &n);
  for (size_t i = from ? from - 1 : 0; i < n; i++)
    if (tl[i].kind == kind) return i + 1;
  return 0;
}

uint64_t ui_fixture_find_transfer(ui_fixture *f, unsigned cpl_before, uint64_t from) {
  size_t n;
  const rs_step_summary *tl = rs_session_timeline(f->session, &n);
  for (size_t i = from ? from - 1 : 0; i < n; i++)
    if (tl[i].cpl_before == cpl_before && tl[i].cpl_after != cpl_before) return i + 1;
  return 0;
}

cairo_surface_t *ui_fixture_render(const ui_fixture *f, int w, int h, double scale) {
  cairo_surface_t *s = cairo_image_surface_create(CAIRO_FORMAT_ARGB32, (int)(w * scale), (int)(h * scale));
  cairo_surface_set_device_scale(s, scale, scale);
  cairo_t *cr = cairo_create(s);
  rs_view_draw(cr, w, h, &f->in);
  cairo_destroy(cr);
  cairo_surface_flush(s);
  return s;
}
