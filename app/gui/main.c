/* main.c
 *
 * Copyright 2026 The Ringside authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <locale.h>

#include <glib/gi18n.h>

#include "ringside-application.h"

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GSettings) settings = NULL;
  g_autoptr(RingsideApplication) app = NULL;

  setlocale (LC_ALL, "");
  bindtextdomain (GETTEXT_PACKAGE, LOCALEDIR);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);

  /* Say what to do rather than fail later without settings. */
  settings = ringside_application_new_settings ();
  if (settings == NULL)
    {
      g_printerr (_("The settings schema %s is not installed. "
                    "Install Ringside, or build it with meson and run it from the build folder.\n"),
                  APP_ID);
      return 1;
    }

  app = ringside_application_new ();

  return g_application_run (G_APPLICATION (app), argc, argv);
}
