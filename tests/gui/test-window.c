/* test-window.c: the Ringside window under a real display (Xvfb).
 *
 * Copyright 2026 The Ringside authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Keys are sent through the window's own shortcut controller (GTK 4 has no
 * public way to synthesize a key event); test-keys.sh sends real X key
 * events to the real program. The screenshot test writes PNGs into the
 * build folder, or into $RINGSIDE_SCREENSHOT_DIR (take-screenshots.sh).
 */

#include <glib/gstdio.h>
#include <gtk/gtk.h>

#include "ringside-application.h"
#include "ringside-window.h"

#define TIMEOUT_MS 10000

static RingsideApplication *app;

/* The session bus is missing under a bare xvfb-run; GtkApplication says
 * so, and that is the one warning the tests may see. */
static gboolean
ignore_missing_session_bus (const char     *log_domain,
                            GLogLevelFlags  log_level,
                            const char     *message,
                            gpointer        user_data)
{
  return strstr (message, "Unable to acquire session bus") == NULL;
}

typedef gboolean (*Condition) (gpointer data);

static void
wait_for (Condition condition,
          gpointer  data)
{
  gint64 end = g_get_monotonic_time () + TIMEOUT_MS * G_TIME_SPAN_MILLISECOND;

  while (!condition (data))
    {
      g_assert_cmpint (g_get_monotonic_time (), <, end);
      g_main_context_iteration (NULL, FALSE);
      g_usleep (1000);
    }
}

static gboolean
is_mapped (gpointer widget)
{
  return gtk_widget_get_mapped (widget);
}

static char *
test_file (const char *name)
{
  return g_test_build_filename (G_TEST_DIST, "data", name, NULL);
}

static RingsideSessionObject *
session_of (RingsideWindow *window)
{
  return ringside_window_get_session (window);
}

/* A mapped window of @width × @height showing @path (NULL: nothing). */
static RingsideWindow *
new_window (const char *path,
            int         width,
            int         height)
{
  RingsideWindow *window = ringside_window_new (GTK_APPLICATION (app));

  gtk_window_set_default_size (GTK_WINDOW (window), width, height);
  if (path != NULL)
    {
      g_autoptr(GFile) file = g_file_new_for_path (path);

      ringside_window_open (window, file);
    }
  gtk_window_present (GTK_WINDOW (window));
  wait_for (is_mapped, window);

  return window;
}

static GtkWidget *
find_by_css_class (GtkWidget  *root,
                   const char *css_class)
{
  if (gtk_widget_has_css_class (root, css_class))
    return root;

  for (GtkWidget *child = gtk_widget_get_first_child (root);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_by_css_class (child, css_class);

      if (found != NULL)
        return found;
    }

  return NULL;
}

static const char *
step_counter (RingsideWindow *window)
{
  return gtk_label_get_text (GTK_LABEL (find_by_css_class (GTK_WIDGET (window), "step-counter")));
}

static gboolean
banner_shown (RingsideWindow *window)
{
  GtkWidget *banner = find_by_css_class (GTK_WIDGET (window), "problem-banner");

  return gtk_revealer_get_reveal_child (GTK_REVEALER (gtk_widget_get_parent (banner)));
}

static gboolean
banner_revealed (gpointer window)
{
  GtkWidget *banner = find_by_css_class (GTK_WIDGET (window), "problem-banner");

  return gtk_revealer_get_child_revealed (GTK_REVEALER (gtk_widget_get_parent (banner)));
}

static guint
banner_rows (RingsideWindow *window)
{
  GtkWidget *list = find_by_css_class (GTK_WIDGET (window), "problem-list");
  guint n = 0;

  while (gtk_list_box_get_row_at_index (GTK_LIST_BOX (list), n) != NULL)
    n++;

  return n;
}

static GtkShortcutController *
plain_key_controller (RingsideWindow *window)
{
  g_autoptr(GListModel) controllers = gtk_widget_observe_controllers (GTK_WIDGET (window));

  for (guint i = 0; i < g_list_model_get_n_items (controllers); i++)
    {
      g_autoptr(GtkEventController) controller = g_list_model_get_item (controllers, i);

      if (g_strcmp0 (gtk_event_controller_get_name (controller), "ringside-plain-keys") == 0)
        return GTK_SHORTCUT_CONTROLLER (controller);
    }

  g_assert_not_reached ();
}

