/* Ringside — instruction encoding: find the form of a mnemonic and its
 * operands (forms.c), pick the operand size, and build prefixes, opcode,
 * ModRM, SIB, displacement and immediate the way GNU as --32 does.
 *
 * GNU as choices reproduced here (each checked against as 2.40):
 * - prefixes are emitted in the order segment, 0x66, rep; a rep written as
 *   its own statement (`rep; movsb`) is a byte of its own, before the 0x66;
 * - a segment override naming the default segment is dropped (%ss with an
 *   %ebp/%esp base, %ds otherwise, also for moffs);
 * - a displacement known to be 0 is omitted except with an %ebp base
 *   (disp8 0); (%esp) takes a SIB byte; an index without a base always has
 *   a disp32; `(,%eax)` means scale 1;
 * - imm8 forms need a value known on reading; immediates are read as
 *   32-bit values and then at the operand size ($0xffff in a w form is -1);
 * - `shl $1` is D1 /4, `int $3` is CC, sal is /4;
 * - mov to a segment register never has 0x66, mov from one to memory is
 *   16-bit without 0x66, to a 16-bit register has 0x66;
 * - xchg with %eax/%ax uses 90+r in either order; xchg/test with two
 *   registers put the first (source) operand in ModRM.reg.
 */
#include "asm-internal.h"

#include <stdio.h>
#include <string.h>

/* Intel spellings accepted for AT&T mnemonics. */
static const struct {
  const char *alias, *canon;
} rs_asm_aliases[] = {
  { "pushad", "pushal" }, { "popad", "popal" }, { "iretd", "iretl" },
  { "pushfd", "pushfl" }, { "popfd", "popfl" },
};

/* Condition-code suffixes of jcc/setcc/cmovcc and their numbers. */
static const struct {
  const char *name;
  int cc;
} rs_asm_ccs[] = {
  { "o", 0 },   { "no", 1 },  { "b", 2 },   { "c", 2 },   { "nae", 2 }, { "ae", 3 },
  { "nb", 3 },  { "nc", 3 },  { "e", 4 },   { "z", 4 },   { "ne", 5 },  { "nz", 5 },
  { "be", 6 },  { "na", 6 },  { "a", 7 },   { "nbe", 7 }, { "s", 8 },   { "ns", 9 },
  { "p", 10 },  { "pe", 10 }, { "np", 11 }, { "po", 11 }, { "l", 12 },  { "nge", 12 },
  { "ge", 13 }, { "nl", 13 }, { "le", 14 }, { "ng", 14 }, { "g", 15 },  { "nle", 15 },
};

/* Instruction prefixes written as mnemonics. */
static const struct {
  const char *name;
  uint8_t byte;
} rs_asm_prefixes[] = {
  { "rep", 0xF3 }, { "repe", 0xF3 }, { "repz", 0xF3 }, { "repne", 0xF2 }, { "repnz", 0xF2 },
};

/* Segment-override prefix bytes, by segment register number. */
static const uint8_t rs_asm_seg_prefix[6] = { 0x26, 0x2E, 0x36, 0x3E, 0x64, 0x65 };

/* True if name (lower case) is a prefix mnemonic; *byte gets its byte. */
bool rs_asm_is_prefix(const char *name, size_t len, uint8_t *byte)
{
  for (size_t i = 0; i < sizeof rs_asm_prefixes / sizeof rs_asm_prefixes[0]; i++)
    if (strlen(rs_asm_prefixes[i].name) == len && memcmp(rs_asm_prefixes[i].name, name, len) == 0) {
      *byte = rs_asm_prefixes[i].byte;
      return true;
    }
  return false;
}

static int rs_asm_cc_lookup(const char *s)
{
  for (size_t i = 0; i < sizeof rs_asm_ccs / sizeof rs_asm_ccs[0]; i++)
    if (strcmp(s, rs_asm_ccs[i].name) == 0)
      return rs_asm_ccs[i].cc;
  return -1;
}

/* One way to read a mnemonic: the form name, a condition code, a suffix. */
typedef struct rs_asm_cand {
  char mn[24];
  int cc;
  int suffix;           /* RS_ASM_SZ_* from a b/w/l suffix, 0 = none */
} rs_asm_cand;

