/* Ringside — narration: what the hardware or the kernel just did, and why,
 * in one or two plain sentences per step (DESIGN §3 "Narration").
 *
 * Instruction steps use the scenario author's note for the label of the
 * instruction (scenario "notes") when there is one, and otherwise a
 * sentence generated from the instruction and its effects. Deliveries,
 * IRET and other mode transfers are always explained from their effects:
 * which gate, which check, which stack, which words were pushed. */
#ifndef RINGSIDE_NARRATE_H
#define RINGSIDE_NARRATE_H

#include "scenario.h"
#include "step.h"

#ifdef __cplusplus
extern "C" {
#endif

typedef struct rs_narration {
  /* A short title: "int $0x40 · software interrupt · ring 3 → ring 0".
   * Markup-safe text: &amp; &lt; &gt; escaped, no tags. */
  char *headline;
  /* One or two sentences. Markup: only <b>...</b> for key phrases and
   * <i>...</i> for the source line's own comment, with &amp; &lt; &gt;
   * escaped — valid Pango markup. */
  char *body;
  /* What to read: "OSPP §2.5, Fig. 2.11" — the scenario's source. */
  const char *source;
} rs_narration;

/* Narrates step `r` of scenario `s`; `after` is the machine right after
 * the step. Returns false only on allocation failure. Free with
 * rs_narration_clear(). */
bool rs_narrate(const rs_scenario *s, const rs_step_record *r, const rs_machine *after,
                rs_narration *out);

/* Narration of the initial state (step 0): the scenario's summary. */
bool rs_narrate_start(const rs_scenario *s, rs_narration *out);

void rs_narration_clear(rs_narration *n);

/* Copies `markup` without its <b> and <i> tags and with entities decoded, for
 * plain-text output (CLI, accessibility). Returns a malloc'd string. */
char *rs_markup_to_plain(const char *markup);

#ifdef __cplusplus
}
#endif
#endif
