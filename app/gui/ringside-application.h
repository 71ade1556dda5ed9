/* ringside-application.h
 *
 * Copyright 2026 The Ringside authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

/* The values of the "theme" settings key. */
typedef enum
{
  RINGSIDE_THEME_SYSTEM,
  RINGSIDE_THEME_LIGHT,
  RINGSIDE_THEME_DARK,
  RINGSIDE_THEME_HIGH_CONTRAST,
} RingsideTheme;

#define RINGSIDE_TYPE_APPLICATION (ringside_application_get_type ())

G_DECLARE_FINAL_TYPE (RingsideApplication, ringside_application, RINGSIDE, APPLICATION, AdwApplication)

RingsideApplication *ringside_application_new                  (void);
GFile               *ringside_application_get_default_scenario (RingsideApplication *self);
GSettings           *ringside_application_new_settings         (void);

G_END_DECLS
