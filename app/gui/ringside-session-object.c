/* ringside-session-object.c
 *
 * Copyright 2026 The Ringside authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <stdlib.h>

#include <glib/gi18n.h>

#include "ringside-session-object.h"

/* How long the file monitor waits between two change events, in ms: an
 * editor's save is one reload, not several. */
#define RELOAD_RATE_LIMIT_MS 200

/**
 * RingsideSessionObject:
 *
 * The scenario a window shows: an rs_session (machine, history, timeline)
 * wrapped in a GObject so that widgets can observe it.
 *
 * The object never writes to the scenario file. It watches the file it was
 * last asked to open and reloads it when it changes on disk; a file that
 * fails to load leaves the scenario on display as it was and reports its
 * problems through #RingsideSessionObject::load-failed.
 */
struct _RingsideSessionObject
{
  GObject       parent_instance;

  /* Owned */
  GFile        *file;       /* the file of the scenario on display */
  GFile        *watched;    /* the file last asked for; may have failed */
  GFileMonitor *monitor;    /* on @watched */
  rs_session   *session;
  rs_narration  narration;  /* of the current position */
  gboolean      has_narration;
};

G_DEFINE_FINAL_TYPE (RingsideSessionObject, ringside_session_object, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_FILE,
  PROP_TITLE,
  PROP_SOURCE,
  PROP_POSITION,
  PROP_LENGTH,
  N_PROPS
};

enum {
  CHANGED,
  LOADED,
  LOAD_FAILED,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

static void
ringside_session_object_update_narration (RingsideSessionObject *self)
{
  const rs_step_record *last;
  const rs_scenario *scenario;

  if (self->has_narration)
    rs_narration_clear (&self->narration);

  scenario = rs_session_scenario (self->session);
  last = rs_session_last (self->session);
  if (last != NULL)
    self->has_narration = rs_narrate (scenario, last, rs_session_machine (self->session),
                                      &self->narration);
  else
    self->has_narration = rs_narrate_start (scenario, &self->narration);
}

/* Everything that follows a change of position. */
static void
ringside_session_object_moved (RingsideSessionObject *self)
{
  ringside_session_object_update_narration (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_POSITION]);
  g_signal_emit (self, signals[CHANGED], 0);
}

/* One line per problem, as "FILE:LINE:COL: PATH: MESSAGE". */
static GStrv
ringside_session_object_format_diags (const rs_diags *diags,
                                      GFile          *file)
{
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();

  for (size_t i = 0; i < diags->count; i++)
    {
      char *line = rs_diag_format (&diags->items[i]);

      if (line != NULL)
        g_strv_builder_add (builder, line);
      free (line);
    }

  /* The loader always says why; these cover a file that is not local and
   * running out of memory while the run is scanned. */
  if (diags->count == 0)
    {
      g_autofree char *name = g_file_get_parse_name (file);
      g_autofree char *line = NULL;

      if (!g_file_is_native (file))
        line = g_strdup_printf (_("%s: only local files can be opened"), name);
      else
        line = g_strdup_printf (_("%s: the scenario could not be started"), name);
      g_strv_builder_add (builder, line);
    }

  return g_strv_builder_end (builder);
}

static void
ringside_session_object_file_changed (RingsideSessionObject *self,
                                      GFile                 *file,
                                      GFile                 *other_file,
                                      GFileMonitorEvent      event,
                                      GFileMonitor          *monitor)
{
  /* Every way of saving (in place, or a new file renamed over the old
   * one) ends with this hint once the file is complete. */
  if (event == G_FILE_MONITOR_EVENT_CHANGES_DONE_HINT)
    ringside_session_object_reload (self);
}

static void
ringside_session_object_watch (RingsideSessionObject *self,
                               GFile                 *file)
{
  if (self->watched != NULL && g_file_equal (self->watched, file))
    return;

  g_set_object (&self->watched, file);
  if (self->monitor != NULL)
    g_file_monitor_cancel (self->monitor);
  g_clear_object (&self->monitor);

  self->monitor = g_file_monitor_file (file, G_FILE_MONITOR_NONE, NULL, NULL);
  if (self->monitor == NULL)
    return;

  g_file_monitor_set_rate_limit (self->monitor, RELOAD_RATE_LIMIT_MS);
  g_signal_connect_object (self->monitor, "changed",
                           G_CALLBACK (ringside_session_object_file_changed),
                           self, G_CONNECT_SWAPPED);
}

