/* ringside-window.c
 *
 * Copyright 2026 The Ringside authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <math.h>
#include <stdlib.h>

#include <glib/gi18n.h>

#include "view.h"

#include "ringside-application.h"
#include "ringside-window.h"

/* While playing, how long each step's final state stays on screen after
 * its animation, in seconds at speed 1. */
#define PLAY_HOLD_SECONDS 0.8

#define ZOOM_MIN  0.5
#define ZOOM_MAX  3.0
#define ZOOM_STEP 0.1
#define SPEED_MIN 0.25
#define SPEED_MAX 4.0

/**
 * RingsideWindow:
 *
 * A window showing one scenario: the header bar with the stepping
 * controls, a banner for files that failed to load, and a canvas that the
 * ui/ views draw on.
 *
 * The window observes a #RingsideSessionObject. It animates each step
 * forward on the canvas's frame clock (progress 0..1 handed to the view)
 * and, while playing, takes the next step once the animation and a short
 * hold are over.
 */
struct _RingsideWindow
{
  AdwApplicationWindow   parent_instance;

  /* Template widgets */
  GtkButton             *play_button;
  GtkMenuButton         *speed_button;
  GtkLabel              *step_label;
  AdwWindowTitle        *window_title;
  GtkRevealer           *banner_revealer;
  GtkLabel              *banner_title;
  GtkLabel              *banner_subtitle;
  GtkListBox            *banner_list;
  GtkStack              *content_stack;
  GtkDrawingArea        *canvas;

  /* Owned */
  RingsideSessionObject *session;
  GSettings             *settings;
  GtkStringList         *problems;
  GtkFileChooserNative  *chooser;
  rs_view_cache         *view_cache;  /* fonts and shaped text between frames */

  /* Animation and playback */
  double                 zoom;
  double                 speed;
  double                 progress;    /* of the step on display, 0..1 */
  double                 duration;    /* of its animation, seconds at speed 1 */
  gint64                 step_start;  /* frame time it began; 0 = at the next frame */
  guint                  tick_id;
  guint                  playing : 1;
};

G_DEFINE_FINAL_TYPE (RingsideWindow, ringside_window, ADW_TYPE_APPLICATION_WINDOW)

