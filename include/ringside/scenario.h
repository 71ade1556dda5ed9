/* Ringside — scenario files: loading, validation, building the machine, and
 * checking a scenario's expectations (DESIGN §4; format documented in
 * scenarios/README.md, schema in scenarios/scenario.schema.json).
 *
 * Every problem is reported as "FILE:LINE:COL: JSON.path: what was
 * expected", all of them at once, sorted by position; a broken file never
 * crashes the loader.
 */
#ifndef RINGSIDE_SCENARIO_H
#define RINGSIDE_SCENARIO_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>

#include "asm.h"
#include "machine.h"

#ifdef __cplusplus
extern "C" {
#endif

/* The format string this version reads. */
#define RS_SCENARIO_FORMAT "ringside/1"

/* One located problem. `path` is a JSON path ("code[1].asm[7]", "(root)");
 * for a problem inside an included assembly file, `file`, `line` and `col`
 * are in that file and `path` is the "file" property ("code[2].file");
 * `path` is empty for syntax errors. Columns count bytes, also inside JSON
 * strings, through escapes: the column of the character itself. */
typedef struct rs_diag {
  char *file;
  int   line;      /* 1-based; 0 when the problem is the whole file */
  int   col;       /* 1-based, in bytes; 0 with line 0 */
  char *path;
  char *msg;
} rs_diag;

/* A growable list of problems. */
typedef struct rs_diags {
  rs_diag *items;
  size_t   count;
  size_t   cap;
} rs_diags;

void rs_diags_init(rs_diags *d);
void rs_diags_free(rs_diags *d);
/* Formats a diagnostic as "FILE:LINE:COL: PATH: MSG" (PATH omitted when
 * empty, LINE:COL when line is 0) into a new malloc'd string. */
char *rs_diag_format(const rs_diag *d);
/* Writes every diagnostic of `d` to `out`, one formatted line each. */
void rs_diags_print(const rs_diags *d, FILE *out);

/* What a memory region holds; stacks are drawn by the stack views. */
typedef enum rs_region_kind {
  RS_REGION_CODE, RS_REGION_DATA, RS_REGION_STACK, RS_REGION_TABLES
} rs_region_kind;

typedef struct rs_region {
  char    *name;      /* "user stack", "kernel stack", ... */
  uint32_t base;      /* linear, page aligned */
  uint32_t size;      /* bytes, page multiple */
  bool     user;
  bool     writable;
  rs_region_kind kind;
} rs_region;

/* A named bookmark for lectures. */
typedef struct rs_stop {
  char    *title;
  char    *note;      /* may be NULL */
  char    *label;     /* stop when execution reaches this expression as
                         written ("syscall_entry", "open+7"; "0x%08x" for
                         an integer) ...; NULL for a stop by step */
  uint32_t addr;      /* ... at this address (resolved) */
  int64_t  step;      /* ... or at this step (-1 if by label) */
} rs_stop;

typedef struct rs_scenario rs_scenario;

/* Loads and validates a scenario file, assembles its code and builds the
 * initial machine. Returns NULL and fills `diags` on any problem (the list
 * is also used for warnings on success). Included assembly files are
 * resolved relative to the scenario's folder and may not leave it. */
rs_scenario *rs_scenario_load_file(const char *path, rs_diags *diags);

/* Same, from text in memory. `file` names it in messages ("(scenario)" if
 * NULL); `dir` is where includes are resolved (NULL: includes are an
 * error). Included files are named "DIR/PATH" in messages ("PATH" when DIR
 * is "."). */
rs_scenario *rs_scenario_load_text(const char *text, size_t len, const char *file,
                                   const char *dir, rs_diags *diags);
void rs_scenario_free(rs_scenario *s);

/* Metadata. */
const char *rs_scenario_file(const rs_scenario *s);
const char *rs_scenario_title(const rs_scenario *s);
const char *rs_scenario_summary(const rs_scenario *s);
const char *rs_scenario_source(const rs_scenario *s);     /* "OSPP 2e §2.5, Fig. 2.10-2.12" */
size_t rs_scenario_teaches_count(const rs_scenario *s);
const char *rs_scenario_teaches(const rs_scenario *s, size_t i);

/* The assembled program (listing and symbols). */
const rs_program *rs_scenario_program(const rs_scenario *s);

/* Memory regions, in file order. */
size_t rs_scenario_region_count(const rs_scenario *s);
const rs_region *rs_scenario_region(const rs_scenario *s, size_t i);
/* The region containing linear address `addr`, or NULL. */
const rs_region *rs_scenario_region_at(const rs_scenario *s, uint32_t addr);

/* A new machine in the scenario's initial state; the caller frees it. */
rs_machine *rs_scenario_new_machine(const rs_scenario *s);

/* Narration the author attached to a label (NULL if none). */
const char *rs_scenario_note_for_label(const rs_scenario *s, const char *label);
/* Narration attached to the instruction at `addr` via its label. */
const char *rs_scenario_note_at(const rs_scenario *s, uint32_t addr);

size_t rs_scenario_stop_count(const rs_scenario *s);
const rs_stop *rs_scenario_stop(const rs_scenario *s, size_t i);

/* When the scenario ends: the step limit (always set; default 10000) and,
 * optionally, an address whose arrival ends it. */
uint64_t rs_scenario_max_steps(const rs_scenario *s);
bool rs_scenario_end_addr(const rs_scenario *s, uint32_t *addr);

/* True when a machine of this scenario has reached its end: the step
 * limit, a stopped machine, or EIP at the end address. */
bool rs_scenario_finished(const rs_scenario *s, const rs_machine *m);

/* Number of expectations ("expect" items) in the file. */
size_t rs_scenario_expect_count(const rs_scenario *s);

/* Runs the scenario from its initial state and checks every expectation,
 * each on a fresh machine and never past the scenario's end. Each failure
 * is appended to `diags` (sorted by position) located at the expected value
 * in the file, e.g. "expect[0].stack.words[3]: expected 0x0000001b, found
 * 0x00000008" or "expect[2].at: execution never reached 'handler_body'
 * (hit 1) within 10000 steps". Returns the number of failures. */
int rs_scenario_check(const rs_scenario *s, rs_diags *diags);

#ifdef __cplusplus
}
#endif
#endif
