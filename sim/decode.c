/* IA-32 instruction decoder for the supported subset (32-bit code segment,
 * 32-bit addressing). Table-driven: one row per opcode, one row per group
 * member; operand specifications use the SDM Vol. 2 Appendix A notation
 * (Eb = r/m byte, Gv = reg of operand size, Iz = imm16/32, Jb = rel8 ...). */
#include "insn.h"

#include <string.h>

#include <ringside/machine.h>

/* Operand specifications (SDM Vol. 2 §A.2). */
enum spec {
  S_NONE,
  S_Eb, S_Ew, S_Ev,        /* ModRM r/m: byte, word, operand size */
  S_Gb, S_Gv,              /* ModRM reg */
  S_M, S_Mp,               /* memory only: any size / 6-byte pseudo-descriptor */
  S_Rd, S_Cd,              /* ModRM r/m as a 32-bit register; reg as CRn */
  S_Sw,                    /* ModRM reg as a segment register */
  S_Ib, S_Ibs, S_Iw, S_Iz, /* imm8 (zero-ext), imm8 sign-extended, imm16, imm16/32 */
  S_Iv,                    /* imm of operand size (B8+r) */
  S_Jb, S_Jz,              /* relative branch target */
  S_Zb, S_Zv,              /* register in the low 3 bits of the opcode */
  S_AL, S_eAX, S_DX, S_CL, S_ONE,
  S_Ob, S_Ov,              /* moffs32: absolute address */
  S_SEG                    /* fixed segment register (row.fixed) */
};

/* Operand-size rule of a row. */
enum osz { O_V, O_B, O_W, O_D };

/* Row kinds that need a second table indexed by ModRM.reg. */
enum {
  G_NONE, G_1, G_1A, G_2, G_3, G_4, G_5, G_6, G_7, G_11
};

typedef struct row {
  uint8_t op;       /* rs_op, or 0 (INVALID) with group set */
  uint8_t osz;      /* enum osz */
  uint8_t group;    /* G_* */
  uint8_t fixed;    /* S_SEG: which segment register; JCC etc.: unused */
  uint8_t spec[3];
} row;

#define R(op_, osz_, a, b, c) { RS_OP_##op_, O_##osz_, G_NONE, 0, { S_##a, S_##b, S_##c } }
#define GRP(g, osz_, a, b) { RS_OP_INVALID, O_##osz_, G_##g, 0, { S_##a, S_##b, S_NONE } }
#define SEG(op_, s) { RS_OP_##op_, O_V, G_NONE, s, { S_SEG, S_NONE, S_NONE } }

/* The eight ALU operations share one layout: 00-05, 08-0D ... 38-3D. */
#define ALU(op_)                                                     \
  R(op_, B, Eb, Gb, NONE), R(op_, V, Ev, Gv, NONE),                  \
  R(op_, B, Gb, Eb, NONE), R(op_, V, Gv, Ev, NONE),                  \
  R(op_, B, AL, Ib, NONE), R(op_, V, eAX, Iz, NONE)

