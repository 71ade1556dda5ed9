/* Ringside — assembler operands: registers, $immediates and AT&T memory
 * references seg:disp(base,index,scale). */
#include "asm-internal.h"

#include <ctype.h>
#include <stdio.h>
#include <string.h>

/* Every register the subset knows, with its class and hardware number. */
static const struct {
  const char *name;
  rs_asm_reg_class cls;
  int num;
} rs_asm_regs[] = {
  { "al", RS_ASM_RC_GPR8, 0 },   { "cl", RS_ASM_RC_GPR8, 1 },   { "dl", RS_ASM_RC_GPR8, 2 },
  { "bl", RS_ASM_RC_GPR8, 3 },   { "ah", RS_ASM_RC_GPR8, 4 },   { "ch", RS_ASM_RC_GPR8, 5 },
  { "dh", RS_ASM_RC_GPR8, 6 },   { "bh", RS_ASM_RC_GPR8, 7 },
  { "ax", RS_ASM_RC_GPR16, 0 },  { "cx", RS_ASM_RC_GPR16, 1 },  { "dx", RS_ASM_RC_GPR16, 2 },
  { "bx", RS_ASM_RC_GPR16, 3 },  { "sp", RS_ASM_RC_GPR16, 4 },  { "bp", RS_ASM_RC_GPR16, 5 },
  { "si", RS_ASM_RC_GPR16, 6 },  { "di", RS_ASM_RC_GPR16, 7 },
  { "eax", RS_ASM_RC_GPR32, 0 }, { "ecx", RS_ASM_RC_GPR32, 1 }, { "edx", RS_ASM_RC_GPR32, 2 },
  { "ebx", RS_ASM_RC_GPR32, 3 }, { "esp", RS_ASM_RC_GPR32, 4 }, { "ebp", RS_ASM_RC_GPR32, 5 },
  { "esi", RS_ASM_RC_GPR32, 6 }, { "edi", RS_ASM_RC_GPR32, 7 },
  { "es", RS_ASM_RC_SREG, 0 },   { "cs", RS_ASM_RC_SREG, 1 },   { "ss", RS_ASM_RC_SREG, 2 },
  { "ds", RS_ASM_RC_SREG, 3 },   { "fs", RS_ASM_RC_SREG, 4 },   { "gs", RS_ASM_RC_SREG, 5 },
  { "cr0", RS_ASM_RC_CREG, 0 },  { "cr2", RS_ASM_RC_CREG, 2 },  { "cr3", RS_ASM_RC_CREG, 3 },
  { "cr4", RS_ASM_RC_CREG, 4 },
};

/* Looks up a register name (without '%'), ignoring case. */
bool rs_asm_reg_lookup(const char *name, size_t len, rs_asm_reg *out)
{
  if (len == 0 || len > 3)
    return false;
  char low[4] = { 0 };
  for (size_t i = 0; i < len; i++)
    low[i] = (char)tolower((unsigned char)name[i]);
  for (size_t i = 0; i < sizeof rs_asm_regs / sizeof rs_asm_regs[0]; i++)
    if (strcmp(low, rs_asm_regs[i].name) == 0) {
      out->cls = rs_asm_regs[i].cls;
      out->num = rs_asm_regs[i].num;
      return true;
    }
  return false;
}

static bool rs_asm_opfail(int *errcol, char *err, size_t errlen, int col, const char *fmt, ...)
  __attribute__((format(printf, 5, 6)));

static bool rs_asm_opfail(int *errcol, char *err, size_t errlen, int col, const char *fmt, ...)
{
  va_list ap;
  va_start(ap, fmt);
  vsnprintf(err, errlen, fmt, ap);
  va_end(ap);
  *errcol = col;
  return false;
}

static bool rs_asm_reg_tok(const rs_asm_tok *t, rs_asm_reg *r, int *errcol, char *err, size_t errlen)
{
  if (rs_asm_reg_lookup(t->text, t->len, r))
    return true;
  return rs_asm_opfail(errcol, err, errlen, t->col, "bad register name '%%%.*s'",
                       (int)(t->len > 20 ? 20 : t->len), t->text);
}

/* Parses an expression that must fill t[from, to). */
static int rs_asm_whole_expr(rs_program *p, const rs_asm_tok *t, size_t from, size_t to, int block,
                             int *errcol, char *err, size_t errlen)
{
  size_t pos = 0;
  int e = rs_asm_expr_parse(p, t + from, to - from, &pos, block, errcol, err, errlen);
  if (e < 0)
    return -1;
  if (pos != to - from) {
    const rs_asm_tok *bad = &t[from + pos];
    rs_asm_opfail(errcol, err, errlen, bad->col, "bad expression near '%.*s'",
                  (int)(bad->len > 40 ? 40 : bad->len), bad->text);
    return -1;
  }
  return e;
}

