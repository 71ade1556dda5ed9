/* Test helpers for the views: open a scenario as a session, move to a
 * step with its narration, and render the view to an image surface. */
#ifndef RINGSIDE_TESTS_UI_FIXTURE_H
#define RINGSIDE_TESTS_UI_FIXTURE_H

#include <cairo.h>
#include <stdbool.h>
#include <stdint.h>

#include <ringside/narrate.h>
#include <ringside/session.h>

#include "view.h"

typedef struct ui_fixture {
  rs_session *session;
  rs_narration narration;
  rs_view_input in;            /* ready to draw: session, step, narration */
} ui_fixture;

/* Opens a scenario by a path relative to the source root
 * ($RINGSIDE_SOURCE_ROOT, else the current directory). Prints the
 * problems and returns false if it does not load. */
bool ui_fixture_open(ui_fixture *f, const char *relpath);
void ui_fixture_close(ui_fixture *f);

/* Goes to position pos (0 = start) and narrates the step that led there. */
void ui_fixture_seek(ui_fixture *f, uint64_t pos);

/* The first position whose last step was of `kind`, at or after `from`;
 * 0 if none. */
uint64_t ui_fixture_find(ui_fixture *f, rs_step_kind kind, uint64_t from);

/* The first position whose last step changed the privilege level from
 * `cpl_before`, at or after `from`; 0 if none. */
uint64_t ui_fixture_find_transfer(ui_fixture *f, unsigned cpl_before, uint64_t from);

/* Draws the view on a new w x h (logical) ARGB image surface with device
 * scale `scale`. */
cairo_surface_t *ui_fixture_render(const ui_fixture *f, int w, int h, double scale);

#endif