static gboolean
trigger_has_key (GtkShortcutTrigger *trigger,
                 guint               keyval,
                 GdkModifierType     modifiers)
{
  if (GTK_IS_ALTERNATIVE_TRIGGER (trigger))
    return trigger_has_key (gtk_alternative_trigger_get_first (GTK_ALTERNATIVE_TRIGGER (trigger)), keyval, modifiers) ||
           trigger_has_key (gtk_alternative_trigger_get_second (GTK_ALTERNATIVE_TRIGGER (trigger)), keyval, modifiers);

  return GTK_IS_KEYVAL_TRIGGER (trigger) &&
         gtk_keyval_trigger_get_keyval (GTK_KEYVAL_TRIGGER (trigger)) == keyval &&
         gtk_keyval_trigger_get_modifiers (GTK_KEYVAL_TRIGGER (trigger)) == modifiers;
}

/* Presses a plain key: runs what the window's shortcut for it runs.
 * Returns whether the action ran (it may be disabled). */
static gboolean
press (RingsideWindow *window,
       const char     *key)
{
  GListModel *shortcuts = G_LIST_MODEL (plain_key_controller (window));
  guint keyval;
  GdkModifierType modifiers;

  g_assert_true (gtk_accelerator_parse (key, &keyval, &modifiers));
  for (guint i = 0; i < g_list_model_get_n_items (shortcuts); i++)
    {
      g_autoptr(GtkShortcut) shortcut = g_list_model_get_item (shortcuts, i);

      if (trigger_has_key (gtk_shortcut_get_trigger (shortcut), keyval, modifiers))
        {
          gboolean ran = gtk_shortcut_action_activate (gtk_shortcut_get_action (shortcut), 0,
                                                       GTK_WIDGET (window), NULL);

          /* Settings tell of changes from an idle. */
          while (g_main_context_iteration (NULL, FALSE))
            ;
          return ran;
        }
    }

  g_error ("no shortcut for %s", key);
}

static void
destroy_window (RingsideWindow *window)
{
  gtk_window_destroy (GTK_WINDOW (window));
  while (g_main_context_iteration (NULL, FALSE))
    ;
}

static void
test_default_scenario_keys (void)
{
  RingsideWindow *window;
  RingsideSessionObject *session;
  g_autofree char *counter = NULL;
  guint64 length;

  /* What `ringside` with no file shows. */
  g_application_activate (G_APPLICATION (app));
  window = RINGSIDE_WINDOW (gtk_application_get_active_window (GTK_APPLICATION (app)));
  g_assert_nonnull (window);
  wait_for (is_mapped, window);

  session = session_of (window);
  g_assert_true (ringside_session_object_has_scenario (session));
  g_assert_cmpstr (gtk_window_get_title (GTK_WINDOW (window)), ==,
                   ringside_session_object_get_title (session));
  length = ringside_session_object_get_length (session);
  g_assert_cmpuint (length, >, 4);
  counter = g_strdup_printf ("Step 0 / %" G_GUINT64_FORMAT, length);
  g_assert_cmpstr (step_counter (window), ==, counter);

  g_assert_true (press (window, "space"));
  g_assert_cmpuint (ringside_session_object_get_position (session), ==, 1);
  g_assert_true (press (window, "Right"));
  g_assert_true (press (window, "Page_Down"));
  g_assert_cmpuint (ringside_session_object_get_position (session), ==, 3);
  g_clear_pointer (&counter, g_free);
  counter = g_strdup_printf ("Step 3 / %" G_GUINT64_FORMAT, length);
  g_assert_cmpstr (step_counter (window), ==, counter);

  g_assert_true (press (window, "Left"));
  g_assert_true (press (window, "BackSpace"));
  g_assert_cmpuint (ringside_session_object_get_position (session), ==, 1);

  g_assert_true (press (window, "End"));
  g_assert_cmpuint (ringside_session_object_get_position (session), ==, length);
  /* At the end, stepping on is disabled rather than an error. */
  g_assert_false (press (window, "space"));
  g_assert_true (press (window, "Home"));
  g_assert_cmpuint (ringside_session_object_get_position (session), ==, 0);
  g_assert_false (press (window, "Left"));
}

static gboolean
is_past_step_two (gpointer window)
{
  return ringside_session_object_get_position (session_of (window)) >= 2;
}