static const row one_byte[256] = {
  [0x00] = ALU(ADD), [0x06] = SEG(PUSH, RS_ES), [0x07] = SEG(POP, RS_ES),
  [0x08] = ALU(OR),  [0x0e] = SEG(PUSH, RS_CS),
  [0x10] = ALU(ADC), [0x16] = SEG(PUSH, RS_SS), [0x17] = SEG(POP, RS_SS),
  [0x18] = ALU(SBB), [0x1e] = SEG(PUSH, RS_DS), [0x1f] = SEG(POP, RS_DS),
  [0x20] = ALU(AND),
  [0x28] = ALU(SUB),
  [0x30] = ALU(XOR),
  [0x38] = ALU(CMP),
  [0x40] = R(INC, V, Zv, NONE, NONE), [0x41] = R(INC, V, Zv, NONE, NONE),
  [0x42] = R(INC, V, Zv, NONE, NONE), [0x43] = R(INC, V, Zv, NONE, NONE),
  [0x44] = R(INC, V, Zv, NONE, NONE), [0x45] = R(INC, V, Zv, NONE, NONE),
  [0x46] = R(INC, V, Zv, NONE, NONE), [0x47] = R(INC, V, Zv, NONE, NONE),
  [0x48] = R(DEC, V, Zv, NONE, NONE), [0x49] = R(DEC, V, Zv, NONE, NONE),
  [0x4a] = R(DEC, V, Zv, NONE, NONE), [0x4b] = R(DEC, V, Zv, NONE, NONE),
  [0x4c] = R(DEC, V, Zv, NONE, NONE), [0x4d] = R(DEC, V, Zv, NONE, NONE),
  [0x4e] = R(DEC, V, Zv, NONE, NONE), [0x4f] = R(DEC, V, Zv, NONE, NONE),
  [0x50] = R(PUSH, V, Zv, NONE, NONE), [0x51] = R(PUSH, V, Zv, NONE, NONE),
  [0x52] = R(PUSH, V, Zv, NONE, NONE), [0x53] = R(PUSH, V, Zv, NONE, NONE),
  [0x54] = R(PUSH, V, Zv, NONE, NONE), [0x55] = R(PUSH, V, Zv, NONE, NONE),
  [0x56] = R(PUSH, V, Zv, NONE, NONE), [0x57] = R(PUSH, V, Zv, NONE, NONE),
  [0x58] = R(POP, V, Zv, NONE, NONE), [0x59] = R(POP, V, Zv, NONE, NONE),
  [0x5a] = R(POP, V, Zv, NONE, NONE), [0x5b] = R(POP, V, Zv, NONE, NONE),
  [0x5c] = R(POP, V, Zv, NONE, NONE), [0x5d] = R(POP, V, Zv, NONE, NONE),
  [0x5e] = R(POP, V, Zv, NONE, NONE), [0x5f] = R(POP, V, Zv, NONE, NONE),
  [0x60] = R(PUSHA, V, NONE, NONE, NONE), [0x61] = R(POPA, V, NONE, NONE, NONE),
  [0x68] = R(PUSH, V, Iz, NONE, NONE),    [0x69] = R(IMUL, V, Gv, Ev, Iz),
  [0x6a] = R(PUSH, V, Ibs, NONE, NONE),   [0x6b] = R(IMUL, V, Gv, Ev, Ibs),
  [0x70] = R(JCC, D, Jb, NONE, NONE), [0x71] = R(JCC, D, Jb, NONE, NONE),
  [0x72] = R(JCC, D, Jb, NONE, NONE), [0x73] = R(JCC, D, Jb, NONE, NONE),
  [0x74] = R(JCC, D, Jb, NONE, NONE), [0x75] = R(JCC, D, Jb, NONE, NONE),
  [0x76] = R(JCC, D, Jb, NONE, NONE), [0x77] = R(JCC, D, Jb, NONE, NONE),
  [0x78] = R(JCC, D, Jb, NONE, NONE), [0x79] = R(JCC, D, Jb, NONE, NONE),
  [0x7a] = R(JCC, D, Jb, NONE, NONE), [0x7b] = R(JCC, D, Jb, NONE, NONE),
  [0x7c] = R(JCC, D, Jb, NONE, NONE), [0x7d] = R(JCC, D, Jb, NONE, NONE),
  [0x7e] = R(JCC, D, Jb, NONE, NONE), [0x7f] = R(JCC, D, Jb, NONE, NONE),
  [0x80] = GRP(1, B, Eb, Ib), [0x81] = GRP(1, V, Ev, Iz), [0x83] = GRP(1, V, Ev, Ibs),
  [0x84] = R(TEST, B, Eb, Gb, NONE), [0x85] = R(TEST, V, Ev, Gv, NONE),
  [0x86] = R(XCHG, B, Eb, Gb, NONE), [0x87] = R(XCHG, V, Ev, Gv, NONE),
  [0x88] = R(MOV, B, Eb, Gb, NONE),  [0x89] = R(MOV, V, Ev, Gv, NONE),
  [0x8a] = R(MOV, B, Gb, Eb, NONE),  [0x8b] = R(MOV, V, Gv, Ev, NONE),
  [0x8c] = R(MOV, V, Ev, Sw, NONE),  [0x8d] = R(LEA, V, Gv, M, NONE),
  [0x8e] = R(MOV, V, Sw, Ev, NONE),  [0x8f] = GRP(1A, V, Ev, NONE),
  [0x90] = R(NOP, V, NONE, NONE, NONE),
  [0x91] = R(XCHG, V, Zv, eAX, NONE), [0x92] = R(XCHG, V, Zv, eAX, NONE),
  [0x93] = R(XCHG, V, Zv, eAX, NONE), [0x94] = R(XCHG, V, Zv, eAX, NONE),
  [0x95] = R(XCHG, V, Zv, eAX, NONE), [0x96] = R(XCHG, V, Zv, eAX, NONE),
  [0x97] = R(XCHG, V, Zv, eAX, NONE),
  [0x98] = R(CBW, V, NONE, NONE, NONE), [0x99] = R(CWD, V, NONE, NONE, NONE),
  [0x9c] = R(PUSHF, V, NONE, NONE, NONE), [0x9d] = R(POPF, V, NONE, NONE, NONE),
  [0xa0] = R(MOV, B, AL, Ob, NONE), [0xa1] = R(MOV, V, eAX, Ov, NONE),
  [0xa2] = R(MOV, B, Ob, AL, NONE), [0xa3] = R(MOV, V, Ov, eAX, NONE),
  [0xa4] = R(MOVS, B, NONE, NONE, NONE), [0xa5] = R(MOVS, V, NONE, NONE, NONE),
  [0xa6] = R(CMPS, B, NONE, NONE, NONE), [0xa7] = R(CMPS, V, NONE, NONE, NONE),
  [0xa8] = R(TEST, B, AL, Ib, NONE),     [0xa9] = R(TEST, V, eAX, Iz, NONE),
  [0xaa] = R(STOS, B, NONE, NONE, NONE), [0xab] = R(STOS, V, NONE, NONE, NONE),
  [0xac] = R(LODS, B, NONE, NONE, NONE), [0xad] = R(LODS, V, NONE, NONE, NONE),
  [0xae] = R(SCAS, B, NONE, NONE, NONE), [0xaf] = R(SCAS, V, NONE, NONE, NONE),
  [0xb0] = R(MOV, B, Zb, Ib, NONE), [0xb1] = R(MOV, B, Zb, Ib, NONE),
  [0xb2] = R(MOV, B, Zb, Ib, NONE), [0xb3] = R(MOV, B, Zb, Ib, NONE),
  [0xb4] = R(MOV, B, Zb, Ib, NONE), [0xb5] = R(MOV, B, Zb, Ib, NONE),
  [0xb6] = R(MOV, B, Zb, Ib, NONE), [0xb7] = R(MOV, B, Zb, Ib, NONE),
  [0xb8] = R(MOV, V, Zv, Iv, NONE), [0xb9] = R(MOV, V, Zv, Iv, NONE),
  [0xba] = R(MOV, V, Zv, Iv, NONE), [0xbb] = R(MOV, V, Zv, Iv, NONE),
  [0xbc] = R(MOV, V, Zv, Iv, NONE), [0xbd] = R(MOV, V, Zv, Iv, NONE),
  [0xbe] = R(MOV, V, Zv, Iv, NONE), [0xbf] = R(MOV, V, Zv, Iv, NONE),
  [0xc0] = GRP(2, B, Eb, Ib), [0xc1] = GRP(2, V, Ev, Ib),
  [0xc2] = R(RET, D, Iw, NONE, NONE), [0xc3] = R(RET, D, NONE, NONE, NONE),
  [0xc6] = GRP(11, B, Eb, Ib), [0xc7] = GRP(11, V, Ev, Iz),
  [0xc9] = R(LEAVE, D, NONE, NONE, NONE),
  [0xcc] = R(INT3, D, NONE, NONE, NONE), [0xcd] = R(INT, D, Ib, NONE, NONE),
  [0xce] = R(INTO, D, NONE, NONE, NONE), [0xcf] = R(IRET, V, NONE, NONE, NONE),
  [0xd0] = GRP(2, B, Eb, ONE), [0xd1] = GRP(2, V, Ev, ONE),
  [0xd2] = GRP(2, B, Eb, CL),  [0xd3] = GRP(2, V, Ev, CL),
  [0xe2] = R(LOOP, D, Jb, NONE, NONE), [0xe3] = R(JECXZ, D, Jb, NONE, NONE),
  [0xe4] = R(IN, B, AL, Ib, NONE),  [0xe5] = R(IN, V, eAX, Ib, NONE),
  [0xe6] = R(OUT, B, Ib, AL, NONE), [0xe7] = R(OUT, V, Ib, eAX, NONE),
  [0xe8] = R(CALL, D, Jz, NONE, NONE), [0xe9] = R(JMP, D, Jz, NONE, NONE),
  [0xeb] = R(JMP, D, Jb, NONE, NONE),
  [0xec] = R(IN, B, AL, DX, NONE),  [0xed] = R(IN, V, eAX, DX, NONE),
  [0xee] = R(OUT, B, DX, AL, NONE), [0xef] = R(OUT, V, DX, eAX, NONE),
  [0xf4] = R(HLT, D, NONE, NONE, NONE), [0xf5] = R(CMC, D, NONE, NONE, NONE),
  [0xf6] = GRP(3, B, Eb, NONE), [0xf7] = GRP(3, V, Ev, NONE),
  [0xf8] = R(CLC, D, NONE, NONE, NONE), [0xf9] = R(STC, D, NONE, NONE, NONE),
  [0xfa] = R(CLI, D, NONE, NONE, NONE), [0xfb] = R(STI, D, NONE, NONE, NONE),
  [0xfc] = R(CLD, D, NONE, NONE, NONE), [0xfd] = R(STD, D, NONE, NONE, NONE),
  [0xfe] = GRP(4, B, Eb, NONE), [0xff] = GRP(5, V, Ev, NONE),
};

