/* Ringside — trace output: step records as text or JSON lines.
 *
 * The JSONL trace is a contract other tools read (the golden files in
 * tests/, external comparisons): one object per step, all numbers JSON
 * integers, keys in a fixed order:
 *   {"step":N,"kind":"instruction","eip":..,"cpl":..,"text":"int $0x40",
 *    "vector":null|V,"error_code":null|E,"effects":[...],"regs":{...}}
 * `eip` and `cpl` are as at the start of the step, `regs` after it;
 * `vector`/`error_code` are set on delivery steps. Effect objects by kind:
 *   reg      {"kind","name","old","new","why"}
 *   mem      {"kind","addr","phys","size","old","new","why"}   (addr null for page-walker writes)
 *   dev      {"kind","name","old","new","why"}
 *   read     {"kind","addr","size","value","why"}
 *   idt-read {"kind","vector","addr","low","high","why"}
 *   gdt-read {"kind","selector","addr","low","high","why"}
 *   tss-read {"kind","offset","addr","value","why"}
 *   check    {"kind","passed","a","b","why"}
 *   raise    {"kind","event","vector","error_code","return_eip","why"}
 *   console  {"kind","port","byte","why"}
 */
#ifndef RINGSIDE_TRACE_H
#define RINGSIDE_TRACE_H

#include <stdio.h>

#include "disasm.h"
#include "machine.h"
#include "step.h"

#ifdef __cplusplus
extern "C" {
#endif

typedef enum rs_trace_format { RS_TRACE_TEXT, RS_TRACE_JSONL } rs_trace_format;

/* One line describing the step: the instruction's disassembly, or for a
 * delivery "deliver vector 64 (software interrupt)". */
void rs_step_text(const rs_step_record *r, char *buf, size_t len, rs_symbol_fn sym, void *ud);

/* Writes one step. `after` is the machine right after the step (for the
 * registers). Text output names effects in words and labels addresses
 * through `sym` (may be NULL); JSONL never uses labels. */
void rs_trace_write_step(FILE *out, rs_trace_format fmt, const rs_step_record *r,
                         const rs_machine *after, rs_symbol_fn sym, void *ud);

/* A memory range for rs_trace_write_state. */
typedef struct rs_mem_range {
  uint32_t addr;
  uint32_t len;
} rs_mem_range;

/* Writes {"step":N,"regs":{...},"mem":[{"addr":A,"hex":".."}...]} and a
 * newline. Unmapped bytes are written as "??". */
void rs_trace_write_state(FILE *out, const rs_machine *m, const rs_mem_range *ranges, size_t n);

#ifdef __cplusplus
}
#endif
#endif