static void
test_play (void)
{
  g_autofree char *path = test_file ("tiny-syscall.json");
  RingsideWindow *window = new_window (path, 1024, 768);
  g_autoptr(GSettings) settings = ringside_application_new_settings ();
  gboolean playing;
  guint64 stopped_at;

  g_settings_set_double (settings, "speed", 4.0);

  g_assert_true (press (window, "p"));
  g_object_get (window, "playing", &playing, NULL);
  g_assert_true (playing);
  wait_for (is_past_step_two, window);

  g_assert_true (press (window, "p"));
  g_object_get (window, "playing", &playing, NULL);
  g_assert_false (playing);
  stopped_at = ringside_session_object_get_position (session_of (window));
  for (guint i = 0; i < 50; i++)
    {
      g_main_context_iteration (NULL, FALSE);
      g_usleep (10000);
    }
  g_assert_cmpuint (ringside_session_object_get_position (session_of (window)), ==, stopped_at);

  /* Brackets halve and double the speed. */
  g_assert_true (press (window, "bracketleft"));
  g_assert_true (press (window, "bracketleft"));
  g_assert_cmpfloat (g_settings_get_double (settings, "speed"), ==, 1.0);
  g_assert_true (press (window, "bracketright"));
  g_assert_true (press (window, "bracketright"));
  g_assert_cmpfloat (g_settings_get_double (settings, "speed"), ==, 4.0);
  g_assert_false (press (window, "bracketright"));

  g_settings_reset (settings, "speed");
  destroy_window (window);
}

static void
test_open_and_broken (void)
{
  g_autofree char *tiny = test_file ("tiny-syscall.json");
  g_autofree char *broken = test_file ("broken.json");
  g_autofree char *second = test_file ("second-syscall.json");
  g_autoptr(GFile) broken_file = g_file_new_for_path (broken);
  g_autoptr(GFile) second_file = g_file_new_for_path (second);
  RingsideWindow *window = new_window (tiny, 1024, 768);
  RingsideSessionObject *session = session_of (window);

  g_assert_cmpstr (ringside_session_object_get_title (session), ==, "Test fixture: a tiny system call");
  g_assert_cmpuint (ringside_session_object_get_length (session), ==, 9);
  g_assert_false (banner_shown (window));
  press (window, "space");
  press (window, "space");
  press (window, "space");

  /* A broken file lists every problem and keeps what was on screen. */
  ringside_window_open (window, broken_file);
  g_assert_true (banner_shown (window));
  g_assert_cmpuint (banner_rows (window), ==, 2);
  g_assert_cmpstr (ringside_session_object_get_title (session), ==, "Test fixture: a tiny system call");
  g_assert_cmpuint (ringside_session_object_get_position (session), ==, 3);
  g_assert_true (press (window, "space"));
  g_assert_cmpuint (ringside_session_object_get_position (session), ==, 4);

  /* Opening it again replaces the list instead of adding to it. */
  ringside_window_open (window, broken_file);
  g_assert_cmpuint (banner_rows (window), ==, 2);

  ringside_window_open (window, second_file);
  g_assert_false (banner_shown (window));
  g_assert_cmpstr (ringside_session_object_get_title (session), ==, "Test fixture: a second system call");
  g_assert_cmpuint (ringside_session_object_get_position (session), ==, 0);
  g_assert_cmpuint (ringside_session_object_get_length (session), ==, 11);

  destroy_window (window);
}

static void
test_stops (void)
{
  g_autofree char *tiny = test_file ("tiny-syscall.json");
  RingsideWindow *window = new_window (tiny, 1024, 768);
  RingsideSessionObject *session = session_of (window);

  /* The fixture stops at the label syscall_entry (reached at step 4) and
   * at step 7. */
  press (window, "n");
  g_assert_cmpuint (ringside_session_object_get_position (session), ==, 4);
  press (window, "n");
  g_assert_cmpuint (ringside_session_object_get_position (session), ==, 7);
  press (window, "n");
  g_assert_cmpuint (ringside_session_object_get_position (session), ==, 7);
  press (window, "<Shift>n");
  g_assert_cmpuint (ringside_session_object_get_position (session), ==, 4);
  press (window, "<Shift>n");
  g_assert_cmpuint (ringside_session_object_get_position (session), ==, 4);

  destroy_window (window);
}