#define CC16(op_, osz_, a, b)                                                 \
  R(op_, osz_, a, b, NONE), R(op_, osz_, a, b, NONE), R(op_, osz_, a, b, NONE), \
  R(op_, osz_, a, b, NONE), R(op_, osz_, a, b, NONE), R(op_, osz_, a, b, NONE), \
  R(op_, osz_, a, b, NONE), R(op_, osz_, a, b, NONE), R(op_, osz_, a, b, NONE), \
  R(op_, osz_, a, b, NONE), R(op_, osz_, a, b, NONE), R(op_, osz_, a, b, NONE), \
  R(op_, osz_, a, b, NONE), R(op_, osz_, a, b, NONE), R(op_, osz_, a, b, NONE), \
  R(op_, osz_, a, b, NONE)

static const row two_byte[256] = {
  [0x00] = GRP(6, W, Ew, NONE), [0x01] = GRP(7, D, M, NONE),
  [0x0b] = R(UD2, D, NONE, NONE, NONE),
  [0x20] = R(MOV, D, Rd, Cd, NONE), [0x22] = R(MOV, D, Cd, Rd, NONE),
  [0x40] = CC16(CMOVCC, V, Gv, Ev),
  [0x80] = CC16(JCC, D, Jz, NONE),
  [0x90] = CC16(SETCC, B, Eb, NONE),
  [0xa0] = SEG(PUSH, RS_FS), [0xa1] = SEG(POP, RS_FS), [0xa2] = R(CPUID, D, NONE, NONE, NONE),
  [0xa8] = SEG(PUSH, RS_GS), [0xa9] = SEG(POP, RS_GS),
  [0xaf] = R(IMUL, V, Gv, Ev, NONE),
  [0xb6] = R(MOVZX, V, Gv, Eb, NONE), [0xb7] = R(MOVZX, V, Gv, Ew, NONE),
  [0xbe] = R(MOVSX, V, Gv, Eb, NONE), [0xbf] = R(MOVSX, V, Gv, Ew, NONE),
};

