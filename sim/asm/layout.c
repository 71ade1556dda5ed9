/* Ringside — assembler layout: the sizing walk, jump relaxation, and the
 * emission of bytes with every value checked.
 *
 * Sizing walks the statements in source order, as GNU as reads them, so
 * that an instruction's form depends only on what was known above it.
 * Relaxation then starts every same-block jmp/jcc short and grows the ones
 * that do not reach, pass after pass, until none changes (GNU as grows
 * and never shrinks, which reaches the same fixpoint).
 */
#include "asm-internal.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* GNU as --32 NOP patterns for code alignment, by length (1..7). */
static const uint8_t rs_asm_nops[8][7] = {
  { 0 },
  { 0x90 },                                       /* nop */
  { 0x66, 0x90 },                                 /* xchg %ax,%ax */
  { 0x8D, 0x76, 0x00 },                           /* lea 0(%esi),%esi */
  { 0x8D, 0x74, 0x26, 0x00 },                     /* lea 0(%esi,%eiz,1),%esi */
  { 0x8D, 0x74, 0x26, 0x00, 0x90 },               /* ... ; nop */
  { 0x8D, 0xB6, 0x00, 0x00, 0x00, 0x00 },         /* lea 0L(%esi),%esi */
  { 0x8D, 0xB4, 0x26, 0x00, 0x00, 0x00, 0x00 },   /* lea 0L(%esi,%eiz,1),%esi */
};

/* Fills n bytes of alignment padding in code as GNU as does: 7-byte NOPs
 * and one shorter NOP at the end; more than 20 bytes start with a jmp
 * over the rest (rel8 when it reaches, else rel32). */
static void rs_asm_nop_fill(uint8_t *out, size_t n)
{
  if (n > 20) {
    size_t j = n - 2 <= 127 ? 2 : 5;
    uint32_t rel = (uint32_t)(n - j);
    if (j == 2) {
      out[0] = 0xEB;
      out[1] = (uint8_t)rel;
    } else {
      out[0] = 0xE9;
      for (int i = 0; i < 4; i++)
        out[1 + i] = (uint8_t)(rel >> (8 * i));
    }
    out += j;
    n -= j;
  }
  while (n > 0) {
    size_t k = n > 7 ? 7 : n;
    memcpy(out, rs_asm_nops[k], k);
    out += k;
    n -= k;
  }
}

static rs_asm_evalctx rs_asm_stmt_ctx(const rs_program *p, rs_asm_symcache *cache, unsigned gen,
                                      int block, int stmt)
{
  const rs_asm_stmt *st = &p->blocks[block].stmts[stmt];
  return (rs_asm_evalctx){
    .p = p, .cache = cache, .gen = gen, .seq = st->seq, .block = block,
    .dot = (int64_t)rs_asm_stmt_addr(p, block, stmt), .chunk = st->chunk,
  };
}

/* An argument of a directive as a constant known on reading; reports. */
static bool rs_asm_dir_const(rs_program *p, rs_asm_evalctx *cx, int block, const rs_asm_stmt *st,
                             int node, const char *what, int64_t *v)
{
  rs_asm_value val;
  if (!rs_asm_eval(cx, node, &val)) {
    if (cx->err[0])
      rs_asm_diag_add(p, block, st->line, cx->errcol, "%s", cx->err);
    return false;
  }
  if (val.block >= 0 || !val.early) {
    rs_asm_diag_add(p, block, st->line, rs_asm_expr_col(p, node), "%s must be a constant known at this point", what);
    return false;
  }
  *v = val.v;
  return true;
}