static GtkDropTarget *
drop_target (RingsideWindow *window)
{
  g_autoptr(GListModel) controllers = gtk_widget_observe_controllers (GTK_WIDGET (window));

  for (guint i = 0; i < g_list_model_get_n_items (controllers); i++)
    {
      g_autoptr(GtkEventController) controller = g_list_model_get_item (controllers, i);

      if (GTK_IS_DROP_TARGET (controller))
        return GTK_DROP_TARGET (controller);
    }

  g_assert_not_reached ();
}

static void
test_drop_file (void)
{
  g_autofree char *tiny = test_file ("tiny-syscall.json");
  g_autofree char *second = test_file ("second-syscall.json");
  g_autoptr(GFile) file = g_file_new_for_path (second);
  g_autoptr(GSList) files = g_slist_prepend (NULL, file);
  g_auto(GValue) value = G_VALUE_INIT;
  RingsideWindow *window = new_window (tiny, 1024, 768);
  GtkDropTarget *target = drop_target (window);
  gboolean accepted = FALSE;

  g_assert_true (g_type_is_a (GDK_TYPE_FILE_LIST, gtk_drop_target_get_gtypes (target, NULL)[0]));
  g_value_init (&value, GDK_TYPE_FILE_LIST);
  g_value_take_boxed (&value, gdk_file_list_new_from_list (files));
  g_signal_emit_by_name (target, "drop", &value, 100.0, 100.0, &accepted);

  g_assert_true (accepted);
  g_assert_cmpstr (ringside_session_object_get_title (session_of (window)), ==,
                   "Test fixture: a second system call");

  destroy_window (window);
}

/* The dialog GtkFileChooserNative shows when there is no portal. */
static GtkWidget *
find_chooser_dialog (guint *n_found)
{
  GListModel *toplevels = gtk_window_get_toplevels ();
  GtkWidget *found = NULL;

  *n_found = 0;
  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GtkWidget) toplevel = g_list_model_get_item (toplevels, i);

      if (GTK_IS_FILE_CHOOSER_DIALOG (toplevel) && gtk_widget_get_visible (toplevel))
        {
          found = toplevel;
          (*n_found)++;
        }
    }

  return found;
}

static gboolean
chooser_shown (gpointer data)
{
  guint n;

  return find_chooser_dialog (&n) != NULL;
}

static void
test_open_dialog (void)
{
  g_autofree char *tiny = test_file ("tiny-syscall.json");
  RingsideWindow *window = new_window (tiny, 1024, 768);
  GtkWidget *dialog;
  guint n;

  /* Ctrl+O twice is still one dialog. */
  g_action_group_activate_action (G_ACTION_GROUP (app), "open", NULL);
  g_action_group_activate_action (G_ACTION_GROUP (app), "open", NULL);
  wait_for (chooser_shown, NULL);
  dialog = find_chooser_dialog (&n);
  g_assert_cmpuint (n, ==, 1);
  g_assert_cmpstr (gtk_window_get_title (GTK_WINDOW (dialog)), ==, "Open Scenario");
  g_assert_true (gtk_window_get_transient_for (GTK_WINDOW (dialog)) == GTK_WINDOW (window));

  /* Cancelling closes it and leaves the scenario alone. */
  gtk_dialog_response (GTK_DIALOG (dialog), GTK_RESPONSE_CANCEL);
  while (g_main_context_iteration (NULL, FALSE))
    ;
  g_assert_null (find_chooser_dialog (&n));
  g_assert_cmpstr (ringside_session_object_get_title (session_of (window)), ==,
                   "Test fixture: a tiny system call");

  destroy_window (window);
}

typedef struct
{
  guint    loads;
  guint    failures;
  gboolean reloaded;
} LoadCount;

static void
count_load (RingsideSessionObject *session,
            gboolean               reloaded,
            LoadCount             *count)
{
  count->loads++;
  count->reloaded = reloaded;
}

static void
count_failure (RingsideSessionObject *session,
               GFile                 *file,
               GStrv                  problems,
               LoadCount             *count)
{
  count->failures++;
}

static gboolean
has_loaded (gpointer data)
{
  return ((LoadCount *)data)->loads > 0;
}

static gboolean
has_failed (gpointer data)
{
  return ((LoadCount *)data)->failures > 0;
}