enum {
  PROP_0,
  PROP_PLAYING,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* Keys without modifiers. They live in a window-level controller in the
 * bubble phase rather than in application accels, so that a focused
 * widget that wants a key keeps it. Every one of them is listed in
 * gtk/help-overlay.ui (tests/gui checks). */
static const struct {
  const char *trigger;
  const char *action;
} plain_keys[] = {
  { "space|Right|Page_Down", "win.step-forward" },
  { "Left|BackSpace|Page_Up", "win.step-back" },
  { "p", "win.play" },
  { "Home", "win.restart" },
  { "End", "win.go-to-end" },
  { "n", "win.next-stop" },
  { "<Shift>n", "win.previous-stop" },
  { "bracketleft", "win.slower" },
  { "bracketright", "win.faster" },
  { "Escape", "win.leave-fullscreen" },
};

static gboolean ringside_window_step_forward (RingsideWindow *self);
static void     ringside_window_set_playing  (RingsideWindow *self,
                                              gboolean        playing);

static rs_theme_kind
ringside_window_theme (RingsideWindow *self)
{
  AdwStyleManager *style = adw_style_manager_get_default ();

  if (adw_style_manager_get_high_contrast (style) ||
      g_settings_get_enum (self->settings, "theme") == RINGSIDE_THEME_HIGH_CONTRAST)
    return RS_THEME_HIGH_CONTRAST;

  return adw_style_manager_get_dark (style) ? RS_THEME_DARK : RS_THEME_LIGHT;
}

/* What the view draws now. Returns %FALSE when there is no scenario. */
static gboolean
ringside_window_view_input (RingsideWindow *self,
                            rs_view_input  *input)
{
  const rs_session *session = ringside_session_object_get_session (self->session);

  if (session == NULL)
    return FALSE;

  *input = (rs_view_input) {
    .session = session,
    .step = rs_session_last (session),
    .narration = ringside_session_object_get_narration (self->session),
    .progress = self->progress,
    .theme = ringside_window_theme (self),
    .zoom = self->zoom,
    .cache = self->view_cache,
  };

  return TRUE;
}

static void
ringside_window_draw (GtkDrawingArea *area,
                      cairo_t        *cr,
                      int             width,
                      int             height,
                      gpointer        user_data)
{
  RingsideWindow *self = user_data;
  rs_view_input input;

  if (ringside_window_view_input (self, &input))
    rs_view_draw (cr, width, height, &input);
}

/* The step of the timeline under (@x, @y) on the canvas, if any. */
static gboolean
ringside_window_timeline_hit (RingsideWindow *self,
                              double          x,
                              double          y,
                              guint64        *step)
{
  rs_view_input input;
  rs_view_layout layout;
  uint64_t hit;

  if (!ringside_window_view_input (self, &input))
    return FALSE;

  rs_view_layout_compute (gtk_widget_get_width (GTK_WIDGET (self->canvas)),
                          gtk_widget_get_height (GTK_WIDGET (self->canvas)),
                          &input, &layout);
  if (!rs_view_timeline_hit (&layout, &input, x, y, &hit))
    return FALSE;

  *step = hit;
  return TRUE;
}

static gboolean
ringside_window_tick (GtkWidget     *widget,
                      GdkFrameClock *frame_clock,
                      gpointer       user_data)
{
  RingsideWindow *self = user_data;
  gint64 now = gdk_frame_clock_get_frame_time (frame_clock);
  double elapsed;

  if (self->step_start == 0)
    self->step_start = now;

  /* In seconds at speed 1, so that the speed scales the whole step. */
  elapsed = (now - self->step_start) / (double)G_USEC_PER_SEC * self->speed;

  if (self->progress < 1.0)
    {
      self->progress = self->duration > 0 ? MIN (1.0, elapsed / self->duration) : 1.0;
      gtk_widget_queue_draw (widget);
    }

  if (self->playing && elapsed >= self->duration + PLAY_HOLD_SECONDS &&
      !ringside_window_step_forward (self))
    ringside_window_set_playing (self, FALSE);

  if (!self->playing && self->progress >= 1.0)
    {
      self->tick_id = 0;
      return G_SOURCE_REMOVE;
    }

  return G_SOURCE_CONTINUE;
}

static void
ringside_window_ensure_ticking (RingsideWindow *self)
{
  if (self->tick_id == 0)
    self->tick_id = gtk_widget_add_tick_callback (GTK_WIDGET (self->canvas),
                                                  ringside_window_tick,
                                                  self, NULL);
}

/* Shows the step that led to the current position from its start. The
 * animation is skipped when the desktop turns animations off. */
static void
ringside_window_animate_step (RingsideWindow *self)
{
  const rs_session *session = ringside_session_object_get_session (self->session);
  const rs_step_record *step = rs_session_last (session);

  self->duration = 0;
  if (step != NULL && adw_get_enable_animations (GTK_WIDGET (self->canvas)))
    self->duration = rs_view_step_duration (step);
  self->progress = self->duration > 0 ? 0.0 : 1.0;
  self->step_start = 0;

  ringside_window_ensure_ticking (self);
  gtk_widget_queue_draw (GTK_WIDGET (self->canvas));
}

/* Shows the current position as it is, with nothing moving. */
static void
ringside_window_show_still (RingsideWindow *self)
{
  self->duration = 0;
  self->progress = 1.0;
  self->step_start = 0;

  if (self->playing)
    ringside_window_ensure_ticking (self);
  gtk_widget_queue_draw (GTK_WIDGET (self->canvas));
}

/* Takes one step and animates it; %FALSE at the end. */
static gboolean
ringside_window_step_forward (RingsideWindow *self)
{
  if (!ringside_session_object_forward (self->session))
    return FALSE;

  ringside_window_animate_step (self);
  return TRUE;
}

static void
ringside_window_seek (RingsideWindow *self,
                      guint64         position)
{
  ringside_session_object_seek (self->session, position);
  ringside_window_show_still (self);
}

static void
ringside_window_set_playing (RingsideWindow *self,
                             gboolean        playing)
{
  playing = !!playing;
  if (self->playing == playing)
    return;

  if (playing && !ringside_session_object_has_scenario (self->session))
    return;

  /* Play at the end starts over. */
  if (playing &&
      ringside_session_object_get_position (self->session) ==
      ringside_session_object_get_length (self->session))
    ringside_window_seek (self, 0);

  self->playing = playing;
  self->step_start = 0;
  if (playing)
    ringside_window_ensure_ticking (self);

  gtk_button_set_icon_name (self->play_button,
                            playing ? "media-playback-pause-symbolic"
                                    : "media-playback-start-symbolic");
  gtk_widget_set_tooltip_text (GTK_WIDGET (self->play_button),
                               playing ? _("Pause (P)") : _("Play (P)"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->play_button),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  playing ? _("Pause") : _("Play"),
                                  -1);

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PLAYING]);
}

