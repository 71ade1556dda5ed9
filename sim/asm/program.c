/* Ringside — the assembler's public API (include/ringside/asm.h): program
 * and blocks, the symbol table, diagnostics, and queries on the result. */
#include "asm-internal.h"

#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* ----------------------------------------------------------------- helpers */

/* Makes room for `need` elements of `elem` bytes; returns the (possibly
 * moved) array, or NULL with the old array untouched. */
void *rs_asm_grow(void *v, size_t *cap, size_t need, size_t elem)
{
  if (need <= *cap)
    return v;
  size_t n = *cap < 8 ? 16 : *cap * 2;
  if (n < need)
    n = need;
  if (n > SIZE_MAX / elem)
    return NULL;
  void *nv = realloc(v, n * elem);
  if (!nv)
    return NULL;
  *cap = n;
  return nv;
}

/* Records a diagnostic; past the limit one final note says so. */
void rs_asm_diag_add(rs_program *p, int block, int line, int col, const char *fmt, ...)
{
  if (p->ndiags >= RS_ASM_MAX_DIAGS)
    return;
  rs_asm_diag *v = rs_asm_grow(p->diags, &p->capdiags, p->ndiags + 1, sizeof *v);
  if (!v)
    return;
  p->diags = v;
  rs_asm_diag *d = &p->diags[p->ndiags++];
  d->block = block;
  d->line = line + 1;
  d->col = col;
  if (p->ndiags == RS_ASM_MAX_DIAGS) {
    snprintf(d->msg, sizeof d->msg, "too many errors; the rest are not reported");
    return;
  }
  va_list ap;
  va_start(ap, fmt);
  vsnprintf(d->msg, sizeof d->msg, fmt, ap);
  va_end(ap);
}

/* True if s[0, len) is a valid symbol name. */
bool rs_asm_is_symbol_name(const char *s, size_t len)
{
  if (len == 0 || !(isalpha((unsigned char)s[0]) || s[0] == '_' || s[0] == '.' || s[0] == '$'))
    return false;
  if (len == 1 && s[0] == '.')
    return false;
  for (size_t i = 1; i < len; i++)
    if (!(isalnum((unsigned char)s[i]) || s[i] == '_' || s[i] == '.' || s[i] == '$'))
      return false;
  return true;
}

/* The current address of a statement. */
uint64_t rs_asm_stmt_addr(const rs_program *p, int block, int stmt)
{
  return (uint64_t)p->blocks[block].origin + p->blocks[block].stmts[stmt].offset;
}

/* ------------------------------------------------------------ symbol table */

static size_t rs_asm_hash(const char *s, size_t len)
{
  size_t h = 2166136261u;
  for (size_t i = 0; i < len; i++)
    h = (h ^ (unsigned char)s[i]) * 16777619u;
  return h;
}

static bool rs_asm_rehash(rs_program *p, size_t cap)
{
  int *h = calloc(cap, sizeof *h);
  if (!h)
    return false;
  free(p->symhash);
  p->symhash = h;
  p->hashcap = cap;
  for (size_t i = 0; i < p->nsyms; i++) {
    const char *name = p->syms[i].pub.name;
    size_t k = rs_asm_hash(name, strlen(name)) & (cap - 1);
    while (h[k])
      k = (k + 1) & (cap - 1);
    h[k] = (int)i + 1;
  }
  return true;
}

/* The index of the symbol named s[0, len), or -1. */
int rs_asm_sym_find(const rs_program *p, const char *s, size_t len)
{
  if (!p->hashcap)
    return -1;
  size_t k = rs_asm_hash(s, len) & (p->hashcap - 1);
  while (p->symhash[k]) {
    int i = p->symhash[k] - 1;
    const char *name = p->syms[i].pub.name;
    if (strncmp(name, s, len) == 0 && name[len] == '\0')
      return i;
    k = (k + 1) & (p->hashcap - 1);
  }
  return -1;
}

/* Adds a symbol (the caller checked it is new); returns its index or -1. */
int rs_asm_sym_add(rs_program *p, const char *name, size_t len, rs_asm_sym_kind kind)
{
  if ((p->nsyms + 1) * 2 > p->hashcap && !rs_asm_rehash(p, p->hashcap ? p->hashcap * 2 : 64))
    return -1;
  rs_asm_sym *v = rs_asm_grow(p->syms, &p->capsyms, p->nsyms + 1, sizeof *v);
  if (!v)
    return -1;
  p->syms = v;
  char *copy = malloc(len + 1);
  if (!copy)
    return -1;
  memcpy(copy, name, len);
  copy[len] = '\0';
  rs_asm_sym *s = &p->syms[p->nsyms];
  memset(s, 0, sizeof *s);
  s->pub.name = copy;
  s->pub.block = -1;
  s->kind = kind;
  s->def_block = -1;
  s->stmt = -1;
  size_t k = rs_asm_hash(name, len) & (p->hashcap - 1);
  while (p->symhash[k])
    k = (k + 1) & (p->hashcap - 1);
  p->symhash[k] = (int)p->nsyms + 1;
  return (int)p->nsyms++;
}