/* Reads the arguments of .align/.balign/.p2align into st->align/fill/max. */
static bool rs_asm_size_align(rs_program *p, rs_asm_evalctx *cx, int block, rs_asm_stmt *st)
{
  const int *a = &p->args[st->first];
  int64_t v;
  if (!rs_asm_dir_const(p, cx, block, st, a[0], "alignment", &v))
    return false;
  int col = rs_asm_expr_col(p, a[0]);
  if (st->p2) {
    if (v < 0 || v > 30) {
      rs_asm_diag_add(p, block, st->line, col, "alignment too large: %lld", (long long)v);
      return false;
    }
    st->align = (int64_t)1 << v;
  } else {
    if (v < 0 || v > (1 << 30) || (v & (v - 1)) != 0) {
      rs_asm_diag_add(p, block, st->line, col, "alignment is not a power of 2: %lld", (long long)v);
      return false;
    }
    st->align = v == 0 ? 1 : v;
  }
  st->fill = -1;
  st->max = -1;
  if (a[1] >= 0) {
    if (!rs_asm_dir_const(p, cx, block, st, a[1], "fill value", &v))
      return false;
    if (v < -128 || v > 255) {
      rs_asm_diag_add(p, block, st->line, rs_asm_expr_col(p, a[1]), "fill value %lld out of range for a byte",
                      (long long)v);
      return false;
    }
    /* an explicit 0x90 fill in code means NOPs to GNU as */
    st->fill = (v & 0xff) == 0x90 ? -1 : (v & 0xff);
  }
  if (a[2] >= 0) {
    if (!rs_asm_dir_const(p, cx, block, st, a[2], "maximum skip", &v))
      return false;
    st->max = v <= 0 ? -1 : v;   /* GNU as: a maximum of 0 means none */
  }
  return true;
}

static bool rs_asm_size_space(rs_program *p, rs_asm_evalctx *cx, int block, rs_asm_stmt *st)
{
  const int *a = &p->args[st->first];
  int64_t v;
  if (!rs_asm_dir_const(p, cx, block, st, a[0], "size", &v))
    return false;
  if (v < 0 || v > (int64_t)RS_ASM_MAX_BLOCK_SIZE) {
    rs_asm_diag_add(p, block, st->line, rs_asm_expr_col(p, a[0]), "size %lld out of range", (long long)v);
    return false;
  }
  st->align = v;
  st->fill = 0;
  if (a[1] >= 0) {
    if (!rs_asm_dir_const(p, cx, block, st, a[1], "fill value", &v))
      return false;
    if (v < -128 || v > 255) {
      rs_asm_diag_add(p, block, st->line, rs_asm_expr_col(p, a[1]), "fill value %lld out of range for a byte",
                      (long long)v);
      return false;
    }
    st->fill = v & 0xff;
  }
  return true;
}

/* Size of a statement at its current address. */
static uint64_t rs_asm_stmt_size(const rs_program *p, int block, const rs_asm_stmt *st)
{
  if (st->bad)
    return 0;
  switch (st->kind) {
  case RS_ASM_ST_LABEL:
  case RS_ASM_ST_SET:
    return 0;
  case RS_ASM_ST_INSN:
    return rs_asm_enc_size(&st->insn->enc);
  case RS_ASM_ST_DATA:
    return (uint64_t)st->width * (uint64_t)st->count;
  case RS_ASM_ST_BYTES:
    return st->nbytes;
  case RS_ASM_ST_SPACE:
    return (uint64_t)st->align;
  case RS_ASM_ST_ALIGN: {
    uint64_t addr = p->blocks[block].origin + st->offset;
    uint64_t pad = (uint64_t)(-addr) & (uint64_t)(st->align - 1);
    return st->max >= 0 && pad > (uint64_t)st->max ? 0 : pad;
  }
  }
  return 0;
}

/* The first walk: chooses encodings and reads directive arguments in
 * source order, assigning offsets and chunks as it goes. */