static void rs_asm_cand_init(rs_asm_cand *c, const char *base, size_t len, int suffix)
{
  static const char *const families[][2] = { { "j", "jcc" }, { "set", "setcc" }, { "cmov", "cmovcc" } };
  memcpy(c->mn, base, len);
  c->mn[len] = '\0';
  c->cc = -1;
  c->suffix = suffix;
  for (size_t i = 0; i < 3; i++) {
    size_t n = strlen(families[i][0]);
    if (len > n && strncmp(base, families[i][0], n) == 0) {
      int cc = rs_asm_cc_lookup(c->mn + n);
      if (cc >= 0) {
        snprintf(c->mn, sizeof c->mn, "%s", families[i][1]);
        c->cc = cc;
        return;
      }
    }
  }
}

/* The readings of a mnemonic: as written, then without a size suffix. */
static size_t rs_asm_candidates(const char *mnem, rs_asm_cand out[2])
{
  const char *name = mnem;
  for (size_t i = 0; i < sizeof rs_asm_aliases / sizeof rs_asm_aliases[0]; i++)
    if (strcmp(mnem, rs_asm_aliases[i].alias) == 0)
      name = rs_asm_aliases[i].canon;
  size_t len = strlen(name);
  size_t n = 0;
  rs_asm_cand_init(&out[n++], name, len, 0);
  if (len > 1) {
    char last = name[len - 1];
    int sz = last == 'b' ? RS_ASM_SZ_B : last == 'w' ? RS_ASM_SZ_W : last == 'l' ? RS_ASM_SZ_L : 0;
    if (sz)
      rs_asm_cand_init(&out[n++], name, len - 1, sz);
  }
  return n;
}

/* ------------------------------------------------------------- matching */

typedef enum rs_asm_why {
  RS_ASM_WHY_OK, RS_ASM_WHY_COUNT, RS_ASM_WHY_SUFFIX, RS_ASM_WHY_TYPE,
  RS_ASM_WHY_SIZE, RS_ASM_WHY_AMBIG,
} rs_asm_why;

typedef struct rs_asm_match {
  rs_asm_why why;
  int op;               /* the operand that failed */
  int size;             /* chosen operand size on success */
} rs_asm_match;

static int rs_asm_gpr_size(const rs_asm_operand *o)
{
  if (o->kind != RS_ASM_OPD_REG)
    return 0;
  switch (o->reg.cls) {
  case RS_ASM_RC_GPR8: return 1;
  case RS_ASM_RC_GPR16: return 2;
  case RS_ASM_RC_GPR32: return 4;
  case RS_ASM_RC_SREG:
  case RS_ASM_RC_CREG:
    return 0;
  }
  return 0;
}

static bool rs_asm_is_reg(const rs_asm_operand *o, rs_asm_reg_class cls)
{
  return o->kind == RS_ASM_OPD_REG && o->reg.cls == cls;
}

