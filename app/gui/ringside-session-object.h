/* ringside-session-object.h
 *
 * Copyright 2026 The Ringside authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include <ringside/narrate.h>
#include <ringside/session.h>

G_BEGIN_DECLS

#define RINGSIDE_TYPE_SESSION_OBJECT (ringside_session_object_get_type ())

G_DECLARE_FINAL_TYPE (RingsideSessionObject, ringside_session_object, RINGSIDE, SESSION_OBJECT, GObject)

RingsideSessionObject *ringside_session_object_new           (void);
void                   ringside_session_object_open          (RingsideSessionObject *self,
                                                              GFile                 *file);
void                   ringside_session_object_reload        (RingsideSessionObject *self);
gboolean               ringside_session_object_has_scenario  (RingsideSessionObject *self);
GFile                 *ringside_session_object_get_file      (RingsideSessionObject *self);
const char            *ringside_session_object_get_title     (RingsideSessionObject *self);
const char            *ringside_session_object_get_source    (RingsideSessionObject *self);
guint64                ringside_session_object_get_position  (RingsideSessionObject *self);
guint64                ringside_session_object_get_length    (RingsideSessionObject *self);
gboolean               ringside_session_object_forward       (RingsideSessionObject *self);
gboolean               ringside_session_object_back          (RingsideSessionObject *self);
void                   ringside_session_object_seek          (RingsideSessionObject *self,
                                                              guint64                position);
gboolean               ringside_session_object_seek_stop     (RingsideSessionObject *self,
                                                              int                    direction);
const rs_session      *ringside_session_object_get_session   (RingsideSessionObject *self);
const rs_narration    *ringside_session_object_get_narration (RingsideSessionObject *self);

G_END_DECLS