static void rs_asm_size_walk(rs_program *p, rs_asm_symcache *cache, unsigned gen)
{
  for (size_t b = 0; b < p->nblocks; b++) {
    rs_asm_block *blk = &p->blocks[b];
    uint64_t offset = 0;
    int chunk = 0;
    for (size_t i = 0; i < blk->nstmts; i++) {
      rs_asm_stmt *st = &blk->stmts[i];
      st->offset = offset;
      st->chunk = chunk;
      rs_asm_evalctx cx = rs_asm_stmt_ctx(p, cache, gen, (int)b, (int)i);
      switch (st->kind) {
      case RS_ASM_ST_INSN:
        if (!st->insn->encoded && !rs_asm_encode(p, (int)b, (int)i, &cx))
          st->bad = true;
        else if (st->insn->enc.br == RS_ASM_BR_RELAX)
          chunk++;
        break;
      case RS_ASM_ST_ALIGN:
        if (!rs_asm_size_align(p, &cx, (int)b, st))
          st->bad = true;
        else if (st->align > 1)
          chunk++;
        break;
      case RS_ASM_ST_SPACE:
        if (!rs_asm_size_space(p, &cx, (int)b, st))
          st->bad = true;
        break;
      case RS_ASM_ST_LABEL:
      case RS_ASM_ST_SET:
      case RS_ASM_ST_DATA:
      case RS_ASM_ST_BYTES:
        break;
      }
      st->size = rs_asm_stmt_size(p, (int)b, st);
      offset += st->size;
    }
    blk->len = (size_t)(offset > SIZE_MAX ? SIZE_MAX : offset);
  }
}

/* Recomputes every offset from the current sizes. */
static void rs_asm_place(rs_program *p)
{
  for (size_t b = 0; b < p->nblocks; b++) {
    rs_asm_block *blk = &p->blocks[b];
    uint64_t offset = 0;
    for (size_t i = 0; i < blk->nstmts; i++) {
      rs_asm_stmt *st = &blk->stmts[i];
      st->offset = offset;
      st->size = rs_asm_stmt_size(p, (int)b, st);
      offset += st->size;
    }
    blk->len = (size_t)(offset > SIZE_MAX ? SIZE_MAX : offset);
  }
}

/* Grows the short jumps that do not reach; true if any grew. */
static bool rs_asm_relax(rs_program *p, rs_asm_symcache *cache, unsigned gen)
{
  bool changed = false;
  for (size_t b = 0; b < p->nblocks; b++) {
    rs_asm_block *blk = &p->blocks[b];
    for (size_t i = 0; i < blk->nstmts; i++) {
      rs_asm_stmt *st = &blk->stmts[i];
      if (st->kind != RS_ASM_ST_INSN || st->bad || st->insn->enc.br != RS_ASM_BR_RELAX || st->insn->enc.br_long)
        continue;
      rs_asm_evalctx cx = rs_asm_stmt_ctx(p, cache, gen, (int)b, (int)i);
      rs_asm_value t;
      bool reach = rs_asm_eval(&cx, st->insn->enc.target_expr, &t) && t.block == (int)b;
      if (reach) {
        int64_t rel = t.v - (cx.dot + 2);
        reach = rel >= -128 && rel <= 127;
      }
      if (!reach) {
        st->insn->enc.br_long = true;
        changed = true;
      }
    }
  }
  return changed;
}

/* Chooses every encoding and address. */
void rs_asm_layout(rs_program *p)
{
  rs_asm_symcache *cache = calloc(p->nsyms ? p->nsyms : 1, sizeof *cache);
  if (!cache) {
    rs_asm_diag_add(p, 0, 0, 1, "out of memory");
    return;
  }
  unsigned gen = 1;
  rs_asm_size_walk(p, cache, gen);
  for (int pass = 0; pass < RS_ASM_MAX_PASSES; pass++) {
    if (!rs_asm_relax(p, cache, ++gen))
      break;
    rs_asm_place(p);
  }
  free(cache);
}

/* --------------------------------------------------------------- emission */

static bool rs_asm_fits(int64_t v, int bytes)
{
  int bits = bytes * 8;
  return v >= -((int64_t)1 << (bits - 1)) && v <= (int64_t)((UINT64_C(1) << bits) - 1);
}

/* Evaluates a value of an emitted statement; reports failures. */
static bool rs_asm_emit_value(rs_program *p, rs_asm_evalctx *cx, int block, const rs_asm_stmt *st,
                              int node, rs_asm_value *out)
{
  if (rs_asm_eval(cx, node, out))
    return true;
  if (cx->err[0])
    rs_asm_diag_add(p, block, st->line, cx->errcol, "%s", cx->err);
  return false;
}