/* Whether operand o can be of kind k; *regsize gets the size it implies. */
static bool rs_asm_kind_accepts(rs_asm_kind k, const rs_asm_operand *o, int *regsize)
{
  bool mem = o->kind == RS_ASM_OPD_MEM && !o->port_dx;
  bool imm = o->kind == RS_ASM_OPD_IMM;
  int gpr = rs_asm_gpr_size(o);
  *regsize = 0;
  if (o->star && k != RS_ASM_K_IND)
    return false;
  switch (k) {
  case RS_ASM_K_NONE:
    return false;
  case RS_ASM_K_R:
  case RS_ASM_K_GR:
    *regsize = gpr;
    return gpr != 0;
  case RS_ASM_K_RM:
    *regsize = gpr;
    return gpr != 0 || mem;
  case RS_ASM_K_M:
    return mem;
  case RS_ASM_K_ACC:
    *regsize = gpr;
    return gpr != 0 && o->reg.num == 0;
  case RS_ASM_K_IMM:
  case RS_ASM_K_IMM8S:
  case RS_ASM_K_IMM8:
  case RS_ASM_K_IMM16:
  case RS_ASM_K_ONE:
  case RS_ASM_K_THREE:
    return imm;
  case RS_ASM_K_CL:
    return rs_asm_is_reg(o, RS_ASM_RC_GPR8) && o->reg.num == 1;
  case RS_ASM_K_DX:
    return (rs_asm_is_reg(o, RS_ASM_RC_GPR16) && o->reg.num == 2) || (o->kind == RS_ASM_OPD_MEM && o->port_dx);
  case RS_ASM_K_SREG:
    return rs_asm_is_reg(o, RS_ASM_RC_SREG);
  case RS_ASM_K_SREGLO:
    return rs_asm_is_reg(o, RS_ASM_RC_SREG) && o->reg.num < 4;
  case RS_ASM_K_SREGPOP:
    return rs_asm_is_reg(o, RS_ASM_RC_SREG) && o->reg.num < 4 && o->reg.num != 1;
  case RS_ASM_K_SREGHI:
    return rs_asm_is_reg(o, RS_ASM_RC_SREG) && o->reg.num >= 4;
  case RS_ASM_K_CREG:
    return rs_asm_is_reg(o, RS_ASM_RC_CREG);
  case RS_ASM_K_R32RM:
    return gpr == 4;
  case RS_ASM_K_RM8:
    return gpr == 1 || mem;
  case RS_ASM_K_RM16:
    return gpr == 2 || mem;
  case RS_ASM_K_MOFFS:
    return mem && o->base < 0 && o->index < 0 && o->expr >= 0;
  case RS_ASM_K_REL:
    return mem && o->base < 0 && o->index < 0 && o->seg < 0;
  case RS_ASM_K_IND:
    if (gpr)
      return gpr == 4;
    return mem && (o->star || o->base >= 0 || o->index >= 0);
  }
  return false;
}

/* The value of expr if GNU as would know it as a constant on reading. */
static bool rs_asm_early_const(rs_asm_evalctx *cx, int expr, int64_t *v)
{
  rs_asm_value val;
  if (expr < 0) {
    *v = 0;
    return true;
  }
  if (!rs_asm_eval(cx, expr, &val) || val.block >= 0 || !val.early)
    return false;
  *v = val.v;
  return true;
}

/* v truncated to size bytes and sign-extended back. */
static int64_t rs_asm_sext(int64_t v, int size)
{
  uint64_t u = (uint64_t)v;
  switch (size) {
  case 1: return (int8_t)(uint8_t)u;
  case 2: return (int16_t)(uint16_t)u;
  case 4: return (int32_t)(uint32_t)u;
  default: return v;
  }
}

/* GNU as reads an immediate as a 32-bit value, then as a value of the
 * operand size: with a w suffix $0xffff is -1, so it fits an imm8. */
int64_t rs_asm_imm_normalize(int64_t v, int size)
{
  if (v >= INT32_MIN && v <= (int64_t)UINT32_MAX)
    v = rs_asm_sext(v, 4);
  if ((size == 1 || size == 2) && v >= -((int64_t)1 << (size * 8 - 1)) &&
      v <= (int64_t)((UINT64_C(1) << (size * 8)) - 1))
    v = rs_asm_sext(v, size);
  return v;
}

static bool rs_asm_imm_value_ok(rs_asm_kind k, int size, rs_asm_evalctx *cx, int expr)
{
  int64_t v;
  if (k == RS_ASM_K_ONE)
    return rs_asm_early_const(cx, expr, &v) && v == 1;
  if (k == RS_ASM_K_THREE)
    return rs_asm_early_const(cx, expr, &v) && v == 3;
  if (k != RS_ASM_K_IMM8S)
    return true;
  if (!rs_asm_early_const(cx, expr, &v))
    return false;
  v = rs_asm_imm_normalize(v, size);
  return v >= -128 && v <= 127;
}

