/* Ringside — scenario loader internals (sim/load/).
 *
 * The loader works in four stages, one file each:
 *   json-pos.c  a position index over the raw JSON text (json-c keeps none);
 *   parse.c     validation of the json-c tree into a plain-data model, every
 *               problem located through the index;
 *   build.c     assembling the code, evaluating expressions, building the
 *               initial machine;
 *   check.c     running the scenario and checking its expectations.
 * diag.c formats and sorts diagnostics, alloc.c holds the allocators and
 * scenario.c the public entry points and accessors.
 *
 * Locations: every model item that can be the subject of a later message
 * keeps the index `node` of its JSON value; line, column and JSON path are
 * computed from the node when a message is made.
 */
#ifndef RINGSIDE_LOAD_INTERNAL_H
#define RINGSIDE_LOAD_INTERNAL_H

#include <stdarg.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "ringside/scenario.h"

#if defined(__GNUC__)
#define RS_LD_PRINTF(f, a) __attribute__((format(printf, f, a)))
#else
#define RS_LD_PRINTF(f, a)
#endif

/* Largest scenario file the loader reads (json-c takes an int length). */
#define RS_LD_MAX_FILE (4u << 20)
/* Largest included assembly file. */
#define RS_LD_MAX_INCLUDE (4u << 20)
/* Most memory the regions of one scenario may map together. */
#define RS_LD_MAX_MAPPED (64u << 20)
/* Deepest JSON nesting accepted (json-c's default limit). */
#define RS_LD_MAX_DEPTH 32
/* Most memory regions and code blocks in one scenario. */
#define RS_LD_MAX_REGIONS 64
#define RS_LD_MAX_CODE 64
/* The step limit: default and largest. */
#define RS_LD_DEFAULT_STEPS 10000u
#define RS_LD_MAX_STEPS 100000000u

/* Page size, and the bytes rs_machine_install_tables() writes. */
#define RS_LD_PAGE 4096u
#define RS_LD_GDT_SIZE (6u * 8u)
#define RS_LD_IDT_SIZE (256u * 8u)
#define RS_LD_TSS_SIZE 104u
/* Default table layout inside the first "tables" region. */
#define RS_LD_TSS_OFFSET 0x100u
#define RS_LD_IDT_OFFSET 0x1000u
#define RS_LD_TABLES_MIN 0x2000u

/* ---- alloc.c: allocation that never returns NULL, and an arena ---------- */

/* malloc/realloc/strdup that abort on exhaustion: sizes are bounded by the
 * input size limits above, so running out is not an input error. */
void *rs_ld_xmalloc(size_t n);
void *rs_ld_xrealloc(void *p, size_t n);
char *rs_ld_xstrdup(const char *s);
/* Grows *items (of `elem`-byte elements, capacity *cap) to hold `need`. */
void rs_ld_reserve(void **items, size_t *cap, size_t need, size_t elem);

/* Bump allocator: everything a loaded scenario owns is freed at once. */
typedef struct rs_arena_chunk rs_arena_chunk;
typedef struct rs_arena {
  rs_arena_chunk *head;
} rs_arena;

void rs_arena_init(rs_arena *a);
void rs_arena_free(rs_arena *a);
/* `count` zeroed elements of `size` bytes (count may be 0). */
void *rs_arena_array(rs_arena *a, size_t count, size_t size);
/* A NUL-terminated copy of s[0..n). */
char *rs_arena_strndup(rs_arena *a, const char *s, size_t n);
char *rs_arena_printf(rs_arena *a, const char *fmt, ...) RS_LD_PRINTF(2, 3);

/* ---- json-pos.c: where every JSON value is in the text ----------------- */

typedef struct rs_jpos rs_jpos;

/* Scans `text` (which must stay alive with the index) and indexes every
 * value. Never fails: on a syntax error the index covers what came before
 * it and rs_jpos_error() reports it. A leading UTF-8 BOM is skipped. */
rs_jpos *rs_jpos_new(const char *text, size_t len);
void rs_jpos_free(rs_jpos *ix);

/* The first syntax error the scanner found (json-c's STRICT mode lets some
 * through): its message and byte offset. Returns false if there is none. */
bool rs_jpos_error(const rs_jpos *ix, size_t *offset, const char **msg);

/* Offset just after the BOM, if any: where the JSON text starts. */
size_t rs_jpos_text_start(const rs_jpos *ix);

/* Node navigation. Nodes are ints; -1 means "none" and every function
 * accepts it. The root is node 0 (when the text holds a value). */
int rs_jpos_root(const rs_jpos *ix);
/* The last member named key[0..len) of an object (the one json-c keeps). */
int rs_jpos_member(const rs_jpos *ix, int obj, const char *key, size_t len);
/* Element or member i of a container, in file order. */
int rs_jpos_child(const rs_jpos *ix, int node, size_t i);

/* Byte offsets: of the value's first byte, and of its member key's opening
 * quote (the value's start if it is no member). */
