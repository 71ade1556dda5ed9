/* Ringside — assembler expressions: parsing with GNU as precedence, and
 * evaluation to absolute or relocatable values.
 *
 * GNU as precedence, lowest to highest (gas manual, "Infix Operators"):
 *   1. && ||
 *   2. + - == != <> < > <= >=
 *   3. | & ^ !  (binary '!' is "or not")
 *   4. * / % << >>
 * Comparisons give -1 for true, && and || give 1. Arithmetic is done on
 * 64 bits as GNU as does on a 64-bit host; '>>' is a logical shift.
 */
#include "asm-internal.h"

#include <stdio.h>
#include <string.h>

typedef struct rs_asm_eparser {
  rs_program *p;
  const rs_asm_tok *t;
  size_t n, pos;
  int block;
  int depth;
  int nbinary;
  int *errcol;
  char *err;
  size_t errlen;
} rs_asm_eparser;

static int rs_asm_enode(rs_asm_eparser *ep, rs_asm_ex_kind kind, int col)
{
  rs_program *p = ep->p;
  rs_asm_expr *v = rs_asm_grow(p->nodes, &p->capnodes, p->nnodes + 1, sizeof *v);
  if (!v)
    return -1;
  p->nodes = v;
  rs_asm_expr *e = &p->nodes[p->nnodes];
  memset(e, 0, sizeof *e);
  e->kind = kind;
  e->col = col;
  e->a = e->b = e->sym = e->block = e->stmt = -1;
  return (int)p->nnodes++;
}

static int rs_asm_eerror(rs_asm_eparser *ep, const rs_asm_tok *t, const char *what)
{
  if (t->kind == RS_ASM_TOK_END)
    snprintf(ep->err, ep->errlen, "%s", what[0] ? what : "bad expression: missing operand");
  else
    snprintf(ep->err, ep->errlen, "bad expression near '%.*s'", (int)(t->len > 40 ? 40 : t->len), t->text);
  *ep->errcol = t->col;
  return -1;
}

static int rs_asm_binary_level(const rs_asm_tok *t)
{
  if (t->kind != RS_ASM_TOK_OP)
    return 0;
  switch (t->op) {
  case RS_ASM_OP_ANDAND: case RS_ASM_OP_OROR:
    return 1;
  case '+': case '-': case RS_ASM_OP_EQ: case RS_ASM_OP_NE: case '<': case '>':
  case RS_ASM_OP_LE: case RS_ASM_OP_GE:
    return 2;
  case '|': case '&': case '^': case '!':
    return 3;
  case '*': case '/': case '%': case RS_ASM_OP_SHL: case RS_ASM_OP_SHR:
    return 4;
  default:
    return 0;
  }
}

static int rs_asm_parse_binary(rs_asm_eparser *ep, int level);