static void rs_asm_match_form(const rs_asm_form *f, const rs_asm_insn *in, int suffix,
                              rs_asm_evalctx *cx, rs_asm_match *m)
{
  int nk = 0;
  while (nk < RS_ASM_MAX_OPERANDS && f->kinds[nk] != RS_ASM_K_NONE)
    nk++;
  *m = (rs_asm_match){ .why = RS_ASM_WHY_OK };
  if (nk != in->nops) {
    m->why = RS_ASM_WHY_COUNT;
    return;
  }
  if (suffix && !(f->sizes & suffix)) {
    m->why = RS_ASM_WHY_SUFFIX;
    return;
  }
  int size = suffix, size_op = -1;
  for (int i = 0; i < nk; i++) {
    int rs;
    if (!rs_asm_kind_accepts((rs_asm_kind)f->kinds[i], &in->ops[i], &rs)) {
      m->why = RS_ASM_WHY_TYPE;
      m->op = i;
      return;
    }
    if (rs && !(f->flags & RS_ASM_F_NOSZ)) {
      if (size && size != rs) {
        m->why = RS_ASM_WHY_SIZE;
        m->op = i;
        return;
      }
      if (!size)
        size_op = i;
      size = rs;
    }
  }
  if (!(f->flags & RS_ASM_F_NOSZ)) {
    if (!size && (f->flags & RS_ASM_F_D32))
      size = RS_ASM_SZ_L;
    if (!size) {
      m->why = RS_ASM_WHY_AMBIG;
      m->op = nk;
      return;
    }
    if (!(f->sizes & size)) {
      m->why = RS_ASM_WHY_SIZE;
      m->op = size_op >= 0 ? size_op : 0;
      return;
    }
  }
  for (int i = 0; i < nk; i++)
    if (!rs_asm_imm_value_ok((rs_asm_kind)f->kinds[i], size, cx, in->ops[i].expr)) {
      m->why = RS_ASM_WHY_TYPE;
      m->op = i;
      return;
    }
  m->size = size;
}

/* ------------------------------------------------------------- encoding */

static bool rs_asm_kind_is_rm(rs_asm_kind k)
{
  return k == RS_ASM_K_RM || k == RS_ASM_K_GR || k == RS_ASM_K_M || k == RS_ASM_K_R32RM ||
         k == RS_ASM_K_RM8 || k == RS_ASM_K_RM16 || k == RS_ASM_K_IND;
}

static bool rs_asm_kind_is_reg_field(rs_asm_kind k)
{
  return k == RS_ASM_K_R || k == RS_ASM_K_SREG || k == RS_ASM_K_CREG;
}

static void rs_asm_add_seg(rs_asm_enc *e, const rs_asm_operand *o)
{
  if (o->seg < 0)
    return;
  /* GNU as drops an override that names the default segment */
  int dflt = (o->base == 4 || o->base == 5) ? 2 : 3;
  if (o->seg != dflt)
    e->pfx[e->npfx++] = rs_asm_seg_prefix[o->seg];
}

/* ModRM.mod/rm, SIB and displacement of a 32-bit memory operand. */
static void rs_asm_encode_mem(rs_asm_enc *e, const rs_asm_operand *o, rs_asm_evalctx *cx, int *mod, int *rm)
{
  int64_t dv = 0;
  bool known = rs_asm_early_const(cx, o->expr, &dv);
  e->disp_expr = o->expr;
  e->disp_col = o->col;
  if (o->base < 0 && o->index < 0) {
    *mod = 0;
    *rm = 5;
    e->disp_size = 4;
    return;
  }
  if (o->index < 0 && o->base != 4) {
    *rm = o->base;
  } else {
    static const uint8_t scale_bits[9] = { 0, 0, 1, 0, 2, 0, 0, 0, 3 };
    *rm = 4;
    e->has_sib = true;
    e->sib = (uint8_t)(scale_bits[o->scale] << 6 | (o->index < 0 ? 4 : o->index) << 3 |
                       (o->base < 0 ? 5 : o->base));
  }
  if (o->base < 0) {
    *mod = 0;
    e->disp_size = 4;
  } else if (known && dv == 0 && o->base != 5) {
    *mod = 0;
    e->disp_size = 0;
  } else if (known && dv >= -128 && dv <= 127) {
    *mod = 1;
    e->disp_size = 1;
  } else {
    *mod = 2;
    e->disp_size = 4;
  }
}