static void
copy_file (const char *from,
           const char *to)
{
  g_autofree char *text = NULL;
  g_autoptr(GError) error = NULL;

  g_file_get_contents (from, &text, NULL, &error);
  g_assert_no_error (error);
  g_file_set_contents (to, text, -1, &error);
  g_assert_no_error (error);
}

/* Saves @from over @to as an editor would (write to a temporary file,
 * rename it over), and waits until the window has read it. */
static void
save_and_wait (RingsideWindow *window,
               const char     *from,
               const char     *to,
               LoadCount      *count,
               Condition       condition)
{
  *count = (LoadCount) { 0 };
  copy_file (from, to);
  wait_for (condition, count);
}

static void
test_reload_on_change (void)
{
  g_autofree char *tiny = test_file ("tiny-syscall.json");
  g_autofree char *second = test_file ("second-syscall.json");
  g_autofree char *broken = test_file ("broken.json");
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("ringside-reload-XXXXXX", &error);
  g_autofree char *path = g_build_filename (dir, "scenario.json", NULL);
  RingsideWindow *window;
  RingsideSessionObject *session;
  LoadCount count = { 0 };

  g_assert_no_error (error);
  copy_file (tiny, path);
  window = new_window (path, 1024, 768);
  session = session_of (window);
  g_signal_connect (session, "loaded", G_CALLBACK (count_load), &count);
  g_signal_connect (session, "load-failed", G_CALLBACK (count_failure), &count);

  /* A longer version of the file: the step is kept. */
  ringside_session_object_seek (session, 5);
  save_and_wait (window, second, path, &count, has_loaded);
  g_assert_true (count.reloaded);
  g_assert_cmpstr (ringside_session_object_get_title (session), ==, "Test fixture: a second system call");
  g_assert_cmpuint (ringside_session_object_get_position (session), ==, 5);

  /* A shorter one: the step is clamped to its end. */
  ringside_session_object_seek (session, 11);
  save_and_wait (window, tiny, path, &count, has_loaded);
  g_assert_cmpuint (ringside_session_object_get_position (session), ==, 9);

  /* A broken save shows the banner and keeps the last good version. */
  save_and_wait (window, broken, path, &count, has_failed);
  g_assert_true (banner_shown (window));
  g_assert_cmpstr (ringside_session_object_get_title (session), ==, "Test fixture: a tiny system call");
  g_assert_cmpuint (ringside_session_object_get_position (session), ==, 9);

  /* Saving the fix loads it and hides the banner. */
  save_and_wait (window, second, path, &count, has_loaded);
  g_assert_false (banner_shown (window));
  g_assert_cmpuint (ringside_session_object_get_position (session), ==, 9);
  g_assert_cmpuint (count.failures, ==, 0);

  destroy_window (window);
  g_assert_no_errno (g_remove (path));
  g_assert_no_errno (g_rmdir (dir));
}

static void
test_open_from_outside (void)
{
  g_autofree char *tiny = test_file ("tiny-syscall.json");
  g_autoptr(GFile) file = g_file_new_for_path (tiny);
  guint before = g_list_length (gtk_application_get_windows (GTK_APPLICATION (app)));
  RingsideWindow *window;

  /* `ringside FILE.json` while windows already show scenarios. */
  g_application_open (G_APPLICATION (app), &file, 1, "");
  g_assert_cmpuint (g_list_length (gtk_application_get_windows (GTK_APPLICATION (app))), ==, before + 1);

  window = RINGSIDE_WINDOW (gtk_application_get_windows (GTK_APPLICATION (app))->data);
  g_assert_true (g_file_equal (ringside_session_object_get_file (session_of (window)), file));
  destroy_window (window);
}

static void
test_zoom (void)
{
  g_autofree char *tiny = test_file ("tiny-syscall.json");
  RingsideWindow *window = new_window (tiny, 1024, 768);
  g_autoptr(GSettings) settings = ringside_application_new_settings ();

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.zoom-in", NULL));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.zoom-in", NULL));
  g_assert_cmpfloat_with_epsilon (g_settings_get_double (settings, "zoom"), 1.2, 1e-9);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.zoom-out", NULL));
  g_assert_cmpfloat_with_epsilon (g_settings_get_double (settings, "zoom"), 1.1, 1e-9);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.zoom-reset", NULL));
  g_assert_cmpfloat (g_settings_get_double (settings, "zoom"), ==, 1.0);

  destroy_window (window);
}