/* ------------------------------------------------------------ life cycle */

/* Drops everything an assembly produced, keeping sources and predefined
 * symbols, so that the program can be assembled again. */
static void rs_asm_reset(rs_program *p)
{
  for (size_t b = 0; b < p->nblocks; b++) {
    rs_asm_block *blk = &p->blocks[b];
    for (size_t i = 0; i < blk->nstmts; i++) {
      free(blk->stmts[i].insn);
      free(blk->stmts[i].bytes);
    }
    free(blk->stmts);
    free(blk->locals);
    free(blk->bytes);
    free(blk->clean);
    blk->stmts = NULL;
    blk->nstmts = blk->capstmts = 0;
    blk->locals = NULL;
    blk->nlocals = blk->caplocals = 0;
    blk->bytes = NULL;
    blk->clean = NULL;
    blk->len = 0;
    for (size_t i = 0; i < blk->nlines; i++) {
      blk->lines[i].addr = blk->origin;
      blk->lines[i].size = 0;
      blk->lines[i].is_insn = false;
    }
  }
  for (size_t i = p->npredef; i < p->nsyms; i++)
    free((char *)p->syms[i].pub.name);
  p->nsyms = p->npredef;
  if (p->hashcap)
    rs_asm_rehash(p, p->hashcap);
  p->nnodes = 0;
  p->nargs = 0;
  p->ndiags = 0;
  p->seq = 0;
  p->assembled = false;
}

rs_program *rs_program_new(void)
{
  return calloc(1, sizeof(rs_program));
}

void rs_program_free(rs_program *p)
{
  if (!p)
    return;
  rs_asm_reset(p);
  for (size_t b = 0; b < p->nblocks; b++) {
    free(p->blocks[b].name);
    free(p->blocks[b].src);
    free(p->blocks[b].raw);
    free(p->blocks[b].lines);
  }
  for (size_t i = 0; i < p->nsyms; i++)
    free((char *)p->syms[i].pub.name);
  free(p->blocks);
  free(p->syms);
  free(p->symhash);
  free(p->nodes);
  free(p->args);
  free(p->diags);
  free(p);
}

bool rs_program_define(rs_program *p, const char *name, uint32_t value)
{
  if (!p || !name || !rs_asm_is_symbol_name(name, strlen(name)))
    return false;
  if (p->assembled || p->nsyms > p->npredef)
    rs_asm_reset(p);
  if (rs_asm_sym_find(p, name, strlen(name)) >= 0)
    return false;
  int i = rs_asm_sym_add(p, name, strlen(name), RS_ASM_SYM_PREDEF);
  if (i < 0)
    return false;
  p->syms[i].pub.value = value;
  p->syms[i].final_v = value;
  p->syms[i].final_ok = true;
  p->npredef++;
  return true;
}

int rs_program_add_block(rs_program *p, const char *name, uint32_t origin, const char *text)
{
  if (!p)
    return -1;
  if (p->assembled)
    rs_asm_reset(p);
  rs_asm_block *v = rs_asm_grow(p->blocks, &p->capblocks, p->nblocks + 1, sizeof *v);
  if (!v)
    return -1;
  p->blocks = v;
  rs_asm_block *b = &p->blocks[p->nblocks];
  memset(b, 0, sizeof *b);
  char fallback[32];
  snprintf(fallback, sizeof fallback, "block %zu", p->nblocks);
  const char *nm = name ? name : fallback;
  const char *tx = text ? text : "";
  size_t len = strlen(tx);
  b->name = malloc(strlen(nm) + 1);
  b->raw = malloc(len + 1);
  b->src = malloc(len + 1);
  size_t nlines = 1;
  for (size_t i = 0; i < len; i++)
    nlines += tx[i] == '\n';
  if (len > 0 && tx[len - 1] == '\n')
    nlines--;
  b->lines = calloc(nlines ? nlines : 1, sizeof *b->lines);
  if (!b->name || !b->raw || !b->src || !b->lines) {
    free(b->name);
    free(b->raw);
    free(b->src);
    free(b->lines);
    return -1;
  }
  strcpy(b->name, nm);
  memcpy(b->raw, tx, len + 1);
  memcpy(b->src, tx, len + 1);
  b->origin = origin;
  size_t line = 0;
  char *s = b->src;
  for (size_t i = 0; i <= len && line < nlines; i++) {
    if (i == len || b->src[i] == '\n') {
      b->src[i] = '\0';
      b->lines[line].text = s;
      b->lines[line].addr = origin;
      line++;
      s = b->src + i + 1;
    }
  }
  b->nlines = nlines;
  return (int)p->nblocks++;
}

