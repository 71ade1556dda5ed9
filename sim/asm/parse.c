/* Ringside — assembler parser: lines into statements (labels, `name =
 * expr`, directives, instructions), numeric local labels bound to their
 * definitions. */
#include "asm-internal.h"

#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* Parse state of one block. */
typedef struct rs_asm_parser {
  rs_program *p;
  int block;
  int line;
  rs_asm_toks toks;
  int *pending;         /* LOCAL nodes of forward references not yet bound */
  size_t npending, cappending;
} rs_asm_parser;

/* Appends a statement to a block; returns its index or -1. */
int rs_asm_stmt_new(rs_program *p, int block, rs_asm_stmt_kind kind, int line, int col)
{
  rs_asm_block *b = &p->blocks[block];
  rs_asm_stmt *v = rs_asm_grow(b->stmts, &b->capstmts, b->nstmts + 1, sizeof *v);
  if (!v) {
    rs_asm_diag_add(p, block, line, col, "out of memory");
    return -1;
  }
  b->stmts = v;
  rs_asm_stmt *st = &b->stmts[b->nstmts];
  memset(st, 0, sizeof *st);
  st->kind = kind;
  st->line = line;
  st->col = col;
  st->seq = ++p->seq;
  st->sym = st->expr = -1;
  return (int)b->nstmts++;
}

/* Defines a named symbol at a new statement; reports a duplicate. */
static int rs_asm_define(rs_program *p, int block, int line, const rs_asm_tok *name, rs_asm_stmt_kind kind)
{
  int old = rs_asm_sym_find(p, name->text, name->len);
  if (old >= 0) {
    const rs_asm_sym *s = &p->syms[old];
    if (s->kind == RS_ASM_SYM_PREDEF)
      rs_asm_diag_add(p, block, line, name->col, "duplicate label '%s' (predefined)", s->pub.name);
    else if (s->def_block == block)
      rs_asm_diag_add(p, block, line, name->col, "duplicate label '%s' (first defined at line %d)",
                      s->pub.name, s->pub.line);
    else
      rs_asm_diag_add(p, block, line, name->col, "duplicate label '%s' (first defined at line %d of %s)",
                      s->pub.name, s->pub.line, p->blocks[s->def_block].name);
    return -1;
  }
  int stmt = rs_asm_stmt_new(p, block, kind, line, name->col);
  if (stmt < 0)
    return -1;
  int sym = rs_asm_sym_add(p, name->text, name->len, kind == RS_ASM_ST_LABEL ? RS_ASM_SYM_LABEL : RS_ASM_SYM_SET);
  if (sym < 0) {
    p->blocks[block].nstmts--;
    rs_asm_diag_add(p, block, line, name->col, "out of memory");
    return -1;
  }
  rs_asm_stmt *st = &p->blocks[block].stmts[stmt];
  rs_asm_sym *s = &p->syms[sym];
  st->sym = sym;
  s->seq = st->seq;
  s->def_block = block;
  s->stmt = stmt;
  s->col = name->col;
  s->pub.block = kind == RS_ASM_ST_LABEL ? block : -1;
  s->pub.line = line + 1;
  return stmt;
}

/* `name = expr`, `.set name, expr`, `.equ name, expr`: t[0, n) is expr. */
void rs_asm_define_set(rs_program *p, int block, int line, const rs_asm_tok *name,
                       const rs_asm_tok *t, size_t n)
{
  int errcol;
  char err[160];
  size_t pos = 0;
  if (name->len == 1 && name->text[0] == '.') {
    rs_asm_diag_add(p, block, line, name->col, "assigning to '.' is not supported");
    return;
  }
  if (n == 0) {
    rs_asm_diag_add(p, block, line, name->col, "missing value for '%.*s'", (int)name->len, name->text);
    return;
  }
  int e = rs_asm_expr_parse(p, t, n, &pos, block, &errcol, err, sizeof err);
  if (e >= 0 && pos != n) {
    snprintf(err, sizeof err, "bad expression near '%.*s'", (int)(t[pos].len > 40 ? 40 : t[pos].len), t[pos].text);
    errcol = t[pos].col;
    e = -1;
  }
  if (e < 0) {
    rs_asm_diag_add(p, block, line, errcol, "%s", err);
    return;
  }
  int stmt = rs_asm_define(p, block, line, name, RS_ASM_ST_SET);
  if (stmt >= 0)
    p->blocks[block].stmts[stmt].expr = e;
}

