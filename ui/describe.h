/* Ringside views: words for machine values, shared by the models — what
 * an address points to, the source text of an instruction, the name of a
 * vector, a one-line description of a step. Pure functions of the
 * scenario and the machine. */
#ifndef RINGSIDE_UI_DESCRIBE_H
#define RINGSIDE_UI_DESCRIBE_H

#include <stddef.h>
#include <stdint.h>

#include <ringside/scenario.h>
#include <ringside/session.h>

#include "theme.h"

/* The hue of a value by what it points to: user or kernel memory, or
 * RS_HUE_NONE for plain data. */
rs_hue rs_describe_addr_hue(const rs_scenario *s, uint32_t value);

/* The hue of a segment selector by its RPL (0 for the null selector). */
rs_hue rs_describe_selector_hue(uint16_t sel);

/* One assembly source line split into its parts. */
typedef struct rs_source_parts {
  char label[48];       /* the last label defined on the line, "" if none */
  char insn[80];        /* "int   $0x40": mnemonic padded, operands compacted */
  char plain[80];       /* "int $0x40": the same with single spaces */
  char comment[96];     /* the comment without '#', trimmed */
} rs_source_parts;

/* Splits a source line. Returns false if the line holds no instruction
 * or directive (blank, comment or label only). */
bool rs_describe_split_source(const char *line, rs_source_parts *out);

/* The source text of the instruction at addr: "call  open" with the
 * mnemonic padded to a column when `padded`, else "call open". False if
 * no listing line starts there. */
bool rs_describe_insn(const rs_program *p, uint32_t addr, bool padded, char *buf, size_t len);

/* The label at addr, with "+off" when addr is inside it ("open+7"). */
void rs_describe_label(const rs_program *p, uint32_t addr, char *buf, size_t len);

/* A short name for a vector: "#PF" for exceptions, "timer" or "IRQ 3"
 * for the interrupt controller's lines, "syscall" for a gate user code
 * may call, "" otherwise. */
void rs_describe_vector(const rs_machine *m, unsigned vector, char *buf, size_t len);

/* One line for step i of the session's timeline (0-based): the
 * instruction's source ("int   $0x40" compacted to "int $0x40"), or for a
 * delivery the vector's name ("timer", "#GP"). */
void rs_describe_step(const rs_session *s, size_t i, char *buf, size_t len);

#endif