static void
ringside_window_update_actions (RingsideWindow *self)
{
  GtkWidget *widget = GTK_WIDGET (self);
  const rs_session *session = ringside_session_object_get_session (self->session);
  guint64 position = ringside_session_object_get_position (self->session);
  guint64 length = ringside_session_object_get_length (self->session);
  gboolean has_stops = session != NULL && rs_scenario_stop_count (rs_session_scenario (session)) > 0;

  gtk_widget_action_set_enabled (widget, "win.step-back", position > 0);
  gtk_widget_action_set_enabled (widget, "win.restart", position > 0);
  gtk_widget_action_set_enabled (widget, "win.step-forward", position < length);
  gtk_widget_action_set_enabled (widget, "win.go-to-end", position < length);
  gtk_widget_action_set_enabled (widget, "win.play", length > 0);
  gtk_widget_action_set_enabled (widget, "win.next-stop", has_stops);
  gtk_widget_action_set_enabled (widget, "win.previous-stop", has_stops);
}

static void
ringside_window_update_zoom_actions (RingsideWindow *self)
{
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.zoom-in", self->zoom < ZOOM_MAX);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.zoom-out", self->zoom > ZOOM_MIN);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.slower", self->speed > SPEED_MIN);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.faster", self->speed < SPEED_MAX);
}

/* The step counter and what a screen reader says about the canvas. */
static void
ringside_window_session_changed (RingsideWindow        *self,
                                 RingsideSessionObject *session)
{
  const rs_narration *narration = ringside_session_object_get_narration (session);
  g_autofree char *position = g_strdup_printf ("%" G_GUINT64_FORMAT,
                                               ringside_session_object_get_position (session));
  g_autofree char *length = g_strdup_printf ("%" G_GUINT64_FORMAT,
                                             ringside_session_object_get_length (session));
  g_autofree char *markup = NULL;
  g_autofree char *description = NULL;

  /* Translators: the step counter in the header bar, "Step 14 / 52" */
  markup = g_markup_printf_escaped (_("Step <b>%s</b> / %s"), position, length);
  gtk_label_set_markup (self->step_label, markup);

  if (narration != NULL)
    {
      char *body = rs_markup_to_plain (narration->body);

      /* Translators: what a screen reader says about the machine view:
       * "Step 3 of 9. <headline>. <narration>" */
      description = g_strdup_printf (_("Step %s of %s. %s. %s"), position, length,
                                     narration->headline, body ? body : "");
      free (body);
    }
  if (description != NULL)
    gtk_accessible_update_property (GTK_ACCESSIBLE (self->canvas),
                                    GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, description,
                                    -1);
  else
    gtk_accessible_reset_property (GTK_ACCESSIBLE (self->canvas),
                                   GTK_ACCESSIBLE_PROPERTY_DESCRIPTION);

  ringside_window_update_actions (self);
  gtk_widget_queue_draw (GTK_WIDGET (self->canvas));
}

