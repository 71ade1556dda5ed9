/* Ringside — history: step forward with recording, step back exactly, and
 * jump to any step (DESIGN §3 "Undo" and "Random access").
 *
 * Step back applies the inverse of the last step's effects. Going to step
 * N restores the nearest checkpoint at or before N (a full snapshot taken
 * every `interval` steps) and replays the rest on the fast path, recording
 * only the step that leads to N so the views can show it. The machine is
 * deterministic, so replay reproduces the same states byte for byte. */
#ifndef RINGSIDE_HISTORY_H
#define RINGSIDE_HISTORY_H

#include "machine.h"
#include "step.h"

#ifdef __cplusplus
extern "C" {
#endif

typedef struct rs_history rs_history;

/* Creates a history over `m`, which must be at step 0 and stays owned by
 * the caller (the history changes it). `interval` is the checkpoint
 * spacing in steps (0 = default 4096). Returns NULL on allocation failure. */
rs_history *rs_history_new(rs_machine *m, uint32_t interval);
void rs_history_free(rs_history *h);

/* Limits forward motion: steps at or beyond `max_steps` are not taken, and
 * (when `end_eip` is not UINT32_MAX) neither is any step once execution is
 * about to run the instruction at `end_eip`. */
void rs_history_set_end(rs_history *h, uint64_t max_steps, uint32_t end_eip);

/* True when no further step can be taken (the machine stopped or the end
 * set above was reached). */
bool rs_history_at_end(const rs_history *h);

/* The current step number (0 = initial state). */
uint64_t rs_history_position(const rs_history *h);

/* Takes one step with recording. Returns false at the end. */
bool rs_history_forward(rs_history *h);

/* Undoes one step. Returns false at step 0. */
bool rs_history_back(rs_history *h);

/* Goes to step `n` (clamped to the end). Returns the step reached. */
uint64_t rs_history_seek(rs_history *h, uint64_t n);

/* The record of the step that led to the current position (step
 * position-1), or NULL at step 0. */
const rs_step_record *rs_history_last(const rs_history *h);

/* Bytes held by checkpoints and records (for the benches). */
size_t rs_history_memory(const rs_history *h);

#ifdef __cplusplus
}
#endif
#endif