static void rs_asm_emit_insn(rs_program *p, rs_asm_evalctx *cx, int block, const rs_asm_stmt *st, uint8_t *out)
{
  const rs_asm_enc *e = &st->insn->enc;
  int64_t disp = 0, imm = 0, rel = 0;
  rs_asm_value v;
  if (e->disp_expr >= 0 && rs_asm_emit_value(p, cx, block, st, e->disp_expr, &v)) {
    disp = v.v;
    if (!rs_asm_fits(disp, e->disp_size ? e->disp_size : 4) || (e->disp_size == 1 && (disp < -128 || disp > 127)))
      rs_asm_diag_add(p, block, st->line, e->disp_col, "displacement %lld out of range", (long long)disp);
  }
  if (e->imm_expr >= 0 && rs_asm_emit_value(p, cx, block, st, e->imm_expr, &v)) {
    imm = rs_asm_imm_normalize(v.v, e->imm_opsize);
    if (!rs_asm_fits(imm, e->imm_range))
      rs_asm_diag_add(p, block, st->line, e->imm_col, "value %lld out of range for %s immediate",
                      (long long)imm, e->imm_range == 1 ? "an 8-bit" : e->imm_range == 2 ? "a 16-bit" : "a 32-bit");
  }
  if (e->br != RS_ASM_BR_NONE && rs_asm_emit_value(p, cx, block, st, e->target_expr, &v)) {
    int64_t end = cx->dot + (int64_t)st->size;
    rel = (int64_t)(int32_t)(uint32_t)((uint64_t)v.v - (uint64_t)end);
    bool short_form = e->br == RS_ASM_BR_REL8 || (e->br == RS_ASM_BR_RELAX && !e->br_long);
    if (short_form && (rel < -128 || rel > 127))
      rs_asm_diag_add(p, block, st->line, e->target_col, "branch target out of range (%lld bytes away)",
                      (long long)rel);
  }
  rs_asm_encode_bytes(e, out, &disp, &imm, rel);
}

static void rs_asm_emit_stmt(rs_program *p, rs_asm_evalctx *cx, int block, const rs_asm_stmt *st, uint8_t *out)
{
  rs_asm_value v;
  switch (st->kind) {
  case RS_ASM_ST_LABEL:
    break;
  case RS_ASM_ST_SET:
    if (!rs_asm_eval_definition(cx, st->sym, &v)) {
      if (cx->err[0])
        rs_asm_diag_add(p, block, st->line, cx->errcol, "%s", cx->err);
      else if (cx->cycle)
        rs_asm_diag_add(p, block, st->line, st->col, "symbol '%s' is defined in terms of itself",
                        p->syms[st->sym].pub.name);
    }
    break;
  case RS_ASM_ST_INSN:
    rs_asm_emit_insn(p, cx, block, st, out);
    break;
  case RS_ASM_ST_DATA:
    for (int i = 0; i < st->count; i++) {
      int node = p->args[st->first + i];
      /* '.' is the address of this item, as in GNU as */
      cx->dot = (int64_t)rs_asm_stmt_addr(p, block, (int)(st - p->blocks[block].stmts)) + i * st->width;
      if (!rs_asm_emit_value(p, cx, block, st, node, &v))
        continue;
      if (!rs_asm_fits(v.v, st->width))
        rs_asm_diag_add(p, block, st->line, rs_asm_expr_col(p, node), "value %lld out of range for %s",
                        (long long)v.v, st->dir);
      for (int k = 0; k < st->width; k++)
        out[i * st->width + k] = (uint8_t)((uint64_t)v.v >> (8 * k));
    }
    break;
  case RS_ASM_ST_BYTES:
    if (st->nbytes)
      memcpy(out, st->bytes, st->nbytes);
    break;
  case RS_ASM_ST_ALIGN:
    if (st->fill < 0)
      rs_asm_nop_fill(out, (size_t)st->size);
    else
      memset(out, (int)st->fill, (size_t)st->size);
    break;
  case RS_ASM_ST_SPACE:
    memset(out, (int)st->fill, (size_t)st->size);
    break;
  }
}