static void
test_theme (void)
{
  g_autoptr(GSettings) settings = ringside_application_new_settings ();
  AdwStyleManager *style = adw_style_manager_get_default ();

  g_assert_true (g_action_group_has_action (G_ACTION_GROUP (app), "theme"));

  g_action_group_change_action_state (G_ACTION_GROUP (app), "theme", g_variant_new_string ("dark"));
  g_assert_true (adw_style_manager_get_dark (style));
  g_action_group_change_action_state (G_ACTION_GROUP (app), "theme", g_variant_new_string ("light"));
  g_assert_false (adw_style_manager_get_dark (style));
  g_action_group_change_action_state (G_ACTION_GROUP (app), "theme", g_variant_new_string ("high-contrast"));
  g_assert_cmpint (adw_style_manager_get_color_scheme (style), ==, ADW_COLOR_SCHEME_FORCE_LIGHT);
  g_assert_cmpint (g_settings_get_enum (settings, "theme"), ==, RINGSIDE_THEME_HIGH_CONTRAST);
  g_action_group_change_action_state (G_ACTION_GROUP (app), "theme", g_variant_new_string ("system"));
  g_assert_cmpint (adw_style_manager_get_color_scheme (style), ==, ADW_COLOR_SCHEME_DEFAULT);
}

/* Every button says what it does to a screen reader and in a tooltip. */
static void
check_buttons_named (GtkWidget *widget)
{
  /* The close button and its kind come with GTK. */
  if (GTK_IS_WINDOW_CONTROLS (widget))
    return;

  if (GTK_IS_BUTTON (widget) || GTK_IS_MENU_BUTTON (widget))
    {
      gboolean has_text = GTK_IS_BUTTON (widget) && gtk_button_get_label (GTK_BUTTON (widget)) != NULL;

      if (!has_text &&
          !gtk_test_accessible_has_property (GTK_ACCESSIBLE (widget), GTK_ACCESSIBLE_PROPERTY_LABEL))
        g_error ("%s has no accessible name", G_OBJECT_TYPE_NAME (widget));
      if (!has_text && gtk_widget_get_tooltip_text (widget) == NULL)
        g_error ("%s has no tooltip", G_OBJECT_TYPE_NAME (widget));
      return;
    }

  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    check_buttons_named (child);
}

static void
test_accessibility (void)
{
  g_autofree char *tiny = test_file ("tiny-syscall.json");
  RingsideWindow *window = new_window (tiny, 1024, 768);
  GtkWidget *canvas = find_by_css_class (GTK_WIDGET (window), "machine-view");

  g_assert_nonnull (canvas);
  gtk_test_accessible_assert_role (GTK_ACCESSIBLE (canvas), GTK_ACCESSIBLE_ROLE_IMG);
  gtk_test_accessible_assert_property (GTK_ACCESSIBLE (canvas), GTK_ACCESSIBLE_PROPERTY_LABEL, "Machine view");
  g_assert_true (gtk_test_accessible_has_property (GTK_ACCESSIBLE (canvas), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION));
  check_buttons_named (GTK_WIDGET (window));

  destroy_window (window);
}

typedef struct
{
  guint           keyval;
  GdkModifierType modifiers;
} Key;

/* The keys the help overlay lists, and its actions. */
static void
collect_help_overlay (GArray    *keys,
                      GPtrArray *actions)
{
  g_autoptr(GtkBuilder) builder = gtk_builder_new_from_resource ("/org/ringside/Ringside/gtk/help-overlay.ui");
  g_autoptr(GSList) objects = gtk_builder_get_objects (builder);

  for (GSList *l = objects; l != NULL; l = l->next)
    {
      g_autofree char *accelerator = NULL;
      g_autofree char *action = NULL;
      g_auto(GStrv) accels = NULL;

      if (!GTK_IS_SHORTCUTS_SHORTCUT (l->data))
        continue;

      g_object_get (l->data, "accelerator", &accelerator, "action-name", &action, NULL);
      if (action != NULL)
        g_ptr_array_add (actions, g_steal_pointer (&action));
      if (accelerator == NULL)
        continue;

      accels = g_strsplit (accelerator, " ", -1);
      for (guint i = 0; accels[i] != NULL; i++)
        {
          Key key;

          g_assert_true (gtk_accelerator_parse (accels[i], &key.keyval, &key.modifiers));
          g_array_append_val (keys, key);
        }
    }

  gtk_window_destroy (GTK_WINDOW (gtk_builder_get_object (builder, "help_overlay")));
}