static void
ringside_window_session_loaded (RingsideWindow        *self,
                                gboolean               reloaded,
                                RingsideSessionObject *session)
{
  GFile *file = ringside_session_object_get_file (session);
  const char *title = ringside_session_object_get_title (session);
  const char *source = ringside_session_object_get_source (session);
  g_autofree char *basename = g_file_get_basename (file);
  g_autofree char *parse_name = g_file_get_parse_name (file);
  g_autofree char *subtitle = NULL;

  if (source != NULL && source[0] != '\0')
    subtitle = g_strdup_printf ("%s · %s", source, basename);
  else
    subtitle = g_steal_pointer (&basename);

  adw_window_title_set_title (self->window_title, title);
  adw_window_title_set_subtitle (self->window_title, subtitle);
  gtk_widget_set_tooltip_text (GTK_WIDGET (self->window_title), parse_name);
  gtk_window_set_title (GTK_WINDOW (self), title);

  gtk_revealer_set_reveal_child (self->banner_revealer, FALSE);
  gtk_widget_set_visible (GTK_WIDGET (self->step_label), TRUE);
  gtk_stack_set_visible_child_name (self->content_stack, "canvas");

  if (!reloaded)
    {
      ringside_window_set_playing (self, FALSE);
      gtk_widget_grab_focus (GTK_WIDGET (self->canvas));
    }
  ringside_window_show_still (self);
}

static void
ringside_window_session_load_failed (RingsideWindow        *self,
                                     GFile                 *file,
                                     const char * const    *problems,
                                     RingsideSessionObject *session)
{
  const char *shown = ringside_session_object_get_title (session);
  g_autofree char *basename = g_file_get_basename (file);
  g_autofree char *title = NULL;
  g_autofree char *subtitle = NULL;
  guint n = g_strv_length ((char **)problems);

  title = g_strdup_printf (_("Could not load “%s”"), basename);
  if (shown != NULL)
    /* Translators: the first %s is a number of problems */
    subtitle = g_strdup_printf (ngettext ("%u problem. Still showing “%s”; it reloads when you save a fix.",
                                          "%u problems. Still showing “%s”; it reloads when you save a fix.",
                                          n),
                                n, shown);
  else
    subtitle = g_strdup_printf (ngettext ("%u problem. The file reloads when you save a fix.",
                                          "%u problems. The file reloads when you save a fix.",
                                          n),
                                n);

  gtk_label_set_text (self->banner_title, title);
  gtk_label_set_text (self->banner_subtitle, subtitle);
  gtk_string_list_splice (self->problems, 0,
                          g_list_model_get_n_items (G_LIST_MODEL (self->problems)),
                          problems);
  gtk_revealer_set_reveal_child (self->banner_revealer, TRUE);
}

static GtkWidget *
ringside_window_create_problem_row (gpointer item,
                                    gpointer user_data)
{
  GtkWidget *label;

  label = g_object_new (GTK_TYPE_LABEL,
                        "label", gtk_string_object_get_string (item),
                        "xalign", 0.0f,
                        "wrap", TRUE,
                        "wrap-mode", PANGO_WRAP_WORD_CHAR,
                        "selectable", TRUE,
                        NULL);
  gtk_widget_add_css_class (label, "monospace");

  return label;
}

static void
ringside_window_dismiss_banner (RingsideWindow *self)
{
  gtk_revealer_set_reveal_child (self->banner_revealer, FALSE);
}

static gboolean
ringside_window_query_tooltip (RingsideWindow *self,
                               int             x,
                               int             y,
                               gboolean        keyboard_mode,
                               GtkTooltip     *tooltip,
                               GtkWidget      *canvas)
{
  rs_view_input input;
  guint64 step;
  char text[128];

  if (keyboard_mode ||
      !ringside_window_timeline_hit (self, x, y, &step) ||
      !ringside_window_view_input (self, &input))
    return FALSE;

  rs_view_timeline_tooltip (&input, step, text, sizeof text);
  gtk_tooltip_set_text (tooltip, text);
  /* A one-pixel area makes the tooltip follow the pointer along the
   * timeline instead of staying on the first step it showed. */
  gtk_tooltip_set_tip_area (tooltip, &(GdkRectangle) { x, y, 1, 1 });

  return TRUE;
}

static void
ringside_window_drag_begin (RingsideWindow *self,
                            double          x,
                            double          y,
                            GtkGestureDrag *gesture)
{
  guint64 step;

  if (!ringside_window_timeline_hit (self, x, y, &step))
    {
      gtk_gesture_set_state (GTK_GESTURE (gesture), GTK_EVENT_SEQUENCE_DENIED);
      return;
    }

  gtk_gesture_set_state (GTK_GESTURE (gesture), GTK_EVENT_SEQUENCE_CLAIMED);
  gtk_widget_grab_focus (GTK_WIDGET (self->canvas));
  ringside_window_seek (self, step);
}