static int rs_asm_parse_primary(rs_asm_eparser *ep)
{
  if (ep->pos >= ep->n)
    return rs_asm_eerror(ep, &ep->t[ep->n - 1], "");
  const rs_asm_tok *t = &ep->t[ep->pos];
  if (++ep->depth > RS_ASM_MAX_DEPTH) {
    snprintf(ep->err, ep->errlen, "expression nested too deeply");
    *ep->errcol = t->col;
    return -1;
  }
  int node = -1;
  switch (t->kind) {
  case RS_ASM_TOK_NUM:
    node = rs_asm_enode(ep, RS_ASM_EX_NUM, t->col);
    if (node >= 0)
      ep->p->nodes[node].num = (int64_t)t->num;
    ep->pos++;
    break;
  case RS_ASM_TOK_LOCAL:
    node = rs_asm_enode(ep, RS_ASM_EX_LOCAL, t->col);
    if (node >= 0) {
      ep->p->nodes[node].num = (int64_t)t->num;
      ep->p->nodes[node].fwd = t->fwd;
      ep->p->nodes[node].block = ep->block;
    }
    ep->pos++;
    break;
  case RS_ASM_TOK_IDENT:
    if (t->len == 1 && t->text[0] == '.') {
      node = rs_asm_enode(ep, RS_ASM_EX_DOT, t->col);
    } else {
      node = rs_asm_enode(ep, RS_ASM_EX_SYM, t->col);
      if (node >= 0) {
        ep->p->nodes[node].name = t->text;
        ep->p->nodes[node].len = t->len;
      }
    }
    ep->pos++;
    break;
  case RS_ASM_TOK_OP:
    if (t->op == '(') {
      ep->pos++;
      node = rs_asm_parse_binary(ep, 1);
      if (node < 0)
        break;
      if (ep->pos >= ep->n || !rs_asm_tok_is(&ep->t[ep->pos], ')'))
        return rs_asm_eerror(ep, &ep->t[ep->pos < ep->n ? ep->pos : ep->n - 1], "bad expression: missing ')'");
      ep->pos++;
    } else if (t->op == '$' && ep->pos + 1 < ep->n && ep->t[ep->pos + 1].kind == RS_ASM_TOK_IDENT &&
               ep->t[ep->pos + 1].text == t->text + 1) {
      /* a symbol whose name starts with '$' */
      node = rs_asm_enode(ep, RS_ASM_EX_SYM, t->col);
      if (node >= 0) {
        ep->p->nodes[node].name = t->text;
        ep->p->nodes[node].len = ep->t[ep->pos + 1].len + 1;
      }
      ep->pos += 2;
    } else if (t->op == '-' || t->op == '~' || t->op == '!' || t->op == '+') {
      ep->pos++;
      int a = rs_asm_parse_primary(ep);
      if (a < 0)
        break;
      if (t->op == '+') {
        node = a;
        break;
      }
      node = rs_asm_enode(ep, RS_ASM_EX_UNARY, t->col);
      if (node >= 0) {
        ep->p->nodes[node].op = t->op;
        ep->p->nodes[node].a = a;
      }
    } else {
      return rs_asm_eerror(ep, t, "");
    }
    break;
  case RS_ASM_TOK_END:
  case RS_ASM_TOK_STRING:
  case RS_ASM_TOK_REG:
    return rs_asm_eerror(ep, t, "");
  }
  ep->depth--;
  if (node < 0 && !ep->err[0]) {
    snprintf(ep->err, ep->errlen, "out of memory");
    *ep->errcol = t->col;
  }
  return node;
}

static int rs_asm_parse_binary(rs_asm_eparser *ep, int level)
{
  if (level > 4)
    return rs_asm_parse_primary(ep);
  int left = rs_asm_parse_binary(ep, level + 1);
  while (left >= 0 && ep->pos < ep->n && rs_asm_binary_level(&ep->t[ep->pos]) == level) {
    const rs_asm_tok *op = &ep->t[ep->pos++];
    if (++ep->nbinary > RS_ASM_MAX_DEPTH * 4) {
      snprintf(ep->err, ep->errlen, "expression too long");
      *ep->errcol = op->col;
      return -1;
    }
    int right = rs_asm_parse_binary(ep, level + 1);
    if (right < 0)
      return -1;
    int node = rs_asm_enode(ep, RS_ASM_EX_BINARY, op->col);
    if (node < 0)
      return -1;
    ep->p->nodes[node].op = op->op;
    ep->p->nodes[node].a = left;
    ep->p->nodes[node].b = right;
    left = node;
  }
  return left;
}

/* Parses one expression from t[*pos] (t ends with an END token); advances
 * *pos past it. Returns the root node, or -1 with the column and message. */
int rs_asm_expr_parse(rs_program *p, const rs_asm_tok *t, size_t n, size_t *pos,
                      int block, int *errcol, char *err, size_t errlen)
{
  rs_asm_eparser ep = { p, t, n, *pos, block, 0, 0, errcol, err, errlen };
  err[0] = '\0';
  int node = rs_asm_parse_binary(&ep, 1);
  *pos = ep.pos;
  return node;
}

/* Binds every SYM node from first_node on to its symbol index. */
void rs_asm_resolve_syms(rs_program *p, size_t first_node)
{
  for (size_t i = first_node; i < p->nnodes; i++)
    if (p->nodes[i].kind == RS_ASM_EX_SYM)
      p->nodes[i].sym = rs_asm_sym_find(p, p->nodes[i].name, p->nodes[i].len);
}

