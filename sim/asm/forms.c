/* Ringside — the encoding forms of the instruction subset.
 *
 * One row per form: mnemonic, accepted operand sizes, flags, opcode,
 * ModRM.reg digit, operand kinds in AT&T order (source first). For one
 * mnemonic the first row that matches wins, so the order of the rows is
 * the order in which GNU as prefers its forms (e.g. `addl $1,%eax` takes
 * 83 /0 ib before the accumulator form 05 id; `movl %eax,sym` takes A3).
 * Condition-code families are stored once as "jcc", "setcc", "cmovcc".
 */
#include "asm-internal.h"

#define B   RS_ASM_SZ_B
#define W   RS_ASM_SZ_W
#define L   RS_ASM_SZ_L
#define WL  (RS_ASM_SZ_W | RS_ASM_SZ_L)
#define BWL (RS_ASM_SZ_B | RS_ASM_SZ_W | RS_ASM_SZ_L)

#define D32    RS_ASM_F_D32
#define NOSZ   RS_ASM_F_NOSZ
#define NO66   RS_ASM_F_NO66
#define P66    RS_ASM_F_P66
#define PLUSR  RS_ASM_F_PLUSR
#define CC     RS_ASM_F_CC
#define IMUL2  RS_ASM_F_IMUL2
#define SREGOP RS_ASM_F_SREGOP
#define RELAX  RS_ASM_F_RELAX
#define REL8   RS_ASM_F_REL8
#define REL32  RS_ASM_F_REL32
#define REP    RS_ASM_F_REP