static void
ringside_window_drag_update (RingsideWindow *self,
                             double          offset_x,
                             double          offset_y,
                             GtkGestureDrag *gesture)
{
  double x, y;
  guint64 step;

  /* Scrubbing follows the pointer along the track; wandering off it
   * vertically does not stop the drag. */
  gtk_gesture_drag_get_start_point (gesture, &x, &y);
  if (ringside_window_timeline_hit (self, x + offset_x, y, &step))
    ringside_window_seek (self, step);
}

static void
ringside_window_motion (RingsideWindow           *self,
                        double                    x,
                        double                    y,
                        GtkEventControllerMotion *motion)
{
  guint64 step;

  gtk_widget_set_cursor_from_name (GTK_WIDGET (self->canvas),
                                   ringside_window_timeline_hit (self, x, y, &step) ? "pointer" : NULL);
}

static gboolean
ringside_window_drop (RingsideWindow *self,
                      const GValue   *value,
                      double          x,
                      double          y,
                      GtkDropTarget  *target)
{
  GSList *files = gdk_file_list_get_files (g_value_get_boxed (value));
  gboolean opened = files != NULL;

  if (opened)
    ringside_window_open (self, files->data);
  g_slist_free (files);

  return opened;
}

static void
ringside_window_chooser_response (RingsideWindow       *self,
                                  int                   response,
                                  GtkFileChooserNative *chooser)
{
  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr(GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));

      if (file != NULL)
        ringside_window_open (self, file);
    }

  gtk_native_dialog_destroy (GTK_NATIVE_DIALOG (chooser));
  g_clear_object (&self->chooser);
}

static void
ringside_window_settings_changed (RingsideWindow *self,
                                  const char     *key,
                                  GSettings      *settings)
{
  g_autofree char *speed = NULL;

  self->zoom = g_settings_get_double (settings, "zoom");
  self->speed = g_settings_get_double (settings, "speed");

  /* Translators: the playback speed in the header bar, "0.5×", "2×" */
  speed = g_strdup_printf (_("%g×"), self->speed);
  gtk_menu_button_set_label (self->speed_button, speed);
  ringside_window_update_zoom_actions (self);
  gtk_widget_queue_draw (GTK_WIDGET (self->canvas));
}

static void
ringside_window_notify_fullscreened (RingsideWindow *self)
{
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.leave-fullscreen",
                                 gtk_window_is_fullscreen (GTK_WINDOW (self)));
}

static void
step_forward_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *param)
{
  ringside_window_step_forward (RINGSIDE_WINDOW (widget));
}

static void
step_back_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *param)
{
  RingsideWindow *self = RINGSIDE_WINDOW (widget);

  if (ringside_session_object_back (self->session))
    ringside_window_show_still (self);
}

static void
restart_action (GtkWidget  *widget,
                const char *action_name,
                GVariant   *param)
{
  ringside_window_seek (RINGSIDE_WINDOW (widget), 0);
}

static void
go_to_end_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *param)
{
  RingsideWindow *self = RINGSIDE_WINDOW (widget);

  ringside_window_seek (self, ringside_session_object_get_length (self->session));
}

static void
stop_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *param)
{
  RingsideWindow *self = RINGSIDE_WINDOW (widget);

  if (ringside_session_object_seek_stop (self->session,
                                         g_str_equal (action_name, "win.next-stop") ? 1 : -1))
    ringside_window_show_still (self);
  else
    gtk_widget_error_bell (widget);
}

static void
reload_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *param)
{
  ringside_session_object_reload (RINGSIDE_WINDOW (widget)->session);
}

static void
zoom_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *param)
{
  RingsideWindow *self = RINGSIDE_WINDOW (widget);
  double zoom = 1.0;

  if (g_str_equal (action_name, "win.zoom-in"))
    zoom = self->zoom + ZOOM_STEP;
  else if (g_str_equal (action_name, "win.zoom-out"))
    zoom = self->zoom - ZOOM_STEP;

  /* Whole tenths, so that repeated steps land back on 1.0. */
  zoom = CLAMP (round (zoom * 10) / 10, ZOOM_MIN, ZOOM_MAX);
  g_settings_set_double (self->settings, "zoom", zoom);
}

