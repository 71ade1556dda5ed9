/* Ringside — assembler directives: data, strings, alignment, space,
 * symbol assignment, and the accepted no-ops. */
#include "asm-internal.h"

#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

typedef enum rs_asm_dir_kind {
  RS_ASM_DIR_DATA,      /* expressions of `arg` bytes each */
  RS_ASM_DIR_ASCII,     /* strings; arg 1 = NUL-terminate each */
  RS_ASM_DIR_ALIGN,     /* arg 1 = the argument is a power of two */
  RS_ASM_DIR_SPACE,
  RS_ASM_DIR_GLOBL,     /* accepted, no effect */
  RS_ASM_DIR_NOOP,      /* accepted without arguments, no effect */
  RS_ASM_DIR_SET,
} rs_asm_dir_kind;

static const struct {
  const char *name;
  rs_asm_dir_kind kind;
  int arg;
} rs_asm_directives[] = {
  { ".byte", RS_ASM_DIR_DATA, 1 },    { ".word", RS_ASM_DIR_DATA, 2 },
  { ".short", RS_ASM_DIR_DATA, 2 },   { ".value", RS_ASM_DIR_DATA, 2 },
  { ".long", RS_ASM_DIR_DATA, 4 },    { ".int", RS_ASM_DIR_DATA, 4 },
  { ".ascii", RS_ASM_DIR_ASCII, 0 },  { ".asciz", RS_ASM_DIR_ASCII, 1 },
  { ".string", RS_ASM_DIR_ASCII, 1 },
  { ".align", RS_ASM_DIR_ALIGN, 0 },  { ".balign", RS_ASM_DIR_ALIGN, 0 },
  { ".p2align", RS_ASM_DIR_ALIGN, 1 },
  { ".space", RS_ASM_DIR_SPACE, 0 },  { ".skip", RS_ASM_DIR_SPACE, 0 },
  { ".globl", RS_ASM_DIR_GLOBL, 0 },  { ".global", RS_ASM_DIR_GLOBL, 0 },
  { ".code32", RS_ASM_DIR_NOOP, 0 },  { ".text", RS_ASM_DIR_NOOP, 0 },
  { ".set", RS_ASM_DIR_SET, 0 },      { ".equ", RS_ASM_DIR_SET, 0 },
};

static bool rs_asm_push_arg(rs_program *p, int node)
{
  int *v = rs_asm_grow(p->args, &p->capargs, p->nargs + 1, sizeof *v);
  if (!v)
    return false;
  p->args = v;
  p->args[p->nargs++] = node;
  return true;
}

/* Parses the comma-separated expressions t[1, n) into p->args; with
 * allow_empty an omitted argument is stored as -1. Returns the count, or
 * -1 after reporting an error. */
static int rs_asm_dir_args(rs_program *p, int block, int line, const rs_asm_tok *t, size_t n,
                           bool allow_empty, int max)
{
  int count = 0;
  size_t pos = 1;
  if (pos == n)
    return 0;
  for (;;) {
    int node = -1;
    if (count == max) {
      rs_asm_diag_add(p, block, line, t[pos].col, "too many arguments for '%.*s'", (int)t[0].len, t[0].text);
      return -1;
    }
    if (!(allow_empty && (pos == n || rs_asm_tok_is(&t[pos], ',')))) {
      int errcol;
      char err[160];
      node = rs_asm_expr_parse(p, t, n, &pos, block, &errcol, err, sizeof err);
      if (node < 0) {
        rs_asm_diag_add(p, block, line, errcol, "%s", err);
        return -1;
      }
    }
    if (!rs_asm_push_arg(p, node)) {
      rs_asm_diag_add(p, block, line, t[0].col, "out of memory");
      return -1;
    }
    count++;
    if (pos == n)
      return count;
    if (!rs_asm_tok_is(&t[pos], ',')) {
      rs_asm_diag_add(p, block, line, t[pos].col, "bad expression near '%.*s'",
                      (int)(t[pos].len > 40 ? 40 : t[pos].len), t[pos].text);
      return -1;
    }
    pos++;
    if (pos == n && !allow_empty) {
      rs_asm_diag_add(p, block, line, t[pos - 1].col, "missing expression after ','");
      return -1;
    }
  }
}

/* .ascii/.asciz: concatenated decoded strings. */
static void rs_asm_dir_ascii(rs_program *p, int block, int line, const rs_asm_tok *t, size_t n, bool nul)
{
  uint8_t *all = NULL;
  size_t len = 0;
  size_t pos = 1;
  if (n == 1) {
    rs_asm_diag_add(p, block, line, t[0].col, "missing string for '%.*s'", (int)t[0].len, t[0].text);
    return;
  }
  while (pos < n) {
    if (t[pos].kind != RS_ASM_TOK_STRING) {
      rs_asm_diag_add(p, block, line, t[pos].col, "expected a string");
      free(all);
      return;
    }
    uint8_t *s;
    size_t slen;
    int errcol;
    char err[160];
    if (!rs_asm_decode_string(&t[pos], &s, &slen, &errcol, err, sizeof err)) {
      rs_asm_diag_add(p, block, line, errcol, "%s", err);
      free(all);
      return;
    }
    uint8_t *grown = realloc(all, len + slen + 1);
    if (!grown) {
      free(s);
      free(all);
      rs_asm_diag_add(p, block, line, t[pos].col, "out of memory");
      return;
    }
    all = grown;
    memcpy(all + len, s, slen);
    len += slen;
    free(s);
    if (nul)
      all[len++] = 0;
    pos++;
    if (pos < n) {
      if (!rs_asm_tok_is(&t[pos], ',') || pos + 1 == n) {
        rs_asm_diag_add(p, block, line, t[pos].col, "expected ',' and another string");
        free(all);
        return;
      }
      pos++;
    }
  }
  int stmt = rs_asm_stmt_new(p, block, RS_ASM_ST_BYTES, line, t[0].col);
  if (stmt < 0) {
    free(all);
    return;
  }
  p->blocks[block].stmts[stmt].bytes = all;
  p->blocks[block].stmts[stmt].nbytes = len;
}