/* ------------------------------------------------------------ evaluation */

static bool rs_asm_eval_fail(rs_asm_evalctx *cx, int col, const char *fmt, ...)
  __attribute__((format(printf, 3, 4)));

static bool rs_asm_eval_fail(rs_asm_evalctx *cx, int col, const char *fmt, ...)
{
  va_list ap;
  va_start(ap, fmt);
  vsnprintf(cx->err, sizeof cx->err, fmt, ap);
  va_end(ap);
  cx->errcol = col;
  return false;
}

static rs_asm_value rs_asm_abs(int64_t v, bool early)
{
  return (rs_asm_value){ .v = v, .block = -1, .chunk = -1, .early = early };
}

/* The value of a label statement in the current layout. */
static rs_asm_value rs_asm_label_value(const rs_asm_evalctx *cx, int block, int stmt)
{
  const rs_asm_stmt *st = &cx->p->blocks[block].stmts[stmt];
  return (rs_asm_value){
    .v = (int64_t)rs_asm_stmt_addr(cx->p, block, stmt),
    .block = block,
    .chunk = st->chunk,
    .label = (int)(st - cx->p->blocks[block].stmts) + 1,
    .early = st->seq < cx->seq,
  };
}

static bool rs_asm_eval_node(rs_asm_evalctx *cx, int node, rs_asm_value *out);

/* The value of a `name = expr` symbol, evaluated where it is defined. An
 * error inside its expression is reported at the definition, so a use
 * fails with an empty message (and cx->cycle set for self-reference). */
static bool rs_asm_eval_set(rs_asm_evalctx *cx, int idx, int col, rs_asm_value *out)
{
  const rs_program *p = cx->p;
  const rs_asm_sym *s = &p->syms[idx];
  if (!cx->cache) {
    if (!s->final_ok)
      return rs_asm_eval_fail(cx, col, "symbol '%s' has no value", s->pub.name);
    *out = (rs_asm_value){ .v = s->final_v, .block = s->pub.block, .chunk = -1, .early = true };
    return true;
  }
  rs_asm_symcache *c = &cx->cache[idx];
  if (c->gen != cx->gen) {
    if (c->busy) {
      cx->cycle = true;
      return rs_asm_eval_fail(cx, col, "%s", "");
    }
    const rs_asm_stmt *st = &p->blocks[s->def_block].stmts[s->stmt];
    rs_asm_evalctx sub = *cx;
    sub.seq = s->seq;
    sub.block = s->def_block;
    sub.dot = (int64_t)rs_asm_stmt_addr(p, s->def_block, s->stmt);
    sub.chunk = st->chunk;
    sub.cycle = false;
    c->busy = true;
    c->ok = rs_asm_eval_node(&sub, st->expr, &c->val);
    c->busy = false;
    c->cycle = sub.cycle;
    c->gen = cx->gen;
  }
  if (!c->ok) {
    cx->cycle = cx->cycle || c->cycle;
    return rs_asm_eval_fail(cx, col, "%s", "");
  }
  *out = c->val;
  out->early = out->early && s->seq < cx->seq;
  return true;
}

static const char *rs_asm_op_name(int op, char buf[4])
{
  switch (op) {
  case RS_ASM_OP_SHL: return "<<";
  case RS_ASM_OP_SHR: return ">>";
  case RS_ASM_OP_EQ: return "==";
  case RS_ASM_OP_NE: return "!=";
  case RS_ASM_OP_LE: return "<=";
  case RS_ASM_OP_GE: return ">=";
  case RS_ASM_OP_ANDAND: return "&&";
  case RS_ASM_OP_OROR: return "||";
  default:
    buf[0] = (char)op;
    buf[1] = '\0';
    return buf;
  }
}

static bool rs_asm_is_comparison(int op)
{
  return op == RS_ASM_OP_EQ || op == RS_ASM_OP_NE || op == '<' || op == '>' ||
         op == RS_ASM_OP_LE || op == RS_ASM_OP_GE;
}

