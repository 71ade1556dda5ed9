/* The disassembler: one decoded instruction (insn.h) in AT&T syntax,
 * spelled exactly as GNU objdump -d (binutils 2.40, default options)
 * spells it, with the mnemonic followed by one space instead of padding.
 * tests/sim/test-disasm.c holds the two to each other instruction by
 * instruction. */
#include <ringside/disasm.h>

#include <stdarg.h>
#include <stdbool.h>
#include <stdio.h>

#include <ringside/machine.h>

#include "insn.h"

/* ---- output with snprintf semantics: never overflows, always ends in NUL ---- */

typedef struct text {
  char *p;
  size_t cap, n; /* n counts what would have been written, like snprintf */
} text;

static void put(text *t, const char *fmt, ...) {
  va_list ap;
  va_start(ap, fmt);
  bool room = t->n < t->cap;
  int k = vsnprintf(room ? t->p + t->n : NULL, room ? t->cap - t->n : 0, fmt, ap);
  va_end(ap);
  if (k > 0) t->n += (size_t)k;
}

/* ---- how objdump spells each operation ---- */

enum {
  M_SIZED = 1u << 0,  /* b/w/l suffix when a memory destination has no register
                         beside it: "addl $0x1,(%eax)", "incb (%eax)" */
  M_COUNT = 1u << 1,  /* o[1] is a shift count: it never shows the size */
  M_WORD = 1u << 2,   /* 'w' suffix at operand size 16 unless the operand is a
                         general register: "pushw $0x1", "popw %ds", "iretw" */
  M_ALWAYS = 1u << 3, /* b/w/l suffix always: "movsb", "cmpsl" */
  M_LONG = 1u << 4,   /* 'l' suffix always: "lgdtl" */
  M_COND = 1u << 5,   /* condition-code suffix: "je", "setne", "cmovb" */
  M_STAR = 1u << 6,   /* register or memory target shown with '*': "call *%eax" */
  M_REPZ = 1u << 7,   /* F3/F2 read "repz"/"repnz" (they test ZF), not "rep"/"repnz" */
};

/* Implied operands of the string instructions, in AT&T order. */
enum { I_NONE, I_SRC /* seg:(%esi) */, I_DST /* %es:(%edi) */, I_ACC /* %al/%ax/%eax */ };

typedef struct spelling {
  uint8_t traits;     /* M_* */
  uint8_t implied[2]; /* I_*: operands objdump shows that the decoder leaves implicit */
} spelling;

#define T(traits_) { traits_, { I_NONE, I_NONE } }
#define SHIFT T(M_SIZED | M_COUNT)

static const spelling spellings[RS_NOPS] = {
  [RS_OP_MOV] = T(M_SIZED), [RS_OP_ADD] = T(M_SIZED), [RS_OP_OR] = T(M_SIZED),
  [RS_OP_ADC] = T(M_SIZED), [RS_OP_SBB] = T(M_SIZED), [RS_OP_AND] = T(M_SIZED),
  [RS_OP_SUB] = T(M_SIZED), [RS_OP_XOR] = T(M_SIZED), [RS_OP_CMP] = T(M_SIZED),
  [RS_OP_INC] = T(M_SIZED), [RS_OP_DEC] = T(M_SIZED), [RS_OP_NEG] = T(M_SIZED),
  [RS_OP_NOT] = T(M_SIZED), [RS_OP_TEST] = T(M_SIZED), [RS_OP_MUL] = T(M_SIZED),
  [RS_OP_IMUL] = T(M_SIZED), [RS_OP_DIV] = T(M_SIZED), [RS_OP_IDIV] = T(M_SIZED),
  [RS_OP_ROL] = SHIFT, [RS_OP_ROR] = SHIFT, [RS_OP_RCL] = SHIFT,
  [RS_OP_RCR] = SHIFT, [RS_OP_SHL] = SHIFT, [RS_OP_SHR] = SHIFT,
  [RS_OP_SAR] = SHIFT,
  [RS_OP_PUSH] = T(M_WORD), [RS_OP_POP] = T(M_WORD), [RS_OP_PUSHA] = T(M_WORD),
  [RS_OP_POPA] = T(M_WORD), [RS_OP_PUSHF] = T(M_WORD), [RS_OP_POPF] = T(M_WORD),
  [RS_OP_IRET] = T(M_WORD),
  [RS_OP_LGDT] = T(M_LONG), [RS_OP_LIDT] = T(M_LONG), [RS_OP_SGDT] = T(M_LONG),
  [RS_OP_SIDT] = T(M_LONG),
  [RS_OP_JCC] = T(M_COND), [RS_OP_SETCC] = T(M_COND), [RS_OP_CMOVCC] = T(M_COND),
  [RS_OP_CALL] = T(M_STAR), [RS_OP_JMP] = T(M_STAR),
  [RS_OP_MOVS] = { M_ALWAYS, { I_SRC, I_DST } },
  [RS_OP_CMPS] = { M_ALWAYS | M_REPZ, { I_DST, I_SRC } },
  [RS_OP_LODS] = { 0, { I_SRC, I_ACC } },
  [RS_OP_STOS] = { 0, { I_ACC, I_DST } },
  [RS_OP_SCAS] = { M_REPZ, { I_DST, I_ACC } },
};