static void rs_asm_dir_globl(rs_program *p, int block, int line, const rs_asm_tok *t, size_t n)
{
  for (size_t pos = 1; pos < n; pos += 2) {
    if (t[pos].kind != RS_ASM_TOK_IDENT) {
      rs_asm_diag_add(p, block, line, t[pos].col, "expected a symbol name");
      return;
    }
    if (pos + 1 < n && (!rs_asm_tok_is(&t[pos + 1], ',') || pos + 2 == n)) {
      rs_asm_diag_add(p, block, line, t[pos + 1].col, "expected ',' and another symbol name");
      return;
    }
  }
  if (n == 1)
    rs_asm_diag_add(p, block, line, t[0].col, "expected a symbol name");
}

/* Parses the directive t[0] with its arguments t[1, n). */
void rs_asm_directive(rs_program *p, int block, int line, const rs_asm_tok *t, size_t n)
{
  size_t which = sizeof rs_asm_directives / sizeof rs_asm_directives[0];
  for (size_t i = 0; i < which; i++) {
    const char *name = rs_asm_directives[i].name;
    if (strlen(name) != t[0].len)
      continue;
    size_t k = 0;
    while (k < t[0].len && tolower((unsigned char)t[0].text[k]) == name[k])
      k++;
    if (k == t[0].len) {
      which = i;
      break;
    }
  }
  if (which == sizeof rs_asm_directives / sizeof rs_asm_directives[0]) {
    rs_asm_diag_add(p, block, line, t[0].col, "unknown directive '%.*s'",
                    (int)(t[0].len > 40 ? 40 : t[0].len), t[0].text);
    return;
  }
  int arg = rs_asm_directives[which].arg;
  size_t first = p->nargs;
  int count;
  int stmt;
  switch (rs_asm_directives[which].kind) {
  case RS_ASM_DIR_DATA:
    count = rs_asm_dir_args(p, block, line, t, n, false, 1 << 20);
    if (count == 0)
      rs_asm_diag_add(p, block, line, t[0].col, "missing value for '%.*s'", (int)t[0].len, t[0].text);
    if (count <= 0)
      break;
    stmt = rs_asm_stmt_new(p, block, RS_ASM_ST_DATA, line, t[0].col);
    if (stmt < 0)
      break;
    p->blocks[block].stmts[stmt].width = arg;
    p->blocks[block].stmts[stmt].dir = rs_asm_directives[which].name;
    p->blocks[block].stmts[stmt].first = (int)first;
    p->blocks[block].stmts[stmt].count = count;
    break;
  case RS_ASM_DIR_ASCII:
    rs_asm_dir_ascii(p, block, line, t, n, arg != 0);
    break;
  case RS_ASM_DIR_ALIGN:
  case RS_ASM_DIR_SPACE: {
    bool align = rs_asm_directives[which].kind == RS_ASM_DIR_ALIGN;
    count = rs_asm_dir_args(p, block, line, t, n, true, align ? 3 : 2);
    if (count < 0)
      break;
    if (count == 0 || p->args[first] < 0) {
      rs_asm_diag_add(p, block, line, t[0].col, "missing %s for '%.*s'", align ? "alignment" : "size",
                      (int)t[0].len, t[0].text);
      break;
    }
    while (count < 3 && rs_asm_push_arg(p, -1))
      count++;
    if (count < 3)
      break;
    stmt = rs_asm_stmt_new(p, block, align ? RS_ASM_ST_ALIGN : RS_ASM_ST_SPACE, line, t[0].col);
    if (stmt < 0)
      break;
    p->blocks[block].stmts[stmt].first = (int)first;
    p->blocks[block].stmts[stmt].count = 3;
    p->blocks[block].stmts[stmt].p2 = arg != 0;
    break;
  }
  case RS_ASM_DIR_GLOBL:
    rs_asm_dir_globl(p, block, line, t, n);
    break;
  case RS_ASM_DIR_NOOP:
    if (n > 1)
      rs_asm_diag_add(p, block, line, t[1].col, "'%.*s' takes no arguments", (int)t[0].len, t[0].text);
    break;
  case RS_ASM_DIR_SET:
    if (n < 3 || t[1].kind != RS_ASM_TOK_IDENT || !rs_asm_tok_is(&t[2], ',')) {
      rs_asm_diag_add(p, block, line, t[n > 1 ? 1 : 0].col, "expected 'name, value' after '%.*s'",
                      (int)t[0].len, t[0].text);
      break;
    }
    rs_asm_define_set(p, block, line, &t[1], t + 3, n - 3);
    break;
  }
}