/* Applies a binary operator to two absolute values (64-bit, wrapping). */
static bool rs_asm_apply(rs_asm_evalctx *cx, const rs_asm_expr *e, int64_t a, int64_t b, int64_t *r)
{
  uint64_t ua = (uint64_t)a, ub = (uint64_t)b;
  switch (e->op) {
  case '+': *r = (int64_t)(ua + ub); return true;
  case '-': *r = (int64_t)(ua - ub); return true;
  case '*': *r = (int64_t)(ua * ub); return true;
  case '/':
  case '%':
    if (b == 0)
      return rs_asm_eval_fail(cx, e->col, "division by zero");
    if (a == INT64_MIN && b == -1)
      *r = e->op == '/' ? INT64_MIN : 0;
    else
      *r = e->op == '/' ? a / b : a % b;
    return true;
  case RS_ASM_OP_SHL: *r = ub >= 64 ? 0 : (int64_t)(ua << ub); return true;
  case RS_ASM_OP_SHR: *r = ub >= 64 ? 0 : (int64_t)(ua >> ub); return true;
  case '|': *r = (int64_t)(ua | ub); return true;
  case '&': *r = (int64_t)(ua & ub); return true;
  case '^': *r = (int64_t)(ua ^ ub); return true;
  case '!': *r = (int64_t)(ua | ~ub); return true;
  case RS_ASM_OP_EQ: *r = a == b ? -1 : 0; return true;
  case RS_ASM_OP_NE: *r = a != b ? -1 : 0; return true;
  case '<': *r = a < b ? -1 : 0; return true;
  case '>': *r = a > b ? -1 : 0; return true;
  case RS_ASM_OP_LE: *r = a <= b ? -1 : 0; return true;
  case RS_ASM_OP_GE: *r = a >= b ? -1 : 0; return true;
  case RS_ASM_OP_ANDAND: *r = (a != 0 && b != 0); return true;
  case RS_ASM_OP_OROR: *r = (a != 0 || b != 0); return true;
  default:
    return rs_asm_eval_fail(cx, e->col, "bad operator");
  }
}

static bool rs_asm_eval_binary(rs_asm_evalctx *cx, const rs_asm_expr *e, rs_asm_value *out)
{
  rs_asm_value a, b;
  char buf[4];
  if (!rs_asm_eval_node(cx, e->a, &a) || !rs_asm_eval_node(cx, e->b, &b))
    return false;
  bool early = a.early && b.early;
  if (a.block < 0 && b.block < 0) {
    *out = rs_asm_abs(0, early);
    return rs_asm_apply(cx, e, a.v, b.v, &out->v);
  }
  if (e->op == '+' && (a.block < 0 || b.block < 0)) {
    *out = a.block >= 0 ? a : b;
    out->label = a.block >= 0 ? a.label : b.label;
    out->v = (int64_t)((uint64_t)a.v + (uint64_t)b.v);
    out->early = early;
    return true;
  }
  if (e->op == '-' && b.block < 0) {
    *out = a;
    out->v = (int64_t)((uint64_t)a.v - (uint64_t)b.v);
    out->early = early;
    return true;
  }
  if (a.block >= 0 && b.block >= 0 && a.block == b.block && (e->op == '-' || rs_asm_is_comparison(e->op))) {
    /* two labels of one block: their distance is fixed once laid out, and
     * known on reading only inside one chunk */
    *out = rs_asm_abs(0, (early && a.chunk == b.chunk) || (a.label && a.label == b.label));
    return rs_asm_apply(cx, e, a.v, b.v, &out->v);
  }
  if (a.block >= 0 && b.block >= 0 && a.block != b.block)
    return rs_asm_eval_fail(cx, e->col, "labels of different blocks cannot be combined with '%s'",
                            rs_asm_op_name(e->op, buf));
  return rs_asm_eval_fail(cx, e->col, "a label cannot be used with '%s' here", rs_asm_op_name(e->op, buf));
}