/* Loads @file and, on success, shows it at @position (clamped to the new
 * run's length). On failure the scenario on display stays as it was. */
static void
ringside_session_object_load (RingsideSessionObject *self,
                              GFile                 *file,
                              guint64                position,
                              gboolean               reloaded)
{
  g_autofree char *path = g_file_get_path (file);
  rs_session *session = NULL;
  rs_diags diags;

  rs_diags_init (&diags);
  if (path != NULL)
    session = rs_session_open (path, &diags);

  if (session == NULL)
    {
      g_auto(GStrv) problems = ringside_session_object_format_diags (&diags, file);

      rs_diags_free (&diags);
      g_signal_emit (self, signals[LOAD_FAILED], 0, file, problems);
      return;
    }
  rs_diags_free (&diags);

  g_clear_pointer (&self->session, rs_session_free);
  self->session = session;
  g_set_object (&self->file, file);
  rs_session_seek (self->session, position);
  ringside_session_object_update_narration (self);

  g_object_freeze_notify (G_OBJECT (self));
  for (guint i = PROP_FILE; i < N_PROPS; i++)
    g_object_notify_by_pspec (G_OBJECT (self), properties[i]);
  g_object_thaw_notify (G_OBJECT (self));

  g_signal_emit (self, signals[LOADED], 0, reloaded);
  g_signal_emit (self, signals[CHANGED], 0);
}

static void
ringside_session_object_finalize (GObject *object)
{
  RingsideSessionObject *self = (RingsideSessionObject *)object;

  if (self->monitor != NULL)
    g_file_monitor_cancel (self->monitor);
  g_clear_object (&self->monitor);
  g_clear_object (&self->watched);
  g_clear_object (&self->file);
  if (self->has_narration)
    rs_narration_clear (&self->narration);
  g_clear_pointer (&self->session, rs_session_free);

  G_OBJECT_CLASS (ringside_session_object_parent_class)->finalize (object);
}