static bool rs_asm_add_local(rs_asm_parser *ps, int num, int col)
{
  rs_program *p = ps->p;
  rs_asm_block *b = &p->blocks[ps->block];
  rs_asm_localdef *v = rs_asm_grow(b->locals, &b->caplocals, b->nlocals + 1, sizeof *v);
  if (!v) {
    rs_asm_diag_add(p, ps->block, ps->line, col, "out of memory");
    return false;
  }
  b->locals = v;
  int stmt = rs_asm_stmt_new(p, ps->block, RS_ASM_ST_LABEL, ps->line, col);
  if (stmt < 0)
    return false;
  b->locals[b->nlocals++] = (rs_asm_localdef){ num, stmt };
  b->stmts[stmt].local = num;
  /* bind the forward references waiting for this number */
  size_t keep = 0;
  for (size_t i = 0; i < ps->npending; i++) {
    rs_asm_expr *e = &p->nodes[ps->pending[i]];
    if (e->num == num)
      e->stmt = stmt;
    else
      ps->pending[keep++] = ps->pending[i];
  }
  ps->npending = keep;
  return true;
}

/* Binds the numeric local label references among nodes [first, nnodes). */
static void rs_asm_bind_locals(rs_asm_parser *ps, size_t first)
{
  rs_program *p = ps->p;
  const rs_asm_block *b = &p->blocks[ps->block];
  for (size_t i = first; i < p->nnodes; i++) {
    rs_asm_expr *e = &p->nodes[i];
    if (e->kind != RS_ASM_EX_LOCAL)
      continue;
    if (!e->fwd) {
      for (size_t k = b->nlocals; k-- > 0;)
        if (b->locals[k].num == e->num) {
          e->stmt = b->locals[k].stmt;
          break;
        }
    } else {
      int *v = rs_asm_grow(ps->pending, &ps->cappending, ps->npending + 1, sizeof *v);
      if (v) {
        ps->pending = v;
        ps->pending[ps->npending++] = (int)i;
      }
    }
  }
}

static void rs_asm_parse_insn(rs_asm_parser *ps, const rs_asm_tok *t, size_t n)
{
  rs_program *p = ps->p;
  rs_asm_insn in;
  memset(&in, 0, sizeof in);
  size_t i = 0;
  char low[sizeof in.mnem];
  uint8_t rep;
  for (;;) {
    if (t[i].len >= sizeof low) {
      rs_asm_diag_add(p, ps->block, ps->line, t[i].col, "unknown mnemonic '%.*s'",
                      (int)(t[i].len > 40 ? 40 : t[i].len), t[i].text);
      return;
    }
    for (size_t k = 0; k < t[i].len; k++)
      low[k] = (char)tolower((unsigned char)t[i].text[k]);
    low[t[i].len] = '\0';
    if (in.rep || !rs_asm_is_prefix(low, t[i].len, &rep))
      break;
    in.rep = rep;
    in.rep_col = t[i].col;
    if (i + 1 < n && t[i + 1].kind == RS_ASM_TOK_IDENT) {
      i++;
      continue;
    }
    if (i + 1 < n) {
      rs_asm_diag_add(p, ps->block, ps->line, t[i + 1].col, "expected an instruction after '%s'", low);
      return;
    }
    /* a prefix on its own is emitted as one byte */
    memcpy(in.mnem, low, sizeof low);
    in.mnem_col = t[i].col;
    in.enc.npfx = 1;
    in.enc.pfx[0] = rep;
    in.enc.disp_expr = in.enc.imm_expr = in.enc.target_expr = -1;
    in.encoded = true;
    in.rep = 0;
    break;
  }
  if (!in.encoded) {
    memcpy(in.mnem, low, sizeof low);
    in.mnem_col = t[i].col;
    size_t start = i + 1;
    int depth = 0;
    for (size_t k = start; k <= n; k++) {
      bool end = k == n;
      if (!end && rs_asm_tok_is(&t[k], '('))
        depth++;
      else if (!end && rs_asm_tok_is(&t[k], ')'))
        depth--;
      if (!end && !(depth == 0 && rs_asm_tok_is(&t[k], ',')))
        continue;
      if (end && k == start && in.nops == 0)
        break;
      if (k == start) {
        rs_asm_diag_add(p, ps->block, ps->line, t[k].col, "missing operand");
        return;
      }
      if (in.nops == RS_ASM_MAX_OPERANDS) {
        rs_asm_diag_add(p, ps->block, ps->line, t[start].col, "too many operands for '%s'", in.mnem);
        return;
      }
      int errcol;
      char err[160];
      if (!rs_asm_operand_parse(p, t + start, k - start, ps->block, &in.ops[in.nops], &errcol, err, sizeof err)) {
        rs_asm_diag_add(p, ps->block, ps->line, errcol, "%s", err);
        return;
      }
      in.nops++;
      start = k + 1;
    }
  }
  int stmt = rs_asm_stmt_new(p, ps->block, RS_ASM_ST_INSN, ps->line, in.mnem_col);
  if (stmt < 0)
    return;
  rs_asm_insn *copy = malloc(sizeof *copy);
  if (!copy) {
    p->blocks[ps->block].nstmts--;
    rs_asm_diag_add(p, ps->block, ps->line, in.mnem_col, "out of memory");
    return;
  }
  *copy = in;
  p->blocks[ps->block].stmts[stmt].insn = copy;
}

