/* ringside-application.c
 *
 * Copyright 2026 The Ringside authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>

#include "ringside-application.h"
#include "ringside-window.h"

/* The scenario a new window shows, relative to the scenario folder. */
#define DEFAULT_SCENARIO "interrupts/timer-during-user.json"

/**
 * RingsideApplication:
 *
 * The application: its actions and accelerators, the colour scheme chosen
 * in the menu, and one #RingsideWindow per scenario opened from outside.
 */
struct _RingsideApplication
{
  AdwApplication  parent_instance;

  /* Owned */
  GSettings      *settings;
  gboolean        debug_print;
};

G_DEFINE_FINAL_TYPE (RingsideApplication, ringside_application, ADW_TYPE_APPLICATION)

/* Accelerators with a modifier or a function key; the plain keys live in
 * the window (see plain_keys in ringside-window.c). */
static const struct {
  const char *action;
  const char *accels[4];
} accels[] = {
  { "app.open", { "<Control>o", NULL } },
  { "app.quit", { "<Control>q", NULL } },
  { "window.close", { "<Control>w", NULL } },
  { "win.reload", { "<Control>r", "F5", NULL } },
  { "win.zoom-in", { "<Control>plus", "<Control>equal", NULL } },
  { "win.zoom-out", { "<Control>minus", NULL } },
  { "win.zoom-reset", { "<Control>0", NULL } },
  { "win.fullscreen", { "F11", NULL } },
};

static void
ringside_application_apply_theme (RingsideApplication *self)
{
  static const AdwColorScheme schemes[] = {
    [RINGSIDE_THEME_SYSTEM] = ADW_COLOR_SCHEME_DEFAULT,
    [RINGSIDE_THEME_LIGHT] = ADW_COLOR_SCHEME_FORCE_LIGHT,
    [RINGSIDE_THEME_DARK] = ADW_COLOR_SCHEME_FORCE_DARK,
    /* Black on white carries furthest on a projector; the canvas switches
     * to its high-contrast palette (see ringside_window_theme()). */
    [RINGSIDE_THEME_HIGH_CONTRAST] = ADW_COLOR_SCHEME_FORCE_LIGHT,
  };
  AdwStyleManager *style = adw_application_get_style_manager (ADW_APPLICATION (self));

  adw_style_manager_set_color_scheme (style, schemes[g_settings_get_enum (self->settings, "theme")]);
}

static void
print_position (RingsideSessionObject *session)
{
  g_print ("step %" G_GUINT64_FORMAT "/%" G_GUINT64_FORMAT "\n",
           ringside_session_object_get_position (session),
           ringside_session_object_get_length (session));
}

static void
print_loaded (RingsideSessionObject *session,
              gboolean               reloaded)
{
  g_autofree char *path = g_file_get_path (ringside_session_object_get_file (session));

  g_print ("%s %s\n", reloaded ? "reloaded" : "loaded", path);
}

static void
print_load_failed (RingsideSessionObject *session,
                   GFile                 *file,
                   const char * const    *problems)
{
  g_autofree char *path = g_file_get_path (file);

  g_print ("load-failed %s\n", path);
  for (guint i = 0; problems[i] != NULL; i++)
    g_print ("  %s\n", problems[i]);
}

static void
print_playing (RingsideWindow *window)
{
  gboolean playing;

  g_object_get (window, "playing", &playing, NULL);
  g_print ("playing %d\n", playing);
}

static RingsideWindow *
ringside_application_new_window (RingsideApplication *self)
{
  RingsideWindow *window = ringside_window_new (GTK_APPLICATION (self));

  /* --debug-print: a line on stdout for everything a test may wait for. */
  if (self->debug_print)
    {
      RingsideSessionObject *session = ringside_window_get_session (window);

      g_signal_connect (session, "changed", G_CALLBACK (print_position), NULL);
      g_signal_connect (session, "loaded", G_CALLBACK (print_loaded), NULL);
      g_signal_connect (session, "load-failed", G_CALLBACK (print_load_failed), NULL);
      g_signal_connect (window, "notify::playing", G_CALLBACK (print_playing), NULL);
    }

  return window;
}

/* The most recently focused scenario window, if any (the About and
 * shortcuts windows are not). */