/* Stable insertion sort of the diagnostics by block, line and column. */
static void rs_asm_sort_diags(rs_program *p)
{
  for (size_t i = 1; i < p->ndiags; i++) {
    rs_asm_diag d = p->diags[i];
    size_t j = i;
    while (j > 0) {
      const rs_asm_diag *e = &p->diags[j - 1];
      if (e->block < d.block || (e->block == d.block && (e->line < d.line || (e->line == d.line && e->col <= d.col))))
        break;
      p->diags[j] = *e;
      j--;
    }
    p->diags[j] = d;
  }
}

int rs_program_assemble(rs_program *p)
{
  if (!p)
    return 0;
  if (p->assembled)
    return (int)p->ndiags;
  rs_asm_reset(p);
  for (size_t b = 0; b < p->nblocks; b++) {
    rs_asm_block *blk = &p->blocks[b];
    size_t len = strlen(blk->raw);
    blk->clean = malloc(len + 1);
    if (!blk->clean) {
      rs_asm_diag_add(p, (int)b, 0, 1, "out of memory");
      continue;
    }
    memcpy(blk->clean, blk->raw, len + 1);
    bool open;
    size_t pos;
    rs_asm_clean_text(blk->clean, len, &open, &pos);
    for (size_t i = 0; i < len; i++)
      if (blk->clean[i] == '\n')
        blk->clean[i] = '\0';
    if (open) {
      size_t line = 0, start = 0;
      for (size_t i = 0; i < pos; i++)
        if (blk->raw[i] == '\n') {
          line++;
          start = i + 1;
        }
      rs_asm_diag_add(p, (int)b, (int)line, (int)(pos - start) + 1, "unterminated comment");
    }
    rs_asm_parse_block(p, (int)b);
  }
  rs_asm_resolve_syms(p, 0);
  rs_asm_layout(p);
  rs_asm_emit(p);
  rs_asm_sort_diags(p);
  p->assembled = true;
  return (int)p->ndiags;
}

/* ------------------------------------------------------------------ queries */

size_t rs_program_diag_count(const rs_program *p)
{
  return p ? p->ndiags : 0;
}

const rs_asm_diag *rs_program_diag(const rs_program *p, size_t i)
{
  return p && i < p->ndiags ? &p->diags[i] : NULL;
}

size_t rs_program_block_count(const rs_program *p)
{
  return p ? p->nblocks : 0;
}

static bool rs_asm_block_ok(const rs_program *p, int block)
{
  return p && block >= 0 && (size_t)block < p->nblocks;
}

const char *rs_program_block_name(const rs_program *p, int block)
{
  return rs_asm_block_ok(p, block) ? p->blocks[block].name : NULL;
}

uint32_t rs_program_block_origin(const rs_program *p, int block)
{
  return rs_asm_block_ok(p, block) ? p->blocks[block].origin : 0;
}

const uint8_t *rs_program_block_bytes(const rs_program *p, int block, size_t *len)
{
  if (!rs_asm_block_ok(p, block) || !p->blocks[block].bytes) {
    if (len)
      *len = 0;
    return NULL;
  }
  if (len)
    *len = p->blocks[block].len;
  return p->blocks[block].bytes;
}

size_t rs_program_line_count(const rs_program *p, int block)
{
  return rs_asm_block_ok(p, block) ? p->blocks[block].nlines : 0;
}

const rs_asm_line *rs_program_line(const rs_program *p, int block, size_t line_index)
{
  if (!rs_asm_block_ok(p, block) || line_index >= p->blocks[block].nlines)
    return NULL;
  return &p->blocks[block].lines[line_index];
}

size_t rs_program_symbol_count(const rs_program *p)
{
  return p ? p->nsyms : 0;
}

const rs_asm_symbol *rs_program_symbol(const rs_program *p, size_t i)
{
  return p && i < p->nsyms ? &p->syms[i].pub : NULL;
}

bool rs_program_lookup(const rs_program *p, const char *name, uint32_t *value)
{
  if (!p || !name)
    return false;
  int i = rs_asm_sym_find(p, name, strlen(name));
  if (i < 0 || !p->syms[i].final_ok)
    return false;
  if (value)
    *value = p->syms[i].pub.value;
  return true;
}

