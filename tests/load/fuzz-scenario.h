/* Ringside — the scenario loader's fuzz target (see fuzz-scenario.c). */
#ifndef RINGSIDE_FUZZ_SCENARIO_H
#define RINGSIDE_FUZZ_SCENARIO_H

#include <stddef.h>
#include <stdint.h>

/* libFuzzer's entry point: never crashes, leaks or hangs on any input. */
int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

#endif