/* Group members by ModRM.reg (SDM Vol. 2 Table A-6). An entry with
 * spec S_NONE inherits the row's operand specs. */
typedef struct member {
  uint8_t op;
  uint8_t spec[3];   /* overrides when spec[0] != S_NONE */
  uint8_t osz;       /* override when != 0xff */
} member;

#define M_(op_) { RS_OP_##op_, { S_NONE, S_NONE, S_NONE }, 0xff }
#define MS(op_, osz_, a, b) { RS_OP_##op_, { S_##a, S_##b, S_NONE }, O_##osz_ }
#define M_BAD { RS_OP_INVALID, { S_NONE, S_NONE, S_NONE }, 0xff }

static const member groups[][8] = {
  [G_1]  = { M_(ADD), M_(OR), M_(ADC), M_(SBB), M_(AND), M_(SUB), M_(XOR), M_(CMP) },
  [G_1A] = { M_(POP), M_BAD, M_BAD, M_BAD, M_BAD, M_BAD, M_BAD, M_BAD },
  [G_2]  = { M_(ROL), M_(ROR), M_(RCL), M_(RCR), M_(SHL), M_(SHR), M_(SHL), M_(SAR) },
  [G_3]  = { MS(TEST, V, Ev, Iz), M_BAD, M_(NOT), M_(NEG), M_(MUL), M_(IMUL), M_(DIV), M_(IDIV) },
  [G_4]  = { M_(INC), M_(DEC), M_BAD, M_BAD, M_BAD, M_BAD, M_BAD, M_BAD },
  [G_5]  = { M_(INC), M_(DEC), MS(CALL, D, Ev, NONE), M_BAD, MS(JMP, D, Ev, NONE), M_BAD,
             M_(PUSH), M_BAD },
  [G_6]  = { M_BAD, MS(STR, V, Ev, NONE), M_BAD, MS(LTR, W, Ew, NONE), M_BAD, M_BAD, M_BAD, M_BAD },
  [G_7]  = { MS(SGDT, D, Mp, NONE), MS(SIDT, D, Mp, NONE), MS(LGDT, D, Mp, NONE),
             MS(LIDT, D, Mp, NONE), M_BAD, M_BAD, M_BAD, MS(INVLPG, B, M, NONE) },
  [G_11] = { M_(MOV), M_BAD, M_BAD, M_BAD, M_BAD, M_BAD, M_BAD, M_BAD },
};