/* Reads the "(base,index,scale)" group t[from, to) where t[to-1] is ')'. */
static bool rs_asm_parse_bis(const rs_asm_tok *t, size_t from, size_t to, rs_asm_operand *out,
                             int *errcol, char *err, size_t errlen)
{
  size_t i = from + 1;
  rs_asm_reg r;
  if (t[i].kind == RS_ASM_TOK_REG) {
    if (!rs_asm_reg_tok(&t[i], &r, errcol, err, errlen))
      return false;
    if (r.cls != RS_ASM_RC_GPR32)
      return rs_asm_opfail(errcol, err, errlen, t[i].col, "base register must be a 32-bit register");
    out->base = r.num;
    i++;
  }
  if (i < to - 1 && rs_asm_tok_is(&t[i], ',')) {
    i++;
    if (i < to - 1 && t[i].kind == RS_ASM_TOK_REG) {
      if (!rs_asm_reg_tok(&t[i], &r, errcol, err, errlen))
        return false;
      if (r.cls != RS_ASM_RC_GPR32 || r.num == 4)
        return rs_asm_opfail(errcol, err, errlen, t[i].col, "'%%%.*s' cannot be an index register",
                             (int)t[i].len, t[i].text);
      out->index = r.num;
      i++;
    } else {
      return rs_asm_opfail(errcol, err, errlen, t[i].col, "expected an index register");
    }
    if (i < to - 1 && rs_asm_tok_is(&t[i], ',')) {
      i++;
      if (i < to - 1 && t[i].kind == RS_ASM_TOK_NUM &&
          (t[i].num == 1 || t[i].num == 2 || t[i].num == 4 || t[i].num == 8)) {
        out->scale = (int)t[i].num;
        i++;
      } else {
        return rs_asm_opfail(errcol, err, errlen, t[i].col, "scale factor must be 1, 2, 4 or 8");
      }
    }
  }
  if (i != to - 1)
    return rs_asm_opfail(errcol, err, errlen, t[i].col, "bad memory operand near '%.*s'",
                         (int)(t[i].len > 40 ? 40 : t[i].len), t[i].text);
  if (out->base < 0 && out->index < 0)
    return rs_asm_opfail(errcol, err, errlen, t[from].col, "bad memory operand: no register in '()'");
  return true;
}

/* Parses one operand from the tokens t[0, n) (n >= 1). */
bool rs_asm_operand_parse(rs_program *p, const rs_asm_tok *t, size_t n, int block,
                          rs_asm_operand *out, int *errcol, char *err, size_t errlen)
{
  memset(out, 0, sizeof *out);
  out->col = t[0].col;
  out->expr = out->seg = out->base = out->index = -1;
  out->scale = 1;
  size_t i = 0;
  if (rs_asm_tok_is(&t[0], '*')) {
    out->star = true;
    i++;
  }
  if (i >= n)
    return rs_asm_opfail(errcol, err, errlen, t[0].col, "missing operand after '*'");
  if (rs_asm_tok_is(&t[i], '$')) {
    if (out->star)
      return rs_asm_opfail(errcol, err, errlen, t[i].col, "an immediate cannot be indirect");
    if (i + 1 >= n)
      return rs_asm_opfail(errcol, err, errlen, t[i].col, "missing immediate value after '$'");
    out->kind = RS_ASM_OPD_IMM;
    out->expr = rs_asm_whole_expr(p, t, i + 1, n, block, errcol, err, errlen);
    return out->expr >= 0;
  }
  if (t[i].kind == RS_ASM_TOK_REG) {
    rs_asm_reg r;
    if (!rs_asm_reg_tok(&t[i], &r, errcol, err, errlen))
      return false;
    if (i + 1 == n) {
      out->kind = RS_ASM_OPD_REG;
      out->reg = r;
      return true;
    }
    if (!rs_asm_tok_is(&t[i + 1], ':') || r.cls != RS_ASM_RC_SREG)
      return rs_asm_opfail(errcol, err, errlen, t[i + 1].col, "bad operand near '%.*s'",
                           (int)(t[i + 1].len > 40 ? 40 : t[i + 1].len), t[i + 1].text);
    out->seg = r.num;
    i += 2;
    if (i >= n)
      return rs_asm_opfail(errcol, err, errlen, t[i - 1].col, "missing memory reference after segment");
  }
  out->kind = RS_ASM_OPD_MEM;
  rs_asm_reg r;
  if (n - i == 3 && out->seg < 0 && rs_asm_tok_is(&t[i], '(') && t[i + 1].kind == RS_ASM_TOK_REG &&
      rs_asm_tok_is(&t[i + 2], ')') && rs_asm_reg_lookup(t[i + 1].text, t[i + 1].len, &r) &&
      r.cls == RS_ASM_RC_GPR16 && r.num == 2) {
    out->port_dx = true;   /* GNU as accepts "(%dx)" as the port of in/out */
    return true;
  }
  size_t disp_end = n;
  if (rs_asm_tok_is(&t[n - 1], ')')) {
    size_t j = n - 1;
    int depth = 0;
    for (;;) {
      if (rs_asm_tok_is(&t[j], ')'))
        depth++;
      else if (rs_asm_tok_is(&t[j], '('))
        depth--;
      if (depth == 0 || j == i)
        break;
      j--;
    }
    if (depth == 0 && j + 1 < n && (t[j + 1].kind == RS_ASM_TOK_REG || rs_asm_tok_is(&t[j + 1], ','))) {
      if (!rs_asm_parse_bis(t, j, n, out, errcol, err, errlen))
        return false;
      disp_end = j;
    }
  }
  if (disp_end > i) {
    out->expr = rs_asm_whole_expr(p, t, i, disp_end, block, errcol, err, errlen);
    if (out->expr < 0)
      return false;
  } else if (out->base < 0 && out->index < 0) {
    return rs_asm_opfail(errcol, err, errlen, t[i < n ? i : n - 1].col, "missing memory reference");
  }
  return true;
}