static void rs_asm_build(const rs_asm_form *f, const rs_asm_insn *in, int size, int cc,
                         rs_asm_evalctx *cx, rs_asm_enc *e)
{
  memset(e, 0, sizeof *e);
  e->disp_expr = e->imm_expr = e->target_expr = -1;
  e->cc = -1;
  int regfield = f->ext, rmop = -1, regop = -1;
  unsigned opc = f->opc;
  for (int i = 0; i < in->nops; i++) {
    rs_asm_kind k = (rs_asm_kind)f->kinds[i];
    const rs_asm_operand *o = &in->ops[i];
    if (o->kind == RS_ASM_OPD_MEM && k != RS_ASM_K_REL)
      rs_asm_add_seg(e, o);
    if (rs_asm_kind_is_rm(k))
      rmop = i;
    else if (rs_asm_kind_is_reg_field(k))
      regop = i;
    if (k == RS_ASM_K_IMM || k == RS_ASM_K_IMM8S || k == RS_ASM_K_IMM8 || k == RS_ASM_K_IMM16) {
      e->imm_size = k == RS_ASM_K_IMM ? (uint8_t)size : k == RS_ASM_K_IMM16 ? 2 : 1;
      e->imm_range = k == RS_ASM_K_IMM8S ? (uint8_t)size : e->imm_size;
      e->imm_opsize = (uint8_t)size;
      e->imm_expr = o->expr;
      e->imm_col = o->col;
    } else if (k == RS_ASM_K_MOFFS) {
      e->disp_size = 4;
      e->disp_expr = o->expr;
      e->disp_col = o->col;
    } else if (k == RS_ASM_K_REL) {
      e->target_expr = o->expr;
      e->target_col = o->col;
    } else if (k == RS_ASM_K_SREGLO || k == RS_ASM_K_SREGPOP || k == RS_ASM_K_SREGHI) {
      opc += 8u * (unsigned)(o->reg.num >= 4 ? o->reg.num - 4 : o->reg.num);
    }
  }
  if (((size == RS_ASM_SZ_W) && !(f->flags & (RS_ASM_F_NOSZ | RS_ASM_F_NO66))) || (f->flags & RS_ASM_F_P66))
    e->pfx[e->npfx++] = 0x66;
  if (in->rep)
    e->pfx[e->npfx++] = in->rep;
  if (f->flags & RS_ASM_F_CC)
    opc += (unsigned)cc;
  if (f->flags & RS_ASM_F_PLUSR)
    opc += (unsigned)in->ops[regop].reg.num;
  if (f->flags & RS_ASM_F_RELAX) {
    e->br = RS_ASM_BR_RELAX;
    e->cc = (f->flags & RS_ASM_F_CC) ? cc : -1;
    return;
  }
  e->br = (f->flags & RS_ASM_F_REL8) ? RS_ASM_BR_REL8 : (f->flags & RS_ASM_F_REL32) ? RS_ASM_BR_REL32 : RS_ASM_BR_NONE;
  if (opc > 0xff)
    e->opc[e->nopc++] = (uint8_t)(opc >> 8);
  e->opc[e->nopc++] = (uint8_t)opc;
  if (f->flags & RS_ASM_F_IMUL2)
    rmop = regop;
  if (rmop < 0)
    return;
  if (regfield < 0)
    regfield = regop >= 0 ? in->ops[regop].reg.num : 0;
  int mod, rm;
  const rs_asm_operand *o = &in->ops[rmop];
  if (o->kind == RS_ASM_OPD_REG) {
    mod = 3;
    rm = o->reg.num;
  } else {
    rs_asm_encode_mem(e, o, cx, &mod, &rm);
  }
  e->has_modrm = true;
  e->modrm = (uint8_t)(mod << 6 | regfield << 3 | rm);
}

/* Chooses the encoding of the instruction at blocks[block].stmts[stmt] and
 * reports a diagnostic if it has none. cx is the statement's context. */