/* Byte reader with bounds: any read past the end marks the decode failed. */
typedef struct reader {
  const uint8_t *p;
  size_t len, pos;
  bool bad;
} reader;

static uint32_t take(reader *r, unsigned n) {
  uint32_t v = 0;
  if (r->pos + n > r->len || r->pos + n > 15) {
    r->bad = true;
    return 0;
  }
  for (unsigned i = 0; i < n; i++) v |= (uint32_t)r->p[r->pos + i] << (8 * i);
  r->pos += n;
  return v;
}

static uint32_t sext(uint32_t v, unsigned bytes) {
  if (bytes == 1) return (uint32_t)(int32_t)(int8_t)v;
  if (bytes == 2) return (uint32_t)(int32_t)(int16_t)v;
  return v;
}

/* Decodes the ModRM r/m field (and SIB, displacement) as a memory or
 * register operand (SDM Vol. 2 Tables 2-2 and 2-3). */
static void decode_rm(reader *r, uint8_t modrm, unsigned size, uint8_t seg_override,
                      rs_operand *o) {
  unsigned mod = modrm >> 6, rm = modrm & 7;
  o->size = (uint8_t)size;
  if (mod == 3) {
    o->kind = RS_OPND_REG;
    o->reg = (uint8_t)rm;
    return;
  }
  o->kind = RS_OPND_MEM;
  o->sib = 0;
  o->base = RS_NOREG;
  o->index = RS_NOREG;
  o->scale = 0;
  o->disp_size = 0;
  o->val = 0;
  if (rm == 4) {
    o->sib = 1;
    uint8_t sib = (uint8_t)take(r, 1);
    unsigned base = sib & 7, idx = (sib >> 3) & 7;
    o->scale = (uint8_t)(sib >> 6);
    if (idx != 4) o->index = (uint8_t)idx;
    if (base == 5 && mod == 0) {
      o->disp_size = 4;
    } else {
      o->base = (uint8_t)base;
    }
  } else if (rm == 5 && mod == 0) {
    o->disp_size = 4;
  } else {
    o->base = (uint8_t)rm;
  }
  if (mod == 1) o->disp_size = 1;
  if (mod == 2) o->disp_size = 4;
  if (o->disp_size) o->val = sext(take(r, o->disp_size), o->disp_size);
  if (seg_override != RS_NOREG)
    o->seg = seg_override;
  else
    o->seg = (o->base == RS_ESP || o->base == RS_EBP) ? RS_SS : RS_DS;
}