#define ROW(mn, sz, fl, opc, ext, k0, k1, k2) \
  { mn, sz, fl, opc, ext, { RS_ASM_K_##k0, RS_ASM_K_##k1, RS_ASM_K_##k2 } }
#define R0(mn, sz, fl, opc)               ROW(mn, sz, fl, opc, -1, NONE, NONE, NONE)
#define R1(mn, sz, fl, opc, ext, k0)      ROW(mn, sz, fl, opc, ext, k0, NONE, NONE)
#define R2(mn, sz, fl, opc, ext, k0, k1)  ROW(mn, sz, fl, opc, ext, k0, k1, NONE)

/* add or adc sbb and sub xor cmp: group number n, opcodes n*8 + 0..5 */
#define ALU(mn, n) \
  R2(mn, B,  0, (n) * 8 + 0, -1, R, RM),     /* r/m8 op= r8 */            \
  R2(mn, WL, 0, (n) * 8 + 1, -1, R, RM),     /* r/m op= r */              \
  R2(mn, B,  0, (n) * 8 + 2, -1, RM, R),     /* r8 op= r/m8 */            \
  R2(mn, WL, 0, (n) * 8 + 3, -1, RM, R),     /* r op= r/m */              \
  R2(mn, WL, 0, 0x83, n, IMM8S, RM),         /* r/m op= sign-extended imm8 */ \
  R2(mn, B,  0, (n) * 8 + 4, -1, IMM, ACC),  /* al op= imm8 */            \
  R2(mn, WL, 0, (n) * 8 + 5, -1, IMM, ACC),  /* ax/eax op= imm */         \
  R2(mn, B,  0, 0x80, n, IMM, RM),           /* r/m8 op= imm8 */          \
  R2(mn, WL, 0, 0x81, n, IMM, RM)            /* r/m op= imm */

/* rol ror rcl rcr shl/sal shr sar: ModRM digit n */
#define SHIFT(mn, n) \
  R2(mn, B,  0, 0xD0, n, ONE, RM),           /* by 1 */                   \
  R2(mn, WL, 0, 0xD1, n, ONE, RM),                                        \
  R2(mn, B,  0, 0xD2, n, CL, RM),            /* by %cl */                 \
  R2(mn, WL, 0, 0xD3, n, CL, RM),                                         \
  R2(mn, B,  0, 0xC0, n, IMM8, RM),          /* by imm8 */                \
  R2(mn, WL, 0, 0xC1, n, IMM8, RM),                                       \
  R1(mn, B,  0, 0xD0, n, RM),                /* one operand: by 1 */      \
  R1(mn, WL, 0, 0xD1, n, RM)

/* neg not mul imul div idiv (one operand): F6/F7 /n */
#define UNARY(mn, n) \
  R1(mn, B,  0, 0xF6, n, RM),                                             \
  R1(mn, WL, 0, 0xF7, n, RM)

/* movs stos lods cmps scas: byte opcode op, word/long op+1 */
#define STRING(mn, op) \
  R0(mn, B,  REP, op),                                                    \
  R0(mn, WL, REP, (op) + 1)

/* lgdt sidt ...: 0F 01 /n with a memory operand (a w suffix adds 0x66) */
#define DESC(mn, n) R1(mn, WL, D32, 0x0F01, n, M)

const rs_asm_form rs_asm_forms[] = {
  /* data movement */
  R2("mov", B,  0, 0xA2, -1, ACC, MOFFS),           /* moffs8 = al */
  R2("mov", WL, 0, 0xA3, -1, ACC, MOFFS),           /* moffs = ax/eax */
  R2("mov", B,  0, 0xA0, -1, MOFFS, ACC),           /* al = moffs8 */
  R2("mov", WL, 0, 0xA1, -1, MOFFS, ACC),           /* ax/eax = moffs */
  R2("mov", B,  0, 0x88, -1, R, RM),                /* r/m8 = r8 */
  R2("mov", WL, 0, 0x89, -1, R, RM),                /* r/m = r */
  R2("mov", B,  0, 0x8A, -1, RM, R),                /* r8 = r/m8 */
  R2("mov", WL, 0, 0x8B, -1, RM, R),                /* r = r/m */
  R2("mov", B,  PLUSR, 0xB0, -1, IMM, R),           /* r8 = imm8 */
  R2("mov", WL, PLUSR, 0xB8, -1, IMM, R),           /* r = imm */
  R2("mov", B,  0, 0xC6, 0, IMM, RM),               /* r/m8 = imm8 */
  R2("mov", WL, 0, 0xC7, 0, IMM, RM),               /* r/m = imm */
  R2("mov", WL, 0, 0x8C, -1, SREG, GR),             /* r = sreg */
  R2("mov", W,  NOSZ, 0x8C, -1, SREG, M),           /* m16 = sreg */
  R2("mov", WL, NO66, 0x8E, -1, GR, SREG),          /* sreg = r (never 66) */
  R2("mov", W,  NOSZ, 0x8E, -1, M, SREG),           /* sreg = m16 */
  R2("mov", L,  NOSZ, 0x0F20, -1, CREG, R32RM),     /* r32 = crN */
  R2("mov", L,  NOSZ, 0x0F22, -1, R32RM, CREG),     /* crN = r32 */
  R2("movzb", WL, 0, 0x0FB6, -1, RM8, R),           /* zero-extend r/m8 */
  R2("movzw", L,  0, 0x0FB7, -1, RM16, R),          /* zero-extend r/m16 */
  R2("movzx", WL, 0, 0x0FB6, -1, RM8, R),
  R2("movzx", WL, 0, 0x0FB7, -1, RM16, R),
  R2("movsb", WL, 0, 0x0FBE, -1, RM8, R),           /* sign-extend r/m8 */
  R2("movsw", L,  0, 0x0FBF, -1, RM16, R),          /* sign-extend r/m16 */
  R2("movsx", WL, 0, 0x0FBE, -1, RM8, R),
  R2("movsx", WL, 0, 0x0FBF, -1, RM16, R),
  R2("lea", WL, 0, 0x8D, -1, M, R),                 /* r = effective address */
  R2("xchg", WL, PLUSR, 0x90, -1, ACC, R),          /* exchange with ax/eax */
  R2("xchg", WL, PLUSR, 0x90, -1, R, ACC),
  R2("xchg", B,  0, 0x86, -1, R, RM),               /* exchange r/m8, r8 */
  R2("xchg", WL, 0, 0x87, -1, R, RM),
  R2("xchg", B,  0, 0x86, -1, RM, R),
  R2("xchg", WL, 0, 0x87, -1, RM, R),
  R1("push", WL, D32 | PLUSR, 0x50, -1, R),         /* push r */
  R1("push", WL, D32, 0x6A, -1, IMM8S),             /* push sign-extended imm8 */
  R1("push", WL, D32, 0x68, -1, IMM),               /* push imm */
  R1("push", WL, D32, 0xFF, 6, RM),                 /* push r/m */
  R1("push", WL, D32 | SREGOP, 0x06, -1, SREGLO),   /* push es/cs/ss/ds */
  R1("push", WL, D32 | SREGOP, 0x0FA0, -1, SREGHI), /* push fs/gs */
  R1("pop", WL, D32 | PLUSR, 0x58, -1, R),          /* pop r */
  R1("pop", WL, D32, 0x8F, 0, RM),                  /* pop r/m */
  R1("pop", WL, D32 | SREGOP, 0x07, -1, SREGPOP),   /* pop es/ss/ds */
  R1("pop", WL, D32 | SREGOP, 0x0FA1, -1, SREGHI),  /* pop fs/gs */
  R0("pusha", WL, D32, 0x60),                       /* push all GPRs */
  R0("popa", WL, D32, 0x61),                        /* pop all GPRs */
  R0("pushf", WL, D32, 0x9C),                       /* push EFLAGS */
  R0("popf", WL, D32, 0x9D),                        /* pop EFLAGS */
  R0("cbw", 0, NOSZ | P66, 0x98),                   /* ax = sign-extend al */
  R0("cbtw", 0, NOSZ | P66, 0x98),                  /* AT&T name of cbw */
  R0("cwtl", 0, NOSZ, 0x98),                        /* eax = sign-extend ax */
  R0("cwde", 0, NOSZ, 0x98),
  R0("cwd", 0, NOSZ | P66, 0x99),                   /* dx:ax = sign-extend ax */
  R0("cwtd", 0, NOSZ | P66, 0x99),
  R0("cdq", 0, NOSZ, 0x99),                         /* edx:eax = sign-extend eax */
  R0("cltd", 0, NOSZ, 0x99),

  /* arithmetic and logic */
  ALU("add", 0), ALU("or", 1), ALU("adc", 2), ALU("sbb", 3),
  ALU("and", 4), ALU("sub", 5), ALU("xor", 6), ALU("cmp", 7),
  R2("test", B,  0, 0x84, -1, R, RM),               /* r/m8 & r8 */
  R2("test", WL, 0, 0x85, -1, R, RM),
  R2("test", B,  0, 0x84, -1, RM, R),
  R2("test", WL, 0, 0x85, -1, RM, R),
  R2("test", B,  0, 0xA8, -1, IMM, ACC),            /* al & imm8 */
  R2("test", WL, 0, 0xA9, -1, IMM, ACC),            /* ax/eax & imm */
  R2("test", B,  0, 0xF6, 0, IMM, RM),              /* r/m8 & imm8 */
  R2("test", WL, 0, 0xF7, 0, IMM, RM),              /* r/m & imm */
  R1("inc", WL, PLUSR, 0x40, -1, R),                /* r + 1 */
  R1("inc", B,  0, 0xFE, 0, RM),
  R1("inc", WL, 0, 0xFF, 0, RM),
  R1("dec", WL, PLUSR, 0x48, -1, R),                /* r - 1 */
  R1("dec", B,  0, 0xFE, 1, RM),
  R1("dec", WL, 0, 0xFF, 1, RM),
  UNARY("not", 2), UNARY("neg", 3), UNARY("mul", 4),
  UNARY("imul", 5), UNARY("div", 6), UNARY("idiv", 7),
  R2("div", B,  0, 0xF6, 6, RM, ACC),               /* div with the dividend named */
  R2("div", WL, 0, 0xF7, 6, RM, ACC),
  R2("idiv", B,  0, 0xF6, 7, RM, ACC),
  R2("idiv", WL, 0, 0xF7, 7, RM, ACC),
  R2("imul", WL, 0, 0x0FAF, -1, RM, R),             /* r *= r/m */
  R2("imul", WL, IMUL2, 0x6B, -1, IMM8S, R),        /* r = r * imm8 */
  R2("imul", WL, IMUL2, 0x69, -1, IMM, R),          /* r = r * imm */
  ROW("imul", WL, 0, 0x6B, -1, IMM8S, RM, R),       /* r = r/m * imm8 */
  ROW("imul", WL, 0, 0x69, -1, IMM, RM, R),         /* r = r/m * imm */
  SHIFT("rol", 0), SHIFT("ror", 1), SHIFT("rcl", 2), SHIFT("rcr", 3),
  SHIFT("shl", 4), SHIFT("sal", 4), SHIFT("shr", 5), SHIFT("sar", 7),

  /* control transfer */
  R1("jmp", 0, NOSZ | RELAX, 0xEB, -1, REL),        /* jmp rel8 / rel32 */
  R1("jmp", 0, NOSZ, 0xFF, 4, IND),                 /* jmp *r/m32 */
  R1("jcc", 0, NOSZ | RELAX | CC, 0x70, -1, REL),   /* jcc rel8 / 0F 8x rel32 */
  R1("jecxz", 0, NOSZ | REL8, 0xE3, -1, REL),       /* jump if ecx == 0 */
  R1("loop", L, NOSZ | REL8, 0xE2, -1, REL),        /* --ecx, jump if != 0 */
  R1("call", L, NOSZ | REL32, 0xE8, -1, REL),       /* call rel32 */
  R1("call", L, NOSZ, 0xFF, 2, IND),                /* call *r/m32 */
  R0("ret", WL, D32 | REP, 0xC3),                   /* near return */
  R1("ret", WL, D32, 0xC2, -1, IMM16),              /* return and pop imm16 */
  R0("leave", 0, NOSZ, 0xC9),                       /* esp = ebp; pop ebp */
  R1("int", 0, NOSZ, 0xCC, -1, THREE),              /* int $3 is int3 */
  R1("int", 0, NOSZ, 0xCD, -1, IMM8),               /* software interrupt */
  R0("int3", 0, NOSZ, 0xCC),                        /* breakpoint */
  R0("into", 0, NOSZ, 0xCE),                        /* interrupt 4 if OF */
  R0("iret", WL, D32, 0xCF),                        /* interrupt return */
  R0("hlt", 0, NOSZ, 0xF4),
  R0("nop", 0, NOSZ | REP, 0x90),
  R0("ud2", 0, NOSZ, 0x0F0B),                       /* invalid opcode */
  R1("setcc", B, NOSZ | CC, 0x0F90, 0, RM8),        /* r/m8 = cc ? 1 : 0 */
  R2("cmovcc", WL, CC, 0x0F40, -1, RM, R),          /* if cc: r = r/m */

  /* flags */
  R0("cld", 0, NOSZ, 0xFC), R0("std", 0, NOSZ, 0xFD),
  R0("clc", 0, NOSZ, 0xF8), R0("stc", 0, NOSZ, 0xF9), R0("cmc", 0, NOSZ, 0xF5),
  R0("cli", 0, NOSZ, 0xFA), R0("sti", 0, NOSZ, 0xFB),

  /* strings */
  STRING("movs", 0xA4), STRING("cmps", 0xA6), STRING("stos", 0xAA),
  STRING("lods", 0xAC), STRING("scas", 0xAE),

  /* system */
  DESC("sgdt", 0), DESC("sidt", 1), DESC("lgdt", 2), DESC("lidt", 3),
  R1("ltr", W, NOSZ, 0x0F00, 3, RM16),              /* load task register */
  R1("str", WL, 0, 0x0F00, 1, GR),                  /* store task register */
  R1("str", W, NOSZ, 0x0F00, 1, M),
  R1("invlpg", 0, NOSZ, 0x0F01, 7, M),              /* flush TLB entry */
  R0("cpuid", 0, NOSZ, 0x0FA2),
  R2("in", B,  0, 0xE4, -1, IMM8, ACC),             /* acc = port imm8 */
  R2("in", WL, 0, 0xE5, -1, IMM8, ACC),
  R2("in", B,  0, 0xEC, -1, DX, ACC),               /* acc = port dx */
  R2("in", WL, 0, 0xED, -1, DX, ACC),
  R1("in", B,  0, 0xE4, -1, IMM8),                  /* accumulator implied */
  R1("in", WL, 0, 0xE5, -1, IMM8),
  R1("in", B,  0, 0xEC, -1, DX),
  R1("in", WL, 0, 0xED, -1, DX),
  R2("out", B,  0, 0xE6, -1, ACC, IMM8),            /* port imm8 = acc */
  R2("out", WL, 0, 0xE7, -1, ACC, IMM8),
  R2("out", B,  0, 0xEE, -1, ACC, DX),              /* port dx = acc */
  R2("out", WL, 0, 0xEF, -1, ACC, DX),
  R1("out", B,  0, 0xE6, -1, IMM8),
  R1("out", WL, 0, 0xE7, -1, IMM8),
  R1("out", B,  0, 0xEE, -1, DX),
  R1("out", WL, 0, 0xEF, -1, DX),
};

const size_t rs_asm_nforms = sizeof rs_asm_forms / sizeof rs_asm_forms[0];