static gboolean
help_lists_trigger (GArray             *keys,
                    GtkShortcutTrigger *trigger)
{
  if (GTK_IS_ALTERNATIVE_TRIGGER (trigger))
    return help_lists_trigger (keys, gtk_alternative_trigger_get_first (GTK_ALTERNATIVE_TRIGGER (trigger))) &&
           help_lists_trigger (keys, gtk_alternative_trigger_get_second (GTK_ALTERNATIVE_TRIGGER (trigger)));

  for (guint i = 0; i < keys->len; i++)
    {
      Key *key = &g_array_index (keys, Key, i);

      if (trigger_has_key (trigger, key->keyval, key->modifiers))
        return TRUE;
    }

  return FALSE;
}

static void
test_help_overlay_lists_every_key (void)
{
  g_autoptr(GArray) keys = g_array_new (FALSE, FALSE, sizeof (Key));
  g_autoptr(GPtrArray) actions = g_ptr_array_new_with_free_func (g_free);
  g_autofree char *tiny = test_file ("tiny-syscall.json");
  RingsideWindow *window = new_window (tiny, 1024, 768);
  GListModel *shortcuts = G_LIST_MODEL (plain_key_controller (window));
  g_auto(GStrv) accel_actions = gtk_application_list_action_descriptions (GTK_APPLICATION (app));

  collect_help_overlay (keys, actions);

  for (guint i = 0; i < g_list_model_get_n_items (shortcuts); i++)
    {
      g_autoptr(GtkShortcut) shortcut = g_list_model_get_item (shortcuts, i);
      g_autofree char *trigger = gtk_shortcut_trigger_to_string (gtk_shortcut_get_trigger (shortcut));

      if (!help_lists_trigger (keys, gtk_shortcut_get_trigger (shortcut)))
        g_error ("the help overlay does not list %s", trigger);
    }

  /* Application accelerators: listed by action name. */
  for (guint i = 0; accel_actions[i] != NULL; i++)
    {
      if (!g_ptr_array_find_with_equal_func (actions, accel_actions[i], g_str_equal, NULL))
        g_error ("the help overlay does not list %s", accel_actions[i]);
    }
  g_assert_true (g_strv_contains ((const char * const *)accel_actions, "app.open"));

  destroy_window (window);
}

/* gtk4-notes §3.3: the paintable copies the last rendered frame, so take
 * it right after a draw, with nothing queued in between. */
static void
save_png (GtkWidget  *widget,
          const char *name)
{
  const char *dir = g_getenv ("RINGSIDE_SCREENSHOT_DIR");
  int scale = gtk_widget_get_scale_factor (widget);
  int width = gtk_widget_get_width (widget);
  int height = gtk_widget_get_height (widget);
  g_autofree char *file = scale > 1 ? g_strdup_printf ("%s@%dx.png", name, scale)
                                    : g_strdup_printf ("%s.png", name);
  g_autofree char *path = g_build_filename (dir != NULL ? dir : g_test_get_dir (G_TEST_BUILT), file, NULL);
  g_autoptr(GdkPaintable) paintable = NULL;
  g_autoptr(GdkTexture) texture = NULL;
  GskRenderNode *node;
  GtkSnapshot *snapshot;

  gtk_test_widget_wait_for_draw (widget);
  paintable = gtk_widget_paintable_new (widget);
  snapshot = gtk_snapshot_new ();
  gtk_snapshot_scale (snapshot, scale, scale);
  gdk_paintable_snapshot (paintable, snapshot, width, height);
  node = gtk_snapshot_free_to_node (snapshot);
  g_assert_nonnull (node);

  texture = gsk_renderer_render_texture (gtk_native_get_renderer (gtk_widget_get_native (widget)), node,
                                         &GRAPHENE_RECT_INIT (0, 0, width * scale, height * scale));
  gsk_render_node_unref (node);
  g_assert_true (gdk_texture_save_to_png (texture, path));
  g_test_message ("wrote %s", path);
}

typedef struct
{
  GtkWidget *window;
  int        width;
  int        height;
} Size;