size_t rs_jpos_start(const rs_jpos *ix, int node);
size_t rs_jpos_key_start(const rs_jpos *ix, int node);

/* Offset of the raw text that decodes to byte `index` of a string value;
 * the closing quote for index >= the decoded length. Escapes are followed
 * exactly: "\u00e9" is two decoded bytes that both map to its backslash. */
size_t rs_jpos_string_offset(const rs_jpos *ix, int node, size_t index);

/* 1-based line and byte column of an offset. */
void rs_jpos_line_col(const rs_jpos *ix, size_t offset, int *line, int *col);

/* Duplicate keys: pair i is (first occurrence, later occurrence). */
size_t rs_jpos_dup_count(const rs_jpos *ix);
void rs_jpos_dup(const rs_jpos *ix, size_t i, int *first, int *again);

/* A growable string, for JSON paths and messages. */
typedef struct rs_buf {
  char  *s;
  size_t len;
  size_t cap;
} rs_buf;
void rs_buf_init(rs_buf *b);
void rs_buf_free(rs_buf *b);
void rs_buf_add(rs_buf *b, const char *s, size_t n);
void rs_buf_printf(rs_buf *b, const char *fmt, ...) RS_LD_PRINTF(2, 3);
/* Appends s[0..n) as a C-style quoted string ("a\tb\x01"), at most `max`
 * bytes of it, followed by "..." when cut. */
void rs_buf_quote(rs_buf *b, const char *s, size_t n, size_t max);

/* The JSON path of a node, "(root)" for the root: `.key` for members whose
 * key is a plain name, `["key"]` otherwise, `[i]` for elements. */
void rs_jpos_path(const rs_jpos *ix, int node, rs_buf *out);

/* How a value reads in "got ..." messages: its text (a string quoted,
 * shortened if long) or "an object" / "an array". */
void rs_jpos_describe(const rs_jpos *ix, int node, rs_buf *out);

/* ---- diag.c: diagnostics ----------------------------------------------- */

/* Appends a diagnostic (path may be NULL or ""). */
void rs_diags_add(rs_diags *d, const char *file, int line, int col,
                  const char *path, const char *fmt, ...) RS_LD_PRINTF(6, 7);
/* Sorts d->items[from..] by position, problems in `main_file` first, then
 * other files by name; equal positions keep their order. */
void rs_diags_sort(rs_diags *d, size_t from, const char *main_file);

/* Where located problems go: the scenario's name, its index, the list. */
typedef struct rs_ld_out {
  const char *file;
  const rs_jpos *pos;
  rs_diags *diags;
} rs_ld_out;

/* A problem at byte `offset` of the scenario, under node's JSON path. */
void rs_ld_verror(const rs_ld_out *o, int node, size_t offset, const char *fmt, va_list ap);
/* A problem with a value, located at its first byte. */
void rs_ld_error(const rs_ld_out *o, int node, const char *fmt, ...) RS_LD_PRINTF(3, 4);
/* A problem with a member's key, located at the key. */
void rs_ld_error_key(const rs_ld_out *o, int node, const char *fmt, ...) RS_LD_PRINTF(3, 4);
/* A problem inside a string value, at decoded byte `index` of it. */
void rs_ld_error_in(const rs_ld_out *o, int node, size_t index,
                    const char *fmt, ...) RS_LD_PRINTF(4, 5);

/* The name in `names` (NULL-terminated) closest to word[0..len), if within
 * edit distance 2 and at most half the longer word's length; else NULL. */
const char *rs_ld_suggest(const char *word, size_t len, const char *const *names);

/* ---- the model: a validated scenario as plain data --------------------- */

/* A value given as an integer or as an assembler expression. */
typedef struct rs_ld_expr {
  const char *text;   /* the expression; NULL for an integer literal */
  uint32_t value;     /* the literal, or the value once evaluated */
  int      node;      /* the JSON value */
  bool     ok;        /* value is known */
} rs_ld_expr;

/* A stack or memory word to compare: a value or "*" (anything). */
typedef struct rs_ld_word {
  rs_ld_expr v;
  bool       any;
} rs_ld_word;

typedef struct rs_ld_region {
  rs_region r;        /* first: the public accessors hand out &r */
  int node, base_node, size_node, user_node;
} rs_ld_region;

typedef struct rs_ld_symbol {
  const char *name;
  uint32_t    value;
  int         node;
} rs_ld_symbol;

typedef struct rs_ld_code {
  const char *name;   /* block name in listings and messages */
  uint32_t    at;
  int         node, at_node;
  int         asm_node;   /* the "asm" array, or -1 */
  const char *text;       /* "asm" lines joined with '\n' */
  const char *file;       /* "file" as written, or NULL */
  int         file_node;
  int         block;      /* program block, -1 if not assembled */
} rs_ld_code;

typedef struct rs_ld_gate {
  unsigned     vector;
  rs_gate_type type;
  unsigned     dpl;
  bool         present;
  rs_ld_expr   handler;
  int          vector_node;
} rs_ld_gate;