/* Per-line addresses and sizes for the listing. */
static void rs_asm_fill_lines(rs_program *p, int block)
{
  rs_asm_block *b = &p->blocks[block];
  bool *seen = calloc(b->nlines ? b->nlines : 1, sizeof *seen);
  if (!seen)
    return;
  for (size_t i = 0; i < b->nlines; i++) {
    b->lines[i].size = 0;
    b->lines[i].is_insn = false;
  }
  for (size_t i = 0; i < b->nstmts; i++) {
    const rs_asm_stmt *st = &b->stmts[i];
    rs_asm_line *ln = &b->lines[st->line];
    if (!seen[st->line]) {
      seen[st->line] = true;
      ln->addr = (uint32_t)(b->origin + st->offset);
    }
    ln->size += (uint32_t)st->size;
    if (st->kind == RS_ASM_ST_INSN && st->size > 0)
      ln->is_insn = true;
  }
  uint32_t next = (uint32_t)(b->origin + b->len);
  for (size_t i = b->nlines; i-- > 0;) {
    if (!seen[i])
      b->lines[i].addr = next;
    else
      next = b->lines[i].addr;
  }
  free(seen);
}

/* Writes every block's bytes, reports value errors, and records the final
 * symbol values. */
void rs_asm_emit(rs_program *p)
{
  rs_asm_symcache *cache = calloc(p->nsyms ? p->nsyms : 1, sizeof *cache);
  if (!cache) {
    rs_asm_diag_add(p, 0, 0, 1, "out of memory");
    return;
  }
  unsigned gen = 1;
  for (size_t b = 0; b < p->nblocks; b++) {
    rs_asm_block *blk = &p->blocks[b];
    uint64_t len = blk->nstmts ? blk->stmts[blk->nstmts - 1].offset + blk->stmts[blk->nstmts - 1].size : 0;
    if (len > RS_ASM_MAX_BLOCK_SIZE || (uint64_t)blk->origin + len > UINT64_C(0x100000000)) {
      rs_asm_diag_add(p, (int)b, 0, 1, "block '%s' does not fit: %llu bytes at 0x%08x", blk->name,
                      (unsigned long long)len, blk->origin);
      for (size_t i = 0; i < blk->nstmts; i++) {
        blk->stmts[i].offset = 0;
        blk->stmts[i].size = 0;
      }
      blk->len = 0;
      rs_asm_fill_lines(p, (int)b);
      continue;
    }
    blk->len = (size_t)len;
    blk->bytes = calloc(len ? len : 1, 1);
    if (!blk->bytes) {
      rs_asm_diag_add(p, (int)b, 0, 1, "out of memory");
      blk->len = 0;
      continue;
    }
    for (size_t i = 0; i < blk->nstmts; i++) {
      const rs_asm_stmt *st = &blk->stmts[i];
      if (st->bad)
        continue;
      rs_asm_evalctx cx = rs_asm_stmt_ctx(p, cache, gen, (int)b, (int)i);
      rs_asm_emit_stmt(p, &cx, (int)b, st, blk->bytes + st->offset);
    }
    rs_asm_fill_lines(p, (int)b);
  }
  for (size_t i = p->npredef; i < p->nsyms; i++) {
    rs_asm_sym *s = &p->syms[i];
    const rs_asm_stmt *st = &p->blocks[s->def_block].stmts[s->stmt];
    rs_asm_evalctx cx = rs_asm_stmt_ctx(p, cache, gen, s->def_block, s->stmt);
    rs_asm_value v = { 0 };
    s->final_ok = s->kind == RS_ASM_SYM_LABEL ? true : rs_asm_eval(&cx, st->expr, &v);
    if (s->kind == RS_ASM_SYM_LABEL)
      v = (rs_asm_value){ .v = cx.dot, .block = s->def_block };
    s->final_v = v.v;
    s->pub.value = (uint32_t)v.v;
    s->pub.block = v.block;
  }
  free(cache);
}