static gboolean
has_size (gpointer data)
{
  Size *size = data;

  return gtk_widget_get_width (size->window) == size->width &&
         gtk_widget_get_height (size->window) == size->height;
}

/* Gives a mapped window a content of exactly @width × @height. A size
 * request, because GTK fits default sizes to the screen (xvfb-run's is
 * 640×480 unless told otherwise) and counts the decorations' frame in it. */
static void
resize_content (GtkWidget *window,
                int        width,
                int        height)
{
  Size size = { window, width, height };

  gtk_widget_set_size_request (adw_application_window_get_content (ADW_APPLICATION_WINDOW (window)),
                               width, height);
  wait_for (has_size, &size);
}

/* The moment after the first entry into the kernel: the mockup's moment. */
static guint64
first_kernel_entry (RingsideSessionObject *session)
{
  size_t n;
  const rs_step_summary *timeline = rs_session_timeline (ringside_session_object_get_session (session), &n);

  for (size_t i = 0; i < n; i++)
    if (timeline[i].cpl_before == 3 && timeline[i].cpl_after == 0)
      return i + 1;

  return 0;
}

static void
screenshot (const char *name,
            const char *theme,
            int         width,
            int         height,
            const char *broken)
{
  g_autoptr(GFile) scenario = ringside_application_get_default_scenario (app);
  g_autofree char *path = g_file_get_path (scenario);
  RingsideWindow *window;

  g_action_group_change_action_state (G_ACTION_GROUP (app), "theme", g_variant_new_string (theme));
  window = new_window (path, width, height);
  ringside_session_object_seek (session_of (window), first_kernel_entry (session_of (window)));
  if (broken != NULL)
    {
      g_autoptr(GFile) file = g_file_new_for_path (broken);

      ringside_window_open (window, file);
      wait_for (banner_revealed, window);
    }

  resize_content (GTK_WIDGET (window), width, height);
  save_png (GTK_WIDGET (window), name);
  destroy_window (window);
}

static void
test_screenshots (void)
{
  g_autofree char *broken = test_file ("broken.json");

  screenshot ("main-window", "light", 1280, 800, NULL);
  screenshot ("main-window-1024x768", "light", 1024, 768, NULL);
  screenshot ("main-window-dark", "dark", 1280, 800, NULL);
  screenshot ("main-window-problems", "light", 1280, 800, broken);
  g_action_group_change_action_state (G_ACTION_GROUP (app), "theme", g_variant_new_string ("system"));
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GError) error = NULL;
  int status;

  g_test_init (&argc, &argv, NULL);
  gtk_disable_setlocale ();
  if (!gtk_init_check ())
    {
      g_print ("1..0 # SKIP no display (run under xvfb-run)\n");
      return 0;
    }
  adw_init ();
  g_test_log_set_fatal_handler (ignore_missing_session_bus, NULL);

  app = ringside_application_new ();
  /* Never hand the tests to a Ringside already running on the session. */
  g_application_set_flags (G_APPLICATION (app), G_APPLICATION_HANDLES_OPEN | G_APPLICATION_NON_UNIQUE);
  g_assert_true (g_application_register (G_APPLICATION (app), NULL, &error));
  g_assert_no_error (error);

  g_test_add_func ("/gui/window/default-scenario-keys", test_default_scenario_keys);
  g_test_add_func ("/gui/window/play", test_play);
  g_test_add_func ("/gui/window/open-and-broken", test_open_and_broken);
  g_test_add_func ("/gui/window/stops", test_stops);
  g_test_add_func ("/gui/window/drop-file", test_drop_file);
  g_test_add_func ("/gui/window/open-dialog", test_open_dialog);
  g_test_add_func ("/gui/window/reload-on-change", test_reload_on_change);
  g_test_add_func ("/gui/window/zoom", test_zoom);
  g_test_add_func ("/gui/window/accessibility", test_accessibility);
  g_test_add_func ("/gui/window/help-overlay-lists-every-key", test_help_overlay_lists_every_key);
  g_test_add_func ("/gui/application/theme", test_theme);
  g_test_add_func ("/gui/application/open-from-outside", test_open_from_outside);
  g_test_add_func ("/gui/screenshots", test_screenshots);

  status = g_test_run ();
  g_object_unref (app);

  return status;
}