static unsigned size_of(unsigned osz, unsigned opsize) {
  switch ((enum osz)osz) {
  case O_B: return 1;
  case O_W: return 2;
  case O_D: return 4;
  case O_V: return opsize;
  }
  return opsize;
}

unsigned rs_decode(const uint8_t *bytes, size_t len, uint32_t eip, rs_insn *out) {
  reader r = { bytes, len, 0, false };
  memset(out, 0, sizeof *out);
  out->seg_override = RS_NOREG;
  unsigned opsize = 4;
  bool twobyte = false;
  uint8_t b;

  for (;;) { /* prefixes (SDM Vol. 2 §2.1.1), at most one of each group */
    b = (uint8_t)take(&r, 1);
    if (r.bad) goto bad;
    uint8_t seg = RS_NOREG;
    switch (b) {
    case 0x66: if (opsize == 2) goto bad; opsize = 2; continue;
    case 0xf3:
    case 0xf2: if (out->rep) goto bad; out->rep = b == 0xf3 ? RS_REP_E : RS_REP_NE; continue;
    case 0x26: seg = RS_ES; break;
    case 0x2e: seg = RS_CS; break;
    case 0x36: seg = RS_SS; break;
    case 0x3e: seg = RS_DS; break;
    case 0x64: seg = RS_FS; break;
    case 0x65: seg = RS_GS; break;
    default: break;
    }
    if (seg == RS_NOREG) break;
    if (out->seg_override != RS_NOREG) goto bad;
    out->seg_override = seg;
  }
  if (b == 0x0f) {
    twobyte = true;
    b = (uint8_t)take(&r, 1);
    if (r.bad) goto bad;
  }
  const row *rw = twobyte ? &two_byte[b] : &one_byte[b];
  uint8_t op = rw->op;
  const uint8_t *spec = rw->spec;
  unsigned osz = rw->osz;
  bool has_modrm = false;
  uint8_t modrm = 0;

  if (rw->group != G_NONE) {
    modrm = (uint8_t)take(&r, 1);
    has_modrm = true;
    if (r.bad) goto bad;
    const member *mb = &groups[rw->group][(modrm >> 3) & 7];
    op = mb->op;
    if (mb->spec[0] != S_NONE) spec = mb->spec;
    if (mb->osz != 0xff) osz = mb->osz;
    if (rw->group == G_3 && mb->spec[0] != S_NONE && rw->osz == O_B) {
      static const uint8_t test_b[3] = { S_Eb, S_Ib, S_NONE };
      spec = test_b; /* F6 /0: TEST Eb,Ib */
      osz = O_B;
    }
  }
  if (op == RS_OP_INVALID) goto bad;
  /* Only the prefixes an instruction defines are accepted. */
  bool string = op == RS_OP_MOVS || op == RS_OP_STOS || op == RS_OP_LODS ||
                op == RS_OP_CMPS || op == RS_OP_SCAS;
  if (out->rep && !(string || (op == RS_OP_NOP && out->rep == RS_REP_E && opsize == 4)))
    goto bad; /* F3 90 is PAUSE */
  /* 0x66 only where it selects the operand size: elsewhere it is ignored
   * (data16 hlt) or changes semantics (16-bit branches, lgdtw's 24-bit
   * base) outside the subset; 16-bit lea is outside it too. */
  if (opsize == 2 && (osz != O_V || op == RS_OP_LEA)) goto bad;

  out->op = op;
  out->osize = (uint8_t)size_of(osz, opsize);
  if (op == RS_OP_JCC || op == RS_OP_SETCC || op == RS_OP_CMOVCC) out->cond = b & 0x0f;
  if (!twobyte && b == 0x90) out->short_form = 1;

  for (unsigned i = 0; i < 3 && spec[i] != S_NONE; i++) {
    rs_operand *o = &out->o[i];
    unsigned s = spec[i];
    if ((s == S_Eb || s == S_Ew || s == S_Ev || s == S_Gb || s == S_Gv || s == S_M ||
         s == S_Mp || s == S_Rd || s == S_Cd || s == S_Sw) && !has_modrm) {
      modrm = (uint8_t)take(&r, 1);
      has_modrm = true;
      if (r.bad) goto bad;
    }
    switch ((enum spec)s) {
    case S_NONE: break;
    case S_Eb: decode_rm(&r, modrm, 1, out->seg_override, o); break;
    case S_Ew: decode_rm(&r, modrm, 2, out->seg_override, o); break;
    case S_Ev: decode_rm(&r, modrm, out->osize, out->seg_override, o); break;
    case S_M:
    case S_Mp:
      if ((modrm >> 6) == 3) goto bad;
      decode_rm(&r, modrm, s == S_Mp ? 6 : out->osize, out->seg_override, o);
      break;
    case S_Rd: /* MOV CRn: the mod bits are ignored, always a register (SDM Vol. 2B) */
      decode_rm(&r, modrm | 0xc0, 4, out->seg_override, o);
      break;
    case S_Gb: o->kind = RS_OPND_REG; o->size = 1; o->reg = (modrm >> 3) & 7; break;
    case S_Gv: o->kind = RS_OPND_REG; o->size = out->osize; o->reg = (modrm >> 3) & 7; break;
    case S_Cd: {
      unsigned n = (modrm >> 3) & 7;
      if (n == 1 || n > 4) goto bad;
      o->kind = RS_OPND_CREG; o->size = 4; o->reg = (uint8_t)n;
      break;
    }
    case S_Sw: {
      unsigned n = (modrm >> 3) & 7;
      if (n >= RS_NSREG) goto bad;
      if (i == 0 && n == RS_CS) goto bad; /* mov to CS is #UD */
      o->kind = RS_OPND_SREG; o->size = 2; o->reg = (uint8_t)n;
      break;
    }
    case S_Ib: o->kind = RS_OPND_IMM; o->size = 1; o->val = take(&r, 1); break;
    case S_Ibs: o->kind = RS_OPND_IMM; o->size = out->osize; o->val = sext(take(&r, 1), 1); break;
    case S_Iw: o->kind = RS_OPND_IMM; o->size = 2; o->val = take(&r, 2); break;
    case S_Iz:
    case S_Iv: {
      unsigned n = out->osize == 1 ? 1 : out->osize;
      o->kind = RS_OPND_IMM; o->size = out->osize; o->val = take(&r, n);
      break;
    }
    case S_Jb:
    case S_Jz: {
      unsigned n = s == S_Jb ? 1 : 4;
      uint32_t rel = sext(take(&r, n), n);
      o->kind = RS_OPND_REL; o->size = 4;
      o->val = rel; /* made absolute below, once the length is known */
      o->disp_size = (uint8_t)n;
      break;
    }
    case S_Zb: o->kind = RS_OPND_REG; o->size = 1; o->reg = b & 7; break;
    case S_Zv: o->kind = RS_OPND_REG; o->size = out->osize; o->reg = b & 7; break;
    case S_AL: o->kind = RS_OPND_REG; o->size = 1; o->reg = RS_EAX; break;
    case S_eAX: o->kind = RS_OPND_REG; o->size = out->osize; o->reg = RS_EAX; break;
    case S_DX: o->kind = RS_OPND_REG; o->size = 2; o->reg = RS_EDX; break;
    case S_CL: o->kind = RS_OPND_REG; o->size = 1; o->reg = RS_ECX; break;
    case S_ONE: o->kind = RS_OPND_IMM; o->size = 1; o->val = 1; out->short_form = 1; break;
    case S_Ob:
    case S_Ov:
      o->kind = RS_OPND_MEM; o->size = s == S_Ob ? 1 : out->osize;
      o->base = RS_NOREG; o->index = RS_NOREG; o->scale = 0; o->disp_size = 4;
      o->seg = out->seg_override != RS_NOREG ? out->seg_override : RS_DS;
      o->val = take(&r, 4);
      break;
    case S_SEG: o->kind = RS_OPND_SREG; o->size = 2; o->reg = rw->fixed; break;
    }
    if (r.bad) goto bad;
    out->nopnd = (uint8_t)(i + 1);
  }
  /* Selector moves (MOV to/from Sreg, STR) move 16 bits through memory
   * whatever the operand size (so 0x66 means nothing there) but read or
   * fill a whole register. */
  bool selector = op == RS_OP_STR || (op == RS_OP_MOV && (out->o[0].kind == RS_OPND_SREG ||
                                                          out->o[1].kind == RS_OPND_SREG));
  bool uses_seg = op == RS_OP_MOVS || op == RS_OP_LODS || op == RS_OP_CMPS;
  for (unsigned i = 0; i < out->nopnd; i++) {
    if (out->o[i].kind != RS_OPND_MEM) continue;
    uses_seg = true;
    if (selector && opsize == 2) goto bad;
    if (selector) out->o[i].size = 2;
  }
  /* A segment override must select the segment of a memory operand:
   * elsewhere it is ignored ("es nop") or a hint (2E/3E on jcc, 3E
   * "notrack" on indirect branches), outside the subset. */
  if (out->seg_override != RS_NOREG &&
      (!uses_seg || (out->seg_override == RS_DS && (op == RS_OP_CALL || op == RS_OP_JMP))))
    goto bad;
  if (op == RS_OP_POP && out->nopnd == 1 && out->o[0].kind == RS_OPND_SREG && out->o[0].reg == RS_CS)
    goto bad;
  out->len = (uint8_t)r.pos;
  for (unsigned i = 0; i < out->nopnd; i++)
    if (out->o[i].kind == RS_OPND_REL) out->o[i].val += eip + out->len;
  return out->len;

bad:
  memset(out, 0, sizeof *out);
  out->op = RS_OP_INVALID;
  out->seg_override = RS_NOREG;
  out->len = (uint8_t)(r.pos ? r.pos : 1);
  return 0;
}

const char *rs_op_name(rs_op op) {
  static const char *const names[] = {
#define X(id, s) s,
    RS_OPS(X)
#undef X
  };
  return (unsigned)op < RS_NOPS ? names[op] : "(bad)";
}