static void
ringside_session_object_get_property (GObject    *object,
                                      guint       prop_id,
                                      GValue     *value,
                                      GParamSpec *pspec)
{
  RingsideSessionObject *self = RINGSIDE_SESSION_OBJECT (object);

  switch (prop_id)
    {
    case PROP_FILE:
      g_value_set_object (value, self->file);
      break;

    case PROP_TITLE:
      g_value_set_string (value, ringside_session_object_get_title (self));
      break;

    case PROP_SOURCE:
      g_value_set_string (value, ringside_session_object_get_source (self));
      break;

    case PROP_POSITION:
      g_value_set_uint64 (value, ringside_session_object_get_position (self));
      break;

    case PROP_LENGTH:
      g_value_set_uint64 (value, ringside_session_object_get_length (self));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
ringside_session_object_class_init (RingsideSessionObjectClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = ringside_session_object_finalize;
  object_class->get_property = ringside_session_object_get_property;

  properties[PROP_FILE] =
    g_param_spec_object ("file", NULL, NULL,
                         G_TYPE_FILE,
                         (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS));

  properties[PROP_TITLE] =
    g_param_spec_string ("title", NULL, NULL,
                         NULL,
                         (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS));

  properties[PROP_SOURCE] =
    g_param_spec_string ("source", NULL, NULL,
                         NULL,
                         (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS));

  properties[PROP_POSITION] =
    g_param_spec_uint64 ("position", NULL, NULL,
                         0, G_MAXUINT64, 0,
                         (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS));

  properties[PROP_LENGTH] =
    g_param_spec_uint64 ("length", NULL, NULL,
                         0, G_MAXUINT64, 0,
                         (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * RingsideSessionObject::changed:
   *
   * The machine on display changed: a step, a seek, or a (re)load.
   */
  signals[CHANGED] =
    g_signal_new ("changed",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 0);

  /**
   * RingsideSessionObject::loaded:
   * @reloaded: %TRUE when the same file was read again and the position
   *   was kept
   *
   * A scenario was loaded and is now on display.
   */
  signals[LOADED] =
    g_signal_new ("loaded",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 1, G_TYPE_BOOLEAN);

  /**
   * RingsideSessionObject::load-failed:
   * @file: the file that could not be loaded
   * @problems: one "FILE:LINE:COL: PATH: MESSAGE" line per problem
   *
   * A file could not be loaded; the scenario on display (if any) stays.
   */
  signals[LOAD_FAILED] =
    g_signal_new ("load-failed",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 2, G_TYPE_FILE, G_TYPE_STRV);
}

static void
ringside_session_object_init (RingsideSessionObject *self)
{
}

/**
 * ringside_session_object_new:
 *
 * Creates an object with no scenario.
 *
 * Returns: (transfer full): a new #RingsideSessionObject
 */
RingsideSessionObject *
ringside_session_object_new (void)
{
  return g_object_new (RINGSIDE_TYPE_SESSION_OBJECT, NULL);
}

/**
 * ringside_session_object_open:
 * @self: a #RingsideSessionObject
 * @file: a scenario file
 *
 * Loads @file at step 0 and starts watching it. Emits
 * #RingsideSessionObject::loaded or #RingsideSessionObject::load-failed
 * before returning. A file that failed stays watched, so saving a fix
 * loads it.
 */
void
ringside_session_object_open (RingsideSessionObject *self,
                              GFile                 *file)
{
  g_return_if_fail (RINGSIDE_IS_SESSION_OBJECT (self));
  g_return_if_fail (G_IS_FILE (file));

  ringside_session_object_watch (self, file);
  ringside_session_object_load (self, file, 0, FALSE);
}

/**
 * ringside_session_object_reload:
 * @self: a #RingsideSessionObject
 *
 * Reads the watched file again. When it is the file on display, the
 * position is kept (clamped to the new length); otherwise the file is
 * shown from step 0.
 */
void
ringside_session_object_reload (RingsideSessionObject *self)
{
  gboolean same;

  g_return_if_fail (RINGSIDE_IS_SESSION_OBJECT (self));

  if (self->watched == NULL)
    return;

  same = self->file != NULL && g_file_equal (self->file, self->watched);
  ringside_session_object_load (self, self->watched,
                                same ? ringside_session_object_get_position (self) : 0,
                                same);
}

/**
 * ringside_session_object_has_scenario:
 * @self: a #RingsideSessionObject
 *
 * Returns: whether a scenario is on display
 */
gboolean
ringside_session_object_has_scenario (RingsideSessionObject *self)
{
  g_return_val_if_fail (RINGSIDE_IS_SESSION_OBJECT (self), FALSE);

  return self->session != NULL;
}

/**
 * ringside_session_object_get_file:
 * @self: a #RingsideSessionObject
 *
 * Returns: (transfer none) (nullable): the file of the scenario on display
 */
GFile *
ringside_session_object_get_file (RingsideSessionObject *self)
{
  g_return_val_if_fail (RINGSIDE_IS_SESSION_OBJECT (self), NULL);

  return self->file;
}

/**
 * ringside_session_object_get_title:
 * @self: a #RingsideSessionObject
 *
 * Returns: (nullable): the scenario's title
 */
const char *
ringside_session_object_get_title (RingsideSessionObject *self)
{
  g_return_val_if_fail (RINGSIDE_IS_SESSION_OBJECT (self), NULL);

  return self->session ? rs_scenario_title (rs_session_scenario (self->session)) : NULL;
}

/**
 * ringside_session_object_get_source:
 * @self: a #RingsideSessionObject
 *
 * Returns: (nullable): what the scenario is based on ("OSPP §2.5")
 */
const char *
ringside_session_object_get_source (RingsideSessionObject *self)
{
  g_return_val_if_fail (RINGSIDE_IS_SESSION_OBJECT (self), NULL);

  return self->session ? rs_scenario_source (rs_session_scenario (self->session)) : NULL;
}

/**
 * ringside_session_object_get_position:
 * @self: a #RingsideSessionObject
 *
 * Returns: the current step (0 is the initial state)
 */
guint64
ringside_session_object_get_position (RingsideSessionObject *self)
{
  g_return_val_if_fail (RINGSIDE_IS_SESSION_OBJECT (self), 0);

  return self->session ? rs_session_position (self->session) : 0;
}

/**
 * ringside_session_object_get_length:
 * @self: a #RingsideSessionObject
 *
 * Returns: the number of steps in the whole run (the last position)
 */
guint64
ringside_session_object_get_length (RingsideSessionObject *self)
{
  g_return_val_if_fail (RINGSIDE_IS_SESSION_OBJECT (self), 0);

  return self->session ? rs_session_length (self->session) : 0;
}

/**
 * ringside_session_object_forward:
 * @self: a #RingsideSessionObject
 *
 * Takes one step.
 *
 * Returns: %FALSE at the end of the run or with no scenario
 */
gboolean
ringside_session_object_forward (RingsideSessionObject *self)
{
  g_return_val_if_fail (RINGSIDE_IS_SESSION_OBJECT (self), FALSE);

  if (self->session == NULL || !rs_session_forward (self->session))
    return FALSE;

  ringside_session_object_moved (self);
  return TRUE;
}

/**
 * ringside_session_object_back:
 * @self: a #RingsideSessionObject
 *
 * Undoes one step.
 *
 * Returns: %FALSE at step 0 or with no scenario
 */
gboolean
ringside_session_object_back (RingsideSessionObject *self)
{
  g_return_val_if_fail (RINGSIDE_IS_SESSION_OBJECT (self), FALSE);

  if (self->session == NULL || !rs_session_back (self->session))
    return FALSE;

  ringside_session_object_moved (self);
  return TRUE;
}

/**
 * ringside_session_object_seek:
 * @self: a #RingsideSessionObject
 * @position: a step, clamped to the length of the run
 *
 * Goes to @position.
 */
void
ringside_session_object_seek (RingsideSessionObject *self,
                              guint64                position)
{
  g_return_if_fail (RINGSIDE_IS_SESSION_OBJECT (self));

  if (self->session == NULL || position == rs_session_position (self->session))
    return;

  rs_session_seek (self->session, position);
  ringside_session_object_moved (self);
}

/* Whether @stop designates @position. */
static gboolean
ringside_session_object_stop_at (RingsideSessionObject *self,
                                  const rs_stop         *stop,
                                  guint64                position)
{
  const rs_step_summary *timeline;
  size_t n;

  if (stop->step >= 0)
    return (guint64)stop->step == position;

  timeline = rs_session_timeline (self->session, &n);
  return position < n && timeline[position].eip == stop->addr;
}

/**
 * ringside_session_object_seek_stop:
 * @self: a #RingsideSessionObject
 * @direction: 1 for the next stop, -1 for the previous one
 *
 * Goes to the nearest of the scenario's stops (its bookmarks for a
 * lecture) in @direction.
 *
 * Returns: %FALSE when there is no stop that way
 */
gboolean
ringside_session_object_seek_stop (RingsideSessionObject *self,
                                   int                    direction)
{
  const rs_scenario *scenario;
  guint64 position, length;
  size_t n_stops;

  g_return_val_if_fail (RINGSIDE_IS_SESSION_OBJECT (self), FALSE);
  g_return_val_if_fail (direction == 1 || direction == -1, FALSE);

  if (self->session == NULL)
    return FALSE;

  scenario = rs_session_scenario (self->session);
  n_stops = rs_scenario_stop_count (scenario);
  position = rs_session_position (self->session);
  length = rs_session_length (self->session);

  while (direction > 0 ? position < length : position > 0)
    {
      position = direction > 0 ? position + 1 : position - 1;
      for (size_t i = 0; i < n_stops; i++)
        {
          if (ringside_session_object_stop_at (self, rs_scenario_stop (scenario, i), position))
            {
              ringside_session_object_seek (self, position);
              return TRUE;
            }
        }
    }

  return FALSE;
}

/**
 * ringside_session_object_get_session:
 * @self: a #RingsideSessionObject
 *
 * Returns: (nullable): the core session, for drawing
 */
const rs_session *
ringside_session_object_get_session (RingsideSessionObject *self)
{
  g_return_val_if_fail (RINGSIDE_IS_SESSION_OBJECT (self), NULL);

  return self->session;
}

/**
 * ringside_session_object_get_narration:
 * @self: a #RingsideSessionObject
 *
 * Returns: (nullable): the narration of the step that led to the current
 *   position, or of the start at step 0
 */
const rs_narration *
ringside_session_object_get_narration (RingsideSessionObject *self)
{
  g_return_val_if_fail (RINGSIDE_IS_SESSION_OBJECT (self), NULL);

  return self->has_narration ? &self->narration : NULL;
}