typedef struct rs_ld_event {
  bool       by_step;
  uint64_t   step;
  rs_ld_expr at;
  unsigned   irq;
  unsigned   count;
  int        node;
} rs_ld_event;

typedef struct rs_ld_note {
  const char *label;
  const char *text;
  int         node;      /* the text; its key locates label errors */
  uint32_t    addr;      /* the label's address, once assembled */
} rs_ld_note;

typedef struct rs_ld_stop {
  rs_stop    s;          /* first: the public accessor hands out &s */
  rs_ld_expr at;
  int        node;
} rs_ld_stop;

/* What an expectation compares a register with. */
typedef struct rs_ld_reg_check {
  unsigned   reg;        /* index into rs_ld_expect_regs */
  rs_ld_expr value;
} rs_ld_reg_check;

typedef enum rs_ld_mem_kind { RS_LD_MEM_HEX, RS_LD_MEM_STRING, RS_LD_MEM_WORDS } rs_ld_mem_kind;

typedef struct rs_ld_mem_check {
  rs_ld_expr     addr;
  rs_ld_mem_kind kind;
  const uint8_t *bytes;      /* HEX, STRING */
  const uint32_t *pos;       /* HEX: index in the string of each byte */
  size_t         len;
  int            node;       /* the "hex" or "string" value */
  rs_ld_word    *words;      /* WORDS */
  size_t         nwords;
} rs_ld_mem_check;

typedef enum rs_ld_trigger { RS_LD_AT, RS_LD_STEP, RS_LD_END } rs_ld_trigger;

typedef struct rs_ld_expect {
  int           node;
  rs_ld_trigger trigger;
  int           trigger_node;
  rs_ld_expr    at;
  uint64_t      hit;
  uint64_t      step;

  rs_ld_reg_check *regs;
  size_t        nregs;

  bool          has_cpl;
  unsigned      cpl;
  int           cpl_node;

  bool          has_stack;
  int           stack_node;
  size_t        stack_region;
  rs_ld_word   *words;
  size_t        nwords;
  bool          partial;

  rs_ld_mem_check *mem;
  size_t        nmem;

  bool          has_console;
  const char   *console;
  size_t        console_len;
  int           console_node;
} rs_ld_expect;

/* Registers an expectation may name, and where they live in rs_cpu. */
typedef struct rs_ld_reg_name {
  const char *name;
  size_t      offset;    /* in rs_cpu */
  unsigned    size;      /* 2 (selectors) or 4 */
} rs_ld_reg_name;
extern const rs_ld_reg_name rs_ld_expect_regs[];
extern const size_t rs_ld_expect_nregs;

typedef struct rs_ld_model {
  const char  *title, *summary, *source;
  const char **teaches;
  size_t       nteaches;

  rs_ld_symbol *symbols;
  size_t        nsymbols;

  rs_ld_region *regions;
  size_t        nregions;
  int           memory_node;
  bool          regions_complete;   /* every "memory" item was valid */

  uint32_t      gdt, idt, tss;   /* where the tables go */

  rs_ld_code   *code;
  size_t        ncode;
  int           code_node;
  bool          code_complete;   /* every "code" item was valid */

  unsigned      cpl;
  rs_ld_expr    eip;
  rs_ld_expr    gpr[RS_NREG];    /* indexed by rs_reg */
  uint32_t      eflags;

  rs_ld_gate   *gates;
  size_t        ngates;

  rs_ld_expr    esp0;

  bool          has_timer;
  unsigned      timer_irq;
  uint64_t      timer_period, timer_first;

  rs_ld_event  *events;
  size_t        nevents;

  bool          has_end_at;
  rs_ld_expr    end_at;
  uint64_t      max_steps;

  rs_ld_note   *notes;
  size_t        nnotes;

  rs_ld_stop   *stops;
  size_t        nstops;

  rs_ld_expect *expects;
  size_t        nexpects;

  /* Every expression string in the file, evaluated after assembly. */
  rs_ld_expr  **exprs;          /* malloc'd; the rest is in the arena */
  size_t        nexprs, cap_exprs;
} rs_ld_model;

/* ---- the scenario (scenario.c) ----------------------------------------- */

struct rs_scenario {
  char        *file;     /* name in messages */
  char        *dir;      /* folder for includes, or NULL */
  char        *text;     /* the JSON text, NUL-terminated */
  size_t       len;
  rs_jpos     *pos;
  rs_arena     arena;    /* the model's strings and arrays */
  rs_ld_model  model;
  rs_program  *program;
  rs_machine  *initial;
};

/* ---- parse.c ----------------------------------------------------------- */

/* Parses and validates s->text into s->model, reporting every problem.
 * Returns false if the text is not JSON (nothing else can be checked). */
bool rs_ld_parse(rs_scenario *s, rs_diags *diags);

/* ---- build.c ----------------------------------------------------------- */

/* Assembles the code, evaluates every expression, checks what needs
 * addresses, and builds s->initial if diags has nothing past `first`. */
void rs_ld_build(rs_scenario *s, rs_diags *diags, size_t first);

#endif