#undef SHIFT
#undef T

/* Condition codes in encoding order (SDM Vol. 1 App. B), as objdump names them. */
static const char cond_names[16][3] = { "o", "no", "b", "ae", "e", "ne", "be", "a",
                                        "s", "ns", "p", "np", "l", "ge", "le", "g" };

static const char gpr_names[3][RS_NREG][4] = {
  { "al", "cl", "dl", "bl", "ah", "ch", "dh", "bh" },
  { "ax", "cx", "dx", "bx", "sp", "bp", "si", "di" },
  { "eax", "ecx", "edx", "ebx", "esp", "ebp", "esi", "edi" },
};

static const char sreg_names[RS_NSREG][3] = { "es", "cs", "ss", "ds", "fs", "gs" };

static const char *gpr_name(unsigned reg, unsigned size) {
  return gpr_names[size == 1 ? 0 : size == 2 ? 1 : 2][reg & 7];
}

static char size_letter(unsigned size) { return size == 1 ? 'b' : size == 2 ? 'w' : 'l'; }

/* ---- mnemonic ---- */

static void put_mnemonic(text *t, const rs_insn *in, unsigned traits) {
  const rs_operand *o = in->o;
  if (in->rep && in->op != RS_OP_NOP)
    put(t, "%s ", in->rep == RS_REP_NE ? "repnz" : (traits & M_REPZ) ? "repz" : "rep");

  switch (in->op) { /* operations whose names objdump spells out per size */
  case RS_OP_CBW: put(t, "%s", in->osize == 2 ? "cbtw" : "cwtl"); return;
  case RS_OP_CWD: put(t, "%s", in->osize == 2 ? "cwtd" : "cltd"); return;
  case RS_OP_NOP: put(t, "%s", in->rep ? "pause" : "nop"); return; /* 66 90: see rs_disasm */
  case RS_OP_MOVZX:
  case RS_OP_MOVSX: /* "movzbl": source size, then destination size */
    put(t, "%s%c%c", rs_op_name(in->op), size_letter(o[1].size), size_letter(in->osize));
    return;
  default: break;
  }

  put(t, "%s", rs_op_name(in->op));
  if (traits & M_COND) put(t, "%s", cond_names[in->cond & 15]);
  bool mem_alone = in->nopnd && o[0].kind == RS_OPND_MEM &&
                   (in->nopnd == 1 || o[1].kind == RS_OPND_IMM || (traits & M_COUNT));
  if ((traits & M_ALWAYS) || ((traits & M_SIZED) && mem_alone))
    put(t, "%c", size_letter(in->osize));
  else if ((traits & M_WORD) && in->osize == 2 && !(in->nopnd && o[0].kind == RS_OPND_REG))
    put(t, "w");
  else if (traits & M_LONG)
    put(t, "l");
}

/* ---- operands ---- */

/* A displacement beside a register is signed ("-0x4(%ebp)"); one alone is
 * an address ("0xfffffffc"). */
static void put_disp(text *t, uint32_t v, bool is_signed) {
  if (is_signed && (int32_t)v < 0)
    put(t, "-0x%x", 0u - v);
  else
    put(t, "0x%x", v);
}

