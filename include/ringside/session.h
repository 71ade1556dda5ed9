/* Ringside — a session: one loaded scenario, its machine, its history and
 * its timeline. The GUI wraps one in a GObject; the CLI and the renderer
 * tests use it directly. Nothing here depends on GLib. */
#ifndef RINGSIDE_SESSION_H
#define RINGSIDE_SESSION_H

#include "history.h"
#include "scenario.h"
#include "step.h"

#ifdef __cplusplus
extern "C" {
#endif

/* One step of the whole run, for the timeline (8 bytes). */
typedef struct rs_step_summary {
  uint32_t eip;         /* EIP at the start of the step */
  uint8_t  kind;        /* rs_step_kind */
  uint8_t  cpl_before;
  uint8_t  cpl_after;
  uint8_t  vector;      /* deliveries: the vector */
} rs_step_summary;

typedef struct rs_session rs_session;

/* Builds a session at step 0 from a loaded scenario, taking ownership of
 * it. Runs the scenario once on the fast path to learn its length and
 * fill the timeline. Returns NULL on allocation failure (the scenario is
 * freed). */
rs_session *rs_session_new(rs_scenario *s);

/* Loads a file and builds a session; on failure returns NULL with the
 * problems in `diags`. */
rs_session *rs_session_open(const char *path, rs_diags *diags);

void rs_session_free(rs_session *s);

const rs_scenario *rs_session_scenario(const rs_session *s);
/* The machine at the current step. */
const rs_machine *rs_session_machine(const rs_session *s);

/* The current step (0 = initial state) and the number of steps in the
 * whole run (the last valid position). */
uint64_t rs_session_position(const rs_session *s);
uint64_t rs_session_length(const rs_session *s);

/* The run, step by step: entry i describes step i (i < length). */
const rs_step_summary *rs_session_timeline(const rs_session *s, size_t *n);

/* Moves one step forward / back; false at either end. */
bool rs_session_forward(rs_session *s);
bool rs_session_back(rs_session *s);
/* Goes to step n (clamped to the length); returns the step reached. */
uint64_t rs_session_seek(rs_session *s, uint64_t n);

/* The record of the step that led to the current position; NULL at 0. */
const rs_step_record *rs_session_last(const rs_session *s);

#ifdef __cplusplus
}
#endif
#endif