static void
speed_action (GtkWidget  *widget,
              const char *action_name,
              GVariant   *param)
{
  RingsideWindow *self = RINGSIDE_WINDOW (widget);
  double speed = self->speed;

  /* Halving and doubling keeps to the speeds of the menu. */
  speed = g_str_equal (action_name, "win.faster") ? speed * 2 : speed / 2;
  g_settings_set_double (self->settings, "speed", CLAMP (speed, SPEED_MIN, SPEED_MAX));
}

static void
leave_fullscreen_action (GtkWidget  *widget,
                         const char *action_name,
                         GVariant   *param)
{
  gtk_window_unfullscreen (GTK_WINDOW (widget));
}

static void
ringside_window_dispose (GObject *object)
{
  RingsideWindow *self = (RingsideWindow *)object;

  if (self->tick_id != 0)
    gtk_widget_remove_tick_callback (GTK_WIDGET (self->canvas), self->tick_id);
  self->tick_id = 0;

  if (self->chooser != NULL)
    gtk_native_dialog_destroy (GTK_NATIVE_DIALOG (self->chooser));
  g_clear_object (&self->chooser);

  gtk_widget_dispose_template (GTK_WIDGET (self), RINGSIDE_TYPE_WINDOW);

  G_OBJECT_CLASS (ringside_window_parent_class)->dispose (object);
}

static void
ringside_window_finalize (GObject *object)
{
  RingsideWindow *self = (RingsideWindow *)object;

  g_clear_object (&self->session);
  g_clear_object (&self->settings);
  g_clear_object (&self->problems);
  g_clear_pointer (&self->view_cache, rs_view_cache_free);

  G_OBJECT_CLASS (ringside_window_parent_class)->finalize (object);
}

