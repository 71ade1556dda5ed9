/* Ringside — fuzz target for the scenario loader (libFuzzer interface).
 *
 * Loads arbitrary bytes as a scenario, formats every diagnostic and, if the
 * scenario loads, exercises its accessors, a short run and (when cheap) its
 * expectations. Used by fuzz-replay (a corpus replayed in the test suite),
 * by the random-mutation test in test-load, and by libFuzzer itself:
 *   clang -g -fsanitize=fuzzer,address,undefined -Iinclude \
 *     tests/load/fuzz-scenario.c build/sim/libringside.a -ljson-c
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "fuzz-scenario.h"
#include "ringside/scenario.h"
#include "ringside/step.h"

/* Expectations run each from the start: skip them when they would take
 * more steps than a fuzzer can afford per input. */
#define FUZZ_STEP_BUDGET 200000u

/* Touches every accessor of a loaded scenario. */
static void fuzz_use(rs_scenario *s)
{
  size_t n = 0;
  n += strlen(rs_scenario_title(s)) + strlen(rs_scenario_summary(s)) +
       strlen(rs_scenario_source(s)) + strlen(rs_scenario_file(s));
  for (size_t i = 0; i < rs_scenario_teaches_count(s); i++)
    n += strlen(rs_scenario_teaches(s, i));
  for (size_t i = 0; i < rs_scenario_region_count(s); i++) {
    const rs_region *r = rs_scenario_region(s, i);
    n += strlen(r->name) + (rs_scenario_region_at(s, r->base) == r);
  }
  for (size_t i = 0; i < rs_scenario_stop_count(s); i++) {
    const rs_stop *st = rs_scenario_stop(s, i);
    n += strlen(st->title) + (st->note ? strlen(st->note) : 0) + (st->label ? strlen(st->label) : 0);
    n += rs_scenario_note_at(s, st->addr) != NULL;
  }
  uint32_t end;
  n += rs_scenario_end_addr(s, &end);
  n += rs_program_block_count(rs_scenario_program(s));
  rs_machine *m = rs_scenario_new_machine(s);
  if (m) {
    rs_machine_run(m, 200, UINT32_MAX);
    n += rs_scenario_finished(s, m);
    n += rs_scenario_note_at(s, rs_machine_cpu_const(m)->eip) != NULL;
    rs_machine_free(m);
  }
  if (rs_scenario_max_steps(s) * (rs_scenario_expect_count(s) + 1) <= FUZZ_STEP_BUDGET) {
    rs_diags d;
    rs_diags_init(&d);
    rs_scenario_check(s, &d);
    for (size_t i = 0; i < d.count; i++)
      free(rs_diag_format(&d.items[i]));
    rs_diags_free(&d);
  }
  (void)n;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
  rs_diags d;
  rs_diags_init(&d);
  rs_scenario *s = rs_scenario_load_text((const char *)data, size, "fuzz.json", NULL, &d);
  for (size_t i = 0; i < d.count; i++) {
    char *text = rs_diag_format(&d.items[i]);
    if (!text || d.items[i].line < 0 || d.items[i].col < 0)
      abort();
    free(text);
  }
  if (s ? d.count != 0 : d.count == 0)
    abort();                          /* loaded iff no problems */
  if (s)
    fuzz_use(s);
  rs_scenario_free(s);
  rs_diags_free(&d);
  return 0;
}
