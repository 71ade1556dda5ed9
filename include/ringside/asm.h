/* Ringside — the assembler: GNU/AT&T syntax, IA-32, byte-identical to
 * GNU `as --32` for every instruction it accepts.
 *
 * A program is a set of source blocks, each placed at its own origin, that
 * share one symbol table (user code, kernel code, data). Assembling reports
 * every error with its block, line and column, not just the first.
 *
 * Encoding choices follow GNU as, which the tests check byte for byte:
 * - a label's value is relocatable, so `$label` immediates and `label(%reg)`
 *   displacements always take the 32-bit form;
 * - an absolute symbol (from `.equ`/`.set` or rs_program_define) is a plain
 *   number: `$SYS_open` with a value in -128..127 takes the imm8 form;
 * - jmp/jcc to a label of the same block is relaxed to the short (rel8) form
 *   when it reaches; to any other block it is always the rel32 form (the
 *   block is a separate section for as, so the target is not known);
 * - `call` is always rel32.
 */
#ifndef RINGSIDE_ASM_H
#define RINGSIDE_ASM_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#ifdef __cplusplus
extern "C" {
#endif

typedef struct rs_program rs_program;

/* One problem found while assembling. Lines and columns are 1-based; the
 * column counts bytes of the source line. */
typedef struct rs_asm_diag {
  int  block;
  int  line;
  int  col;
  char msg[200];
} rs_asm_diag;

/* One source line after assembly. */
typedef struct rs_asm_line {
  uint32_t addr;       /* location counter at the start of the line */
  uint32_t size;       /* bytes emitted (0 for blank, comment, label-only) */
  bool     is_insn;    /* emitted an instruction (not a data directive) */
  const char *text;    /* the source line, without its newline */
} rs_asm_line;

/* A symbol: a label (an address in a block) or an absolute constant. */
typedef struct rs_asm_symbol {
  const char *name;
  uint32_t value;
  int  block;          /* -1 for absolute symbols */
  int  line;           /* defining line (1-based), 0 if predefined */
} rs_asm_symbol;

rs_program *rs_program_new(void);
void rs_program_free(rs_program *p);

/* Predefines an absolute symbol (like `.set name, value`) before assembly.
 * Returns false if the name is not a valid symbol or already defined. */
bool rs_program_define(rs_program *p, const char *name, uint32_t value);

/* Adds a block of source text (lines separated by '\n') to be placed at
 * linear address `origin`. `name` is used in messages. Returns the block
 * index (0, 1, ...). The text is copied. */
int rs_program_add_block(rs_program *p, const char *name, uint32_t origin,
                         const char *text);

/* Assembles every block. Returns the number of diagnostics (0 = success). */
int rs_program_assemble(rs_program *p);

size_t rs_program_diag_count(const rs_program *p);
const rs_asm_diag *rs_program_diag(const rs_program *p, size_t i);

/* Output, per block. */
size_t rs_program_block_count(const rs_program *p);
const char *rs_program_block_name(const rs_program *p, int block);
uint32_t rs_program_block_origin(const rs_program *p, int block);
const uint8_t *rs_program_block_bytes(const rs_program *p, int block, size_t *len);
size_t rs_program_line_count(const rs_program *p, int block);
const rs_asm_line *rs_program_line(const rs_program *p, int block, size_t line_index);

/* Symbols, in definition order. */
size_t rs_program_symbol_count(const rs_program *p);
const rs_asm_symbol *rs_program_symbol(const rs_program *p, size_t i);
bool rs_program_lookup(const rs_program *p, const char *name, uint32_t *value);

/* The label at or nearest below `addr` within the block that contains
 * `addr`; *offset gets addr - label. NULL if no block contains addr. */
const char *rs_program_label_for(const rs_program *p, uint32_t addr, uint32_t *offset);

/* The block and line whose bytes include `addr` (an instruction start or
 * inside data). Returns false if no line emitted that byte. */
bool rs_program_line_at(const rs_program *p, uint32_t addr, int *block, size_t *line_index);

/* Evaluates an assembler expression ("main", "open+7", "0xc0108000",
 * "kstack_top - 4", "SYS_open") against the assembled symbol table. On
 * failure writes a message like "unknown symbol 'mian'" into err. */
bool rs_program_eval(const rs_program *p, const char *expr, uint32_t *value,
                     char *err, size_t errlen);

#ifdef __cplusplus
}
#endif
#endif