/* The assembled block whose bytes include addr, or -1. */
static int rs_asm_block_at(const rs_program *p, uint32_t addr)
{
  for (size_t b = 0; b < p->nblocks; b++) {
    const rs_asm_block *blk = &p->blocks[b];
    if (blk->bytes && addr >= blk->origin && (uint64_t)addr < (uint64_t)blk->origin + blk->len)
      return (int)b;
  }
  return -1;
}

/* The label at or nearest below addr in its block (the first defined of
 * several at one address); the block's name if no label precedes addr. */
const char *rs_program_label_for(const rs_program *p, uint32_t addr, uint32_t *offset)
{
  if (!p)
    return NULL;
  int b = rs_asm_block_at(p, addr);
  if (b < 0)
    return NULL;
  const rs_asm_sym *best = NULL;
  for (size_t i = p->npredef; i < p->nsyms; i++) {
    const rs_asm_sym *s = &p->syms[i];
    if (s->kind != RS_ASM_SYM_LABEL || s->def_block != b || s->pub.value > addr)
      continue;
    if (!best || s->pub.value > best->pub.value)
      best = s;
  }
  uint32_t base = best ? best->pub.value : p->blocks[b].origin;
  if (offset)
    *offset = addr - base;
  return best ? best->pub.name : p->blocks[b].name;
}

bool rs_program_line_at(const rs_program *p, uint32_t addr, int *block, size_t *line_index)
{
  if (!p)
    return false;
  int b = rs_asm_block_at(p, addr);
  if (b < 0)
    return false;
  const rs_asm_block *blk = &p->blocks[b];
  for (size_t i = 0; i < blk->nlines; i++) {
    const rs_asm_line *ln = &blk->lines[i];
    if (ln->size > 0 && addr >= ln->addr && (uint64_t)addr < (uint64_t)ln->addr + ln->size) {
      if (block)
        *block = b;
      if (line_index)
        *line_index = i;
      return true;
    }
  }
  return false;
}

bool rs_program_eval(const rs_program *p, const char *expr, uint32_t *value, char *err, size_t errlen)
{
  char scratch[160];
  if (!err || errlen == 0) {
    err = scratch;
    errlen = sizeof scratch;
  }
  err[0] = '\0';
  if (!p || !expr) {
    snprintf(err, errlen, "no expression");
    return false;
  }
  /* a private copy of the program header owns the parsed nodes; the
   * symbol table and blocks are only read */
  rs_program tmp = *p;
  tmp.nodes = NULL;
  tmp.nnodes = tmp.capnodes = 0;
  rs_asm_toks toks = { 0 };
  int errcol;
  char msg[160];
  bool ok = false;
  size_t pos = 0;
  int node = -1;
  if (!rs_asm_lex(&toks, expr, &errcol, msg, sizeof msg)) {
    snprintf(err, errlen, "%s", msg);
    goto done;
  }
  if (toks.n <= 1) {
    snprintf(err, errlen, "empty expression");
    goto done;
  }
  node = rs_asm_expr_parse(&tmp, toks.v, toks.n - 1, &pos, -1, &errcol, msg, sizeof msg);
  if (node < 0) {
    snprintf(err, errlen, "%s", msg);
    goto done;
  }
  if (pos != toks.n - 1) {
    snprintf(err, errlen, "bad expression near '%.*s'", (int)toks.v[pos].len, toks.v[pos].text);
    goto done;
  }
  rs_asm_resolve_syms(&tmp, 0);
  for (size_t i = 0; i < tmp.nnodes; i++) {
    const rs_asm_expr *e = &tmp.nodes[i];
    if (e->kind == RS_ASM_EX_SYM && (e->sym < 0 || !p->syms[e->sym].final_ok)) {
      snprintf(err, errlen, "unknown symbol '%.*s'", (int)(e->len > 60 ? 60 : e->len), e->name);
      goto done;
    }
    if (e->kind == RS_ASM_EX_LOCAL) {
      snprintf(err, errlen, "local label references are not allowed here");
      goto done;
    }
  }
  rs_asm_evalctx cx = { .p = &tmp, .block = -1 };
  rs_asm_value v;
  if (!rs_asm_eval(&cx, node, &v)) {
    snprintf(err, errlen, "%s", cx.err);
    goto done;
  }
  if (v.v < INT32_MIN || v.v > (int64_t)UINT32_MAX) {
    snprintf(err, errlen, "value %lld does not fit in 32 bits", (long long)v.v);
    goto done;
  }
  if (value)
    *value = (uint32_t)v.v;
  ok = true;
done:
  free(toks.v);
  free(tmp.nodes);
  return ok;
}