static RingsideWindow *
ringside_application_get_main_window (RingsideApplication *self)
{
  for (GList *l = gtk_application_get_windows (GTK_APPLICATION (self)); l != NULL; l = l->next)
    {
      if (RINGSIDE_IS_WINDOW (l->data))
        return l->data;
    }

  return NULL;
}

static void
ringside_application_activate (GApplication *application)
{
  RingsideApplication *self = RINGSIDE_APPLICATION (application);
  RingsideWindow *window = ringside_application_get_main_window (self);

  if (window == NULL)
    {
      g_autoptr(GFile) scenario = ringside_application_get_default_scenario (self);

      window = ringside_application_new_window (self);
      if (scenario != NULL)
        ringside_window_open (window, scenario);
    }

  gtk_window_present (GTK_WINDOW (window));
}

static void
ringside_application_open (GApplication  *application,
                           GFile        **files,
                           int            n_files,
                           const char    *hint)
{
  RingsideApplication *self = RINGSIDE_APPLICATION (application);
  RingsideWindow *empty = ringside_application_get_main_window (self);

  /* A window with nothing in it takes the first file; each other file
   * gets a window of its own, so nothing on display is replaced. */
  if (empty != NULL && ringside_session_object_has_scenario (ringside_window_get_session (empty)))
    empty = NULL;

  for (int i = 0; i < n_files; i++)
    {
      RingsideWindow *window = empty != NULL ? empty : ringside_application_new_window (self);

      empty = NULL;
      ringside_window_open (window, files[i]);
      gtk_window_present (GTK_WINDOW (window));
    }
}

static int
ringside_application_handle_local_options (GApplication *application,
                                           GVariantDict *options)
{
  RingsideApplication *self = RINGSIDE_APPLICATION (application);

  self->debug_print = g_variant_dict_contains (options, "debug-print");

  return -1;
}

static void
open_action (GSimpleAction *action,
             GVariant      *parameter,
             gpointer       user_data)
{
  RingsideApplication *self = user_data;
  RingsideWindow *window = ringside_application_get_main_window (self);

  if (window == NULL)
    {
      window = ringside_application_new_window (self);
      gtk_window_present (GTK_WINDOW (window));
    }

  ringside_window_choose_file (window);
}

static void
quit_action (GSimpleAction *action,
             GVariant      *parameter,
             gpointer       user_data)
{
  g_application_quit (G_APPLICATION (user_data));
}

static void
about_action (GSimpleAction *action,
              GVariant      *parameter,
              gpointer       user_data)
{
  RingsideApplication *self = user_data;
  static const char *developers[] = { "The Ringside authors", NULL };
  GtkWidget *about;

  about = g_object_new (ADW_TYPE_ABOUT_WINDOW,
                        "transient-for", ringside_application_get_main_window (self),
                        "modal", TRUE,
                        "application-name", _("Ringside"),
                        "application-icon", APP_ID,
                        "version", PACKAGE_VERSION,
                        "developer-name", _("The Ringside authors"),
                        "developers", developers,
                        "comments", _("Step through how an x86 processor and an operating-system kernel "
                                      "cross between user mode and kernel mode: interrupts, exceptions, "
                                      "system calls, signals and virtual-machine exits."),
                        "website", PROJECT_URL,
                        "license-type", GTK_LICENSE_GPL_3_0,
                        /* Translators: put your names here, one per line */
                        "translator-credits", _("translator-credits"),
                        NULL);
  gtk_window_present (GTK_WINDOW (about));
}

static void
ringside_application_startup (GApplication *application)
{
  static const GActionEntry entries[] = {
    { .name = "open", .activate = open_action },
    { .name = "quit", .activate = quit_action },
    { .name = "about", .activate = about_action },
  };
  RingsideApplication *self = RINGSIDE_APPLICATION (application);
  g_autoptr(GAction) theme = NULL;

  G_APPLICATION_CLASS (ringside_application_parent_class)->startup (application);

  g_action_map_add_action_entries (G_ACTION_MAP (self), entries, G_N_ELEMENTS (entries), self);

  self->settings = ringside_application_new_settings ();
  theme = g_settings_create_action (self->settings, "theme");
  g_action_map_add_action (G_ACTION_MAP (self), theme);
  g_signal_connect_object (self->settings, "changed::theme",
                           G_CALLBACK (ringside_application_apply_theme),
                           self, G_CONNECT_SWAPPED);
  ringside_application_apply_theme (self);

  for (guint i = 0; i < G_N_ELEMENTS (accels); i++)
    gtk_application_set_accels_for_action (GTK_APPLICATION (self), accels[i].action, accels[i].accels);
}