bool rs_asm_encode(rs_program *p, int block, int stmt, rs_asm_evalctx *cx)
{
  rs_asm_stmt *st = &p->blocks[block].stmts[stmt];
  rs_asm_insn *in = st->insn;
  rs_asm_cand cands[2];
  size_t ncand = rs_asm_candidates(in->mnem, cands);
  rs_asm_match best = { .why = RS_ASM_WHY_OK };
  int best_score = -1;
  bool any = false;
  for (size_t c = 0; c < ncand; c++)
    for (size_t i = 0; i < rs_asm_nforms; i++) {
      const rs_asm_form *f = &rs_asm_forms[i];
      if (strcmp(f->mn, cands[c].mn) != 0)
        continue;
      any = true;
      rs_asm_match m;
      rs_asm_match_form(f, in, cands[c].suffix, cx, &m);
      if (m.why == RS_ASM_WHY_OK) {
        if (in->rep && !(f->flags & RS_ASM_F_REP)) {
          rs_asm_diag_add(p, block, st->line, in->rep_col, "'rep' prefix is not allowed with '%s'", in->mnem);
          return false;
        }
        rs_asm_build(f, in, m.size, cands[c].cc, cx, &in->enc);
        in->encoded = true;
        return true;
      }
      int score = m.why == RS_ASM_WHY_COUNT ? 0 : m.why == RS_ASM_WHY_SUFFIX ? 1
                : 10 + 2 * m.op + (m.why == RS_ASM_WHY_SIZE || m.why == RS_ASM_WHY_AMBIG);
      if (score > best_score) {
        best_score = score;
        best = m;
      }
    }
  if (!any) {
    rs_asm_diag_add(p, block, st->line, in->mnem_col, "unknown mnemonic '%s'", in->mnem);
    return false;
  }
  switch (best.why) {
  case RS_ASM_WHY_COUNT:
    rs_asm_diag_add(p, block, st->line, in->mnem_col, "wrong number of operands for '%s'", in->mnem);
    break;
  case RS_ASM_WHY_SUFFIX:
    rs_asm_diag_add(p, block, st->line, in->mnem_col, "invalid size suffix for '%s'", in->mnem);
    break;
  case RS_ASM_WHY_TYPE:
    rs_asm_diag_add(p, block, st->line, in->ops[best.op].col, "bad operand for '%s'", in->mnem);
    break;
  case RS_ASM_WHY_SIZE:
    rs_asm_diag_add(p, block, st->line, in->ops[best.op].col, "operand size mismatch for '%s'", in->mnem);
    break;
  case RS_ASM_WHY_AMBIG:
    rs_asm_diag_add(p, block, st->line, in->mnem_col,
                    "no instruction mnemonic suffix given and no register operands; unable to determine size");
    break;
  case RS_ASM_WHY_OK:
    break;
  }
  return false;
}

/* Bytes of an encoding in the current layout. */
uint64_t rs_asm_enc_size(const rs_asm_enc *e)
{
  uint64_t n = (uint64_t)e->npfx + e->nopc + e->has_modrm + e->has_sib + e->disp_size + e->imm_size;
  switch (e->br) {
  case RS_ASM_BR_NONE: break;
  case RS_ASM_BR_REL8: n += 1; break;
  case RS_ASM_BR_REL32: n += 4; break;
  case RS_ASM_BR_RELAX: n += !e->br_long ? 2 : e->cc < 0 ? 5 : 6; break;
  }
  return n;
}

static uint8_t *rs_asm_put(uint8_t *out, uint64_t v, int n)
{
  for (int i = 0; i < n; i++)
    *out++ = (uint8_t)(v >> (8 * i));
  return out;
}

/* Writes the bytes of e with the displacement, immediate and branch
 * displacement (relative to the end of the instruction) already known. */
void rs_asm_encode_bytes(const rs_asm_enc *e, uint8_t *out, const int64_t *disp, const int64_t *imm, int64_t rel)
{
  for (int i = 0; i < e->npfx; i++)
    *out++ = e->pfx[i];
  if (e->br == RS_ASM_BR_RELAX) {
    if (!e->br_long) {
      *out++ = (uint8_t)(e->cc < 0 ? 0xEB : 0x70 + e->cc);
      *out = (uint8_t)rel;
    } else if (e->cc < 0) {
      *out++ = 0xE9;
      rs_asm_put(out, (uint64_t)rel, 4);
    } else {
      *out++ = 0x0F;
      *out++ = (uint8_t)(0x80 + e->cc);
      rs_asm_put(out, (uint64_t)rel, 4);
    }
    return;
  }
  for (int i = 0; i < e->nopc; i++)
    *out++ = e->opc[i];
  if (e->has_modrm)
    *out++ = e->modrm;
  if (e->has_sib)
    *out++ = e->sib;
  out = rs_asm_put(out, (uint64_t)*disp, e->disp_size);
  out = rs_asm_put(out, (uint64_t)*imm, e->imm_size);
  if (e->br == RS_ASM_BR_REL8)
    *out = (uint8_t)rel;
  else if (e->br == RS_ASM_BR_REL32)
    rs_asm_put(out, (uint64_t)rel, 4);
}