static void
ringside_window_get_property (GObject    *object,
                              guint       prop_id,
                              GValue     *value,
                              GParamSpec *pspec)
{
  RingsideWindow *self = RINGSIDE_WINDOW (object);

  switch (prop_id)
    {
    case PROP_PLAYING:
      g_value_set_boolean (value, self->playing);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
ringside_window_set_property (GObject      *object,
                              guint         prop_id,
                              const GValue *value,
                              GParamSpec   *pspec)
{
  RingsideWindow *self = RINGSIDE_WINDOW (object);

  switch (prop_id)
    {
    case PROP_PLAYING:
      ringside_window_set_playing (self, g_value_get_boolean (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
ringside_window_class_init (RingsideWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = ringside_window_dispose;
  object_class->finalize = ringside_window_finalize;
  object_class->get_property = ringside_window_get_property;
  object_class->set_property = ringside_window_set_property;

  /**
   * RingsideWindow:playing:
   *
   * Whether the scenario plays on by itself, one step after another.
   */
  properties[PROP_PLAYING] =
    g_param_spec_boolean ("playing", NULL, NULL,
                          FALSE,
                          (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class, "/org/ringside/Ringside/ringside-window.ui");
  gtk_widget_class_bind_template_child (widget_class, RingsideWindow, play_button);
  gtk_widget_class_bind_template_child (widget_class, RingsideWindow, speed_button);
  gtk_widget_class_bind_template_child (widget_class, RingsideWindow, step_label);
  gtk_widget_class_bind_template_child (widget_class, RingsideWindow, window_title);
  gtk_widget_class_bind_template_child (widget_class, RingsideWindow, banner_revealer);
  gtk_widget_class_bind_template_child (widget_class, RingsideWindow, banner_title);
  gtk_widget_class_bind_template_child (widget_class, RingsideWindow, banner_subtitle);
  gtk_widget_class_bind_template_child (widget_class, RingsideWindow, banner_list);
  gtk_widget_class_bind_template_child (widget_class, RingsideWindow, content_stack);
  gtk_widget_class_bind_template_child (widget_class, RingsideWindow, canvas);
  gtk_widget_class_bind_template_callback (widget_class, ringside_window_dismiss_banner);
  gtk_widget_class_bind_template_callback (widget_class, ringside_window_query_tooltip);
  gtk_widget_class_bind_template_callback (widget_class, ringside_window_drag_begin);
  gtk_widget_class_bind_template_callback (widget_class, ringside_window_drag_update);
  gtk_widget_class_bind_template_callback (widget_class, ringside_window_motion);

  gtk_widget_class_install_action (widget_class, "win.step-forward", NULL, step_forward_action);
  gtk_widget_class_install_action (widget_class, "win.step-back", NULL, step_back_action);
  gtk_widget_class_install_action (widget_class, "win.restart", NULL, restart_action);
  gtk_widget_class_install_action (widget_class, "win.go-to-end", NULL, go_to_end_action);
  gtk_widget_class_install_action (widget_class, "win.next-stop", NULL, stop_action);
  gtk_widget_class_install_action (widget_class, "win.previous-stop", NULL, stop_action);
  gtk_widget_class_install_action (widget_class, "win.reload", NULL, reload_action);
  gtk_widget_class_install_action (widget_class, "win.zoom-in", NULL, zoom_action);
  gtk_widget_class_install_action (widget_class, "win.zoom-out", NULL, zoom_action);
  gtk_widget_class_install_action (widget_class, "win.zoom-reset", NULL, zoom_action);
  gtk_widget_class_install_action (widget_class, "win.slower", NULL, speed_action);
  gtk_widget_class_install_action (widget_class, "win.faster", NULL, speed_action);
  gtk_widget_class_install_action (widget_class, "win.leave-fullscreen", NULL, leave_fullscreen_action);
  gtk_widget_class_install_property_action (widget_class, "win.play", "playing");
  gtk_widget_class_install_property_action (widget_class, "win.fullscreen", "fullscreened");
}

static void
ringside_window_init (RingsideWindow *self)
{
  g_autoptr(GAction) speed = NULL;
  GtkEventController *shortcuts;
  GtkDropTarget *drop;

  gtk_widget_init_template (GTK_WIDGET (self));

  self->progress = 1.0;
  self->session = ringside_session_object_new ();
  self->problems = gtk_string_list_new (NULL);
  self->settings = ringside_application_new_settings ();
  self->view_cache = rs_view_cache_new ();

  gtk_drawing_area_set_draw_func (self->canvas, ringside_window_draw, self, NULL);
  gtk_list_box_bind_model (self->banner_list, G_LIST_MODEL (self->problems),
                           ringside_window_create_problem_row, NULL, NULL);

  g_signal_connect_object (self->session, "changed",
                           G_CALLBACK (ringside_window_session_changed),
                           self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->session, "loaded",
                           G_CALLBACK (ringside_window_session_loaded),
                           self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->session, "load-failed",
                           G_CALLBACK (ringside_window_session_load_failed),
                           self, G_CONNECT_SWAPPED);

  g_settings_bind (self->settings, "window-width", self, "default-width", G_SETTINGS_BIND_DEFAULT);
  g_settings_bind (self->settings, "window-height", self, "default-height", G_SETTINGS_BIND_DEFAULT);
  g_settings_bind (self->settings, "window-maximized", self, "maximized", G_SETTINGS_BIND_DEFAULT);
  g_signal_connect_object (self->settings, "changed::zoom",
                           G_CALLBACK (ringside_window_settings_changed),
                           self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->settings, "changed::speed",
                           G_CALLBACK (ringside_window_settings_changed),
                           self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->settings, "changed::theme",
                           G_CALLBACK (ringside_window_settings_changed),
                           self, G_CONNECT_SWAPPED);
  ringside_window_settings_changed (self, NULL, self->settings);

  speed = g_settings_create_action (self->settings, "speed");
  g_action_map_add_action (G_ACTION_MAP (self), speed);

  g_signal_connect_object (adw_style_manager_get_default (), "notify::dark",
                           G_CALLBACK (gtk_widget_queue_draw), self->canvas, G_CONNECT_SWAPPED);
  g_signal_connect_object (adw_style_manager_get_default (), "notify::high-contrast",
                           G_CALLBACK (gtk_widget_queue_draw), self->canvas, G_CONNECT_SWAPPED);
  g_signal_connect (self, "notify::fullscreened",
                    G_CALLBACK (ringside_window_notify_fullscreened), NULL);
  ringside_window_notify_fullscreened (self);

  shortcuts = gtk_shortcut_controller_new ();
  gtk_event_controller_set_name (shortcuts, "ringside-plain-keys");
  for (guint i = 0; i < G_N_ELEMENTS (plain_keys); i++)
    gtk_shortcut_controller_add_shortcut (GTK_SHORTCUT_CONTROLLER (shortcuts),
                                          gtk_shortcut_new (gtk_shortcut_trigger_parse_string (plain_keys[i].trigger),
                                                            gtk_named_action_new (plain_keys[i].action)));
  gtk_widget_add_controller (GTK_WIDGET (self), shortcuts);

  drop = gtk_drop_target_new (GDK_TYPE_FILE_LIST, GDK_ACTION_COPY);
  g_signal_connect_object (drop, "drop", G_CALLBACK (ringside_window_drop), self, G_CONNECT_SWAPPED);
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (drop));

  gtk_widget_set_visible (GTK_WIDGET (self->step_label), FALSE);
  ringside_window_update_actions (self);
}

/**
 * ringside_window_new:
 * @application: the application
 *
 * Creates a window with no scenario.
 *
 * Returns: (transfer none): a new #RingsideWindow
 */
RingsideWindow *
ringside_window_new (GtkApplication *application)
{
  g_return_val_if_fail (GTK_IS_APPLICATION (application), NULL);

  return g_object_new (RINGSIDE_TYPE_WINDOW,
                       "application", application,
                       NULL);
}

/**
 * ringside_window_open:
 * @self: a #RingsideWindow
 * @file: a scenario file
 *
 * Shows @file from step 0. A file that fails to load leaves the scenario
 * on display and lists its problems in the window's banner.
 */
void
ringside_window_open (RingsideWindow *self,
                      GFile          *file)
{
  g_return_if_fail (RINGSIDE_IS_WINDOW (self));
  g_return_if_fail (G_IS_FILE (file));

  ringside_session_object_open (self->session, file);
}

/**
 * ringside_window_choose_file:
 * @self: a #RingsideWindow
 *
 * Asks for a scenario file to open, starting in the folder of the one on
 * display. Only one chooser is open at a time.
 */
void
ringside_window_choose_file (RingsideWindow *self)
{
  g_autoptr(GtkFileFilter) scenarios = NULL;
  g_autoptr(GtkFileFilter) all = NULL;
  GFile *file;

  g_return_if_fail (RINGSIDE_IS_WINDOW (self));

  if (self->chooser == NULL)
    {
      self->chooser = gtk_file_chooser_native_new (_("Open Scenario"), GTK_WINDOW (self),
                                                   GTK_FILE_CHOOSER_ACTION_OPEN,
                                                   _("_Open"), _("_Cancel"));
      gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (self->chooser), TRUE);

      scenarios = gtk_file_filter_new ();
      gtk_file_filter_set_name (scenarios, _("Scenarios (*.json)"));
      gtk_file_filter_add_pattern (scenarios, "*.json");
      gtk_file_filter_add_mime_type (scenarios, "application/json");
      gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (self->chooser), scenarios);

      all = gtk_file_filter_new ();
      gtk_file_filter_set_name (all, _("All Files"));
      gtk_file_filter_add_pattern (all, "*");
      gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (self->chooser), all);

      file = ringside_session_object_get_file (self->session);
      if (file != NULL)
        {
          g_autoptr(GFile) folder = g_file_get_parent (file);

          gtk_file_chooser_set_current_folder (GTK_FILE_CHOOSER (self->chooser), folder, NULL);
        }

      g_signal_connect_object (self->chooser, "response",
                               G_CALLBACK (ringside_window_chooser_response),
                               self, G_CONNECT_SWAPPED);
    }

  gtk_native_dialog_show (GTK_NATIVE_DIALOG (self->chooser));
}

/**
 * ringside_window_get_session:
 * @self: a #RingsideWindow
 *
 * Returns: (transfer none): the scenario the window shows
 */
RingsideSessionObject *
ringside_window_get_session (RingsideWindow *self)
{
  g_return_val_if_fail (RINGSIDE_IS_WINDOW (self), NULL);

  return self->session;
}