static void
ringside_application_dispose (GObject *object)
{
  RingsideApplication *self = (RingsideApplication *)object;

  g_clear_object (&self->settings);

  G_OBJECT_CLASS (ringside_application_parent_class)->dispose (object);
}

static void
ringside_application_class_init (RingsideApplicationClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GApplicationClass *application_class = G_APPLICATION_CLASS (klass);

  object_class->dispose = ringside_application_dispose;

  application_class->activate = ringside_application_activate;
  application_class->open = ringside_application_open;
  application_class->startup = ringside_application_startup;
  application_class->handle_local_options = ringside_application_handle_local_options;
}

static void
ringside_application_init (RingsideApplication *self)
{
  static const GOptionEntry options[] = {
    { "debug-print", 0, 0, G_OPTION_ARG_NONE, NULL,
      N_("Print every step, load and play state on standard output (for tests)"), NULL },
    { NULL }
  };

  g_application_add_main_option_entries (G_APPLICATION (self), options);
  g_application_set_option_context_parameter_string (G_APPLICATION (self), _("[SCENARIO.json…]"));
}

/**
 * ringside_application_new:
 *
 * Creates the application.
 *
 * Returns: (transfer full): a new #RingsideApplication
 */
RingsideApplication *
ringside_application_new (void)
{
  return g_object_new (RINGSIDE_TYPE_APPLICATION,
                       "application-id", APP_ID,
                       "flags", G_APPLICATION_HANDLES_OPEN,
                       NULL);
}

/**
 * ringside_application_get_default_scenario:
 * @self: a #RingsideApplication
 *
 * Finds the scenario a new window shows: in the folder named by the
 * `RINGSIDE_SCENARIO_DIR` environment variable, else in the installed
 * scenario library, else in the source tree Ringside was built from.
 *
 * Returns: (transfer full) (nullable): the file, or %NULL if no place
 *   has it
 */
GFile *
ringside_application_get_default_scenario (RingsideApplication *self)
{
  const char *dirs[] = { g_getenv ("RINGSIDE_SCENARIO_DIR"), SCENARIO_DIR, SOURCE_SCENARIO_DIR };

  g_return_val_if_fail (RINGSIDE_IS_APPLICATION (self), NULL);

  for (guint i = 0; i < G_N_ELEMENTS (dirs); i++)
    {
      g_autofree char *path = NULL;

      if (dirs[i] == NULL)
        continue;

      path = g_build_filename (dirs[i], DEFAULT_SCENARIO, NULL);
      if (g_file_test (path, G_FILE_TEST_IS_REGULAR))
        return g_file_new_for_path (path);
    }

  return NULL;
}

/**
 * ringside_application_new_settings:
 *
 * Opens Ringside's settings. The schema is looked up where GSettings
 * looks, then in the build tree Ringside was built in, so that a build
 * runs without being installed.
 *
 * Returns: (transfer full) (nullable): the settings, or %NULL when the
 *   schema is in neither place
 */
GSettings *
ringside_application_new_settings (void)
{
  GSettingsSchemaSource *installed = g_settings_schema_source_get_default ();
  g_autoptr(GSettingsSchemaSource) uninstalled = NULL;
  g_autoptr(GSettingsSchema) schema = NULL;

  if (installed != NULL)
    schema = g_settings_schema_source_lookup (installed, APP_ID, TRUE);

  if (schema == NULL)
    {
      uninstalled = g_settings_schema_source_new_from_directory (BUILD_SCHEMA_DIR, installed, FALSE, NULL);
      if (uninstalled != NULL)
        schema = g_settings_schema_source_lookup (uninstalled, APP_ID, FALSE);
    }

  return schema != NULL ? g_settings_new_full (schema, NULL, NULL) : NULL;
}