/* seg:disp(base,index,scale). A SIB byte that adds nothing still shows,
 * its empty index as %eiz ("0x0(%esi,%eiz,1)"), except the plain (%esp). */
static void put_mem(text *t, const rs_operand *o, bool show_seg) {
  bool base = o->base != RS_NOREG, index = o->index != RS_NOREG;
  if (show_seg) put(t, "%%%s:", sreg_names[o->seg]);
  if (o->disp_size) put_disp(t, o->val, base || o->sib);
  if (!base && !o->sib) return;
  put(t, "(");
  if (base) put(t, "%%%s", gpr_name(o->base, 4));
  if (o->sib && (o->scale || index || o->base != RS_ESP))
    put(t, ",%%%s,%u", index ? gpr_name(o->index, 4) : "eiz", 1u << o->scale);
  put(t, ")");
}

static void put_operand(text *t, const rs_insn *in, const rs_operand *o, unsigned traits,
                        rs_symbol_fn sym, void *ud) {
  if ((traits & M_STAR) && o->kind != RS_OPND_REL) put(t, "*");
  switch ((rs_opnd_kind)o->kind) {
  case RS_OPND_REG:
    if ((in->op == RS_OP_IN || in->op == RS_OP_OUT) && o->reg == RS_EDX)
      put(t, "(%%dx)"); /* the port; the data register is always the accumulator */
    else
      put(t, "%%%s", gpr_name(o->reg, o->size));
    break;
  case RS_OPND_SREG: put(t, "%%%s", sreg_names[o->reg]); break;
  case RS_OPND_CREG: put(t, "%%cr%u", o->reg); break;
  case RS_OPND_IMM:
    put(t, "$0x%x", o->val & (o->size >= 4 ? 0xffffffffu : (1u << (8 * o->size)) - 1));
    break;
  case RS_OPND_MEM: put_mem(t, o, in->seg_override != RS_NOREG); break;
  case RS_OPND_REL: {
    put(t, "%x", o->val);
    uint32_t off = 0;
    const char *name = sym ? sym(o->val, &off, ud) : NULL;
    if (name && off) put(t, " <%s+0x%x>", name, off);
    else if (name) put(t, " <%s>", name);
    break;
  }
  case RS_OPND_NONE: break;
  }
}

/* The operands the decoder leaves implicit in string instructions. */
static void put_implied(text *t, const rs_insn *in, unsigned which) {
  rs_operand o = { .kind = RS_OPND_MEM, .base = RS_EDI, .index = RS_NOREG, .seg = RS_ES };
  switch (which) {
  case I_SRC:
    o.base = RS_ESI;
    o.seg = in->seg_override != RS_NOREG ? in->seg_override : RS_DS;
    break;
  case I_ACC: put(t, "%%%s", gpr_name(RS_EAX, in->osize)); return;
  default: break;
  }
  put_mem(t, &o, true);
}

unsigned rs_disasm(const uint8_t *bytes, size_t len, uint32_t addr, char *out, size_t outlen,
                   rs_symbol_fn sym, void *ud) {
  text t = { out, outlen, 0 };
  if (outlen) out[0] = '\0';
  rs_insn in;
  unsigned n = rs_decode(bytes, len, addr, &in);
  if (!n) {
    put(&t, "(bad)");
    return 0;
  }
  if (in.op == RS_OP_NOP && in.osize == 2) { /* 66 90 */
    put(&t, "xchg %%ax,%%ax");
    return n;
  }
  const spelling *sp = &spellings[in.op];
  put_mnemonic(&t, &in, sp->traits);

  /* AT&T order is Intel order reversed; a short form's implied last
   * operand (the 1 of D1 /4) is not shown. */
  unsigned shown = in.nopnd - (in.short_form && in.nopnd ? 1u : 0u);
  const char *sep = " ";
  for (unsigned i = shown; i-- > 0; sep = ",") {
    put(&t, "%s", sep);
    put_operand(&t, &in, &in.o[i], sp->traits, sym, ud);
  }
  for (unsigned i = 0; i < 2 && sp->implied[i] != I_NONE; i++, sep = ",") {
    put(&t, "%s", sep);
    put_implied(&t, &in, sp->implied[i]);
  }
  return n;
}