static bool rs_asm_eval_node(rs_asm_evalctx *cx, int node, rs_asm_value *out)
{
  const rs_program *p = cx->p;
  const rs_asm_expr *e = &p->nodes[node];
  if (cx->depth > RS_ASM_MAX_DEPTH * 16)
    return rs_asm_eval_fail(cx, e->col, "expression nested too deeply");
  cx->depth++;
  bool ok = true;
  switch (e->kind) {
  case RS_ASM_EX_NUM:
    *out = rs_asm_abs(e->num, true);
    break;
  case RS_ASM_EX_DOT:
    if (cx->block < 0)
      ok = rs_asm_eval_fail(cx, e->col, "'.' has no value here");
    else
      *out = (rs_asm_value){ .v = cx->dot, .block = cx->block, .chunk = cx->chunk, .label = -1, .early = true };
    break;
  case RS_ASM_EX_LOCAL:
    if (e->stmt < 0)
      ok = rs_asm_eval_fail(cx, e->col, "undefined local label '%lld%c'", (long long)e->num, e->fwd ? 'f' : 'b');
    else
      *out = rs_asm_label_value(cx, e->block, e->stmt);
    break;
  case RS_ASM_EX_SYM:
    if (e->sym < 0) {
      ok = rs_asm_eval_fail(cx, e->col, "undefined symbol '%.*s'", (int)(e->len > 60 ? 60 : e->len), e->name);
    } else {
      const rs_asm_sym *s = &p->syms[e->sym];
      switch (s->kind) {
      case RS_ASM_SYM_PREDEF:
        *out = rs_asm_abs((int64_t)s->pub.value, true);
        break;
      case RS_ASM_SYM_LABEL:
        *out = rs_asm_label_value(cx, s->def_block, s->stmt);
        break;
      case RS_ASM_SYM_SET:
        ok = rs_asm_eval_set(cx, e->sym, e->col, out);
        break;
      }
    }
    break;
  case RS_ASM_EX_UNARY: {
    rs_asm_value a;
    ok = rs_asm_eval_node(cx, e->a, &a);
    if (!ok)
      break;
    if (a.block >= 0) {
      char buf[4];
      ok = rs_asm_eval_fail(cx, e->col, "a label cannot be used with unary '%s'", rs_asm_op_name(e->op, buf));
      break;
    }
    uint64_t u = (uint64_t)a.v;
    *out = rs_asm_abs(e->op == '-' ? (int64_t)(0 - u) : e->op == '~' ? (int64_t)~u : (a.v == 0), a.early);
    break;
  }
  case RS_ASM_EX_BINARY:
    ok = rs_asm_eval_binary(cx, e, out);
    break;
  }
  cx->depth--;
  return ok;
}

/* Evaluates node in context cx. On failure cx->err/errcol describe the
 * problem; an empty message means it was reported where it arose. */
bool rs_asm_eval(rs_asm_evalctx *cx, int node, rs_asm_value *out)
{
  cx->err[0] = '\0';
  cx->errcol = 0;
  cx->cycle = false;
  return rs_asm_eval_node(cx, node, out);
}

/* Evaluates the definition of the `name = expr` symbol sym in the context
 * of its own statement, with real messages for its own expression, and
 * keeps the result for later uses. Needs a cache. */
bool rs_asm_eval_definition(rs_asm_evalctx *cx, int sym, rs_asm_value *out)
{
  const rs_asm_sym *s = &cx->p->syms[sym];
  rs_asm_symcache *c = &cx->cache[sym];
  const rs_asm_stmt *st = &cx->p->blocks[s->def_block].stmts[s->stmt];
  c->busy = true;
  c->ok = rs_asm_eval(cx, st->expr, &c->val);
  c->busy = false;
  c->cycle = cx->cycle;
  c->gen = cx->gen;
  *out = c->val;
  return c->ok;
}

/* The column where the expression rooted at node starts. */
int rs_asm_expr_col(const rs_program *p, int node)
{
  while (p->nodes[node].kind == RS_ASM_EX_BINARY)
    node = p->nodes[node].a;
  return p->nodes[node].col;
}