/* A symbol name at t[i]: an identifier, or '$' written right before one.
 * Returns the number of tokens it takes (0 if none). */
static size_t rs_asm_name_at(const rs_asm_tok *t, size_t n, size_t i, rs_asm_tok *name)
{
  if (i < n && t[i].kind == RS_ASM_TOK_IDENT) {
    *name = t[i];
    return 1;
  }
  if (i + 1 < n && rs_asm_tok_is(&t[i], '$') && t[i + 1].kind == RS_ASM_TOK_IDENT &&
      t[i + 1].text == t[i].text + 1) {
    *name = t[i + 1];
    name->text = t[i].text;
    name->len++;
    name->col = t[i].col;
    return 2;
  }
  return 0;
}

/* One statement: labels, then an assignment, directive or instruction. */
static void rs_asm_parse_stmt(rs_asm_parser *ps, const rs_asm_tok *t, size_t n)
{
  rs_program *p = ps->p;
  size_t i = 0;
  size_t first_node = p->nnodes;
  rs_asm_tok name;
  size_t used;
  for (;;) {
    if (i + 1 < n && t[i].kind == RS_ASM_TOK_NUM && rs_asm_tok_is(&t[i + 1], ':')) {
      used = 1;
    } else {
      used = rs_asm_name_at(t, n, i, &name);
      if (!used || i + used >= n || !rs_asm_tok_is(&t[i + used], ':'))
        break;
    }
    if (t[i].kind == RS_ASM_TOK_NUM) {
      if (t[i].num > INT32_MAX) {
        rs_asm_diag_add(p, ps->block, ps->line, t[i].col, "local label number too large");
        return;
      }
      if (!rs_asm_add_local(ps, (int)t[i].num, t[i].col))
        return;
    } else if (name.len == 1 && name.text[0] == '.') {
      rs_asm_diag_add(p, ps->block, ps->line, t[i].col, "'.' cannot be a label");
    } else {
      rs_asm_define(p, ps->block, ps->line, &name, RS_ASM_ST_LABEL);
    }
    i += used + 1;
  }
  if (i < n) {
    const rs_asm_tok *h = &t[i];
    used = rs_asm_name_at(t, n, i, &name);
    if (used && i + used < n && rs_asm_tok_is(&t[i + used], '='))
      rs_asm_define_set(p, ps->block, ps->line, &name, t + i + used + 1, n - i - used - 1);
    else if (h->kind == RS_ASM_TOK_IDENT && h->text[0] == '.' && h->len > 1)
      rs_asm_directive(p, ps->block, ps->line, h, n - i);
    else if (h->kind == RS_ASM_TOK_IDENT)
      rs_asm_parse_insn(ps, h, n - i);
    else
      rs_asm_diag_add(p, ps->block, ps->line, h->col, "expected a label, directive or instruction near '%.*s'",
                      (int)(h->len > 40 ? 40 : h->len), h->text);
  }
  rs_asm_bind_locals(ps, first_node);
}

/* Parses every line of a block into statements. */
void rs_asm_parse_block(rs_program *p, int block)
{
  rs_asm_block *b = &p->blocks[block];
  rs_asm_parser ps = { .p = p, .block = block };
  for (size_t line = 0; line < b->nlines; line++) {
    const char *text = b->clean + (b->lines[line].text - b->src);
    int errcol;
    char err[160];
    ps.line = (int)line;
    if (!rs_asm_lex(&ps.toks, text, &errcol, err, sizeof err)) {
      rs_asm_diag_add(p, block, (int)line, errcol, "%s", err);
      continue;
    }
    size_t start = 0;
    for (size_t k = 0; k < ps.toks.n; k++) {
      const rs_asm_tok *tk = &ps.toks.v[k];
      if (tk->kind != RS_ASM_TOK_END && !rs_asm_tok_is(tk, ';'))
        continue;
      if (k > start)
        rs_asm_parse_stmt(&ps, ps.toks.v + start, k - start);
      start = k + 1;
    }
  }
  free(ps.toks.v);
  free(ps.pending);
}
