/* ringside-window.h
 *
 * Copyright 2026 The Ringside authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "ringside-session-object.h"

G_BEGIN_DECLS

#define RINGSIDE_TYPE_WINDOW (ringside_window_get_type ())

G_DECLARE_FINAL_TYPE (RingsideWindow, ringside_window, RINGSIDE, WINDOW, AdwApplicationWindow)

RingsideWindow        *ringside_window_new         (GtkApplication *application);
void                   ringside_window_open        (RingsideWindow *self,
                                                    GFile          *file);
void                   ringside_window_choose_file (RingsideWindow *self);
RingsideSessionObject *ringside_window_get_session (RingsideWindow *self);

G_END_DECLS
