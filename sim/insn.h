/* Decoded IA-32 instructions: what the decoder produces once per
 * instruction (then cached) and the executor and disassembler consume.
 * Operands are in Intel order: o[0] is the destination. */
#ifndef RINGSIDE_INSN_H
#define RINGSIDE_INSN_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

/* Operations of the supported subset (DESIGN §2). The string is the AT&T
 * mnemonic stem the disassembler prints. */
#define RS_OPS(X)                                                            \
  X(INVALID, "(bad)")                                                        \
  X(MOV, "mov") X(MOVZX, "movz") X(MOVSX, "movs") X(LEA, "lea")            \
  X(XCHG, "xchg") X(PUSH, "push") X(POP, "pop") X(PUSHA, "pusha")           \
  X(POPA, "popa") X(PUSHF, "pushf") X(POPF, "popf")                          \
  X(ADD, "add") X(OR, "or") X(ADC, "adc") X(SBB, "sbb") X(AND, "and")      \
  X(SUB, "sub") X(XOR, "xor") X(CMP, "cmp")                                 \
  X(INC, "inc") X(DEC, "dec") X(NEG, "neg") X(NOT, "not") X(TEST, "test")  \
  X(ROL, "rol") X(ROR, "ror") X(RCL, "rcl") X(RCR, "rcr")                   \
  X(SHL, "shl") X(SHR, "shr") X(SAR, "sar")                                 \
  X(MUL, "mul") X(IMUL, "imul") X(DIV, "div") X(IDIV, "idiv")              \
  X(CBW, "cbtw") X(CWD, "cwtd")                                              \
  X(JMP, "jmp") X(JCC, "j") X(JECXZ, "jecxz") X(LOOP, "loop")               \
  X(CALL, "call") X(RET, "ret") X(LEAVE, "leave")                           \
  X(INT, "int") X(INT3, "int3") X(INTO, "into") X(IRET, "iret")             \
  X(HLT, "hlt") X(NOP, "nop") X(UD2, "ud2")                                 \
  X(SETCC, "set") X(CMOVCC, "cmov")                                          \
  X(CLD, "cld") X(STD, "std") X(CLC, "clc") X(STC, "stc") X(CMC, "cmc")    \
  X(MOVS, "movs") X(STOS, "stos") X(LODS, "lods") X(CMPS, "cmps")          \
  X(SCAS, "scas")                                                            \
  X(CLI, "cli") X(STI, "sti") X(LGDT, "lgdt") X(LIDT, "lidt")               \
  X(SGDT, "sgdt") X(SIDT, "sidt") X(LTR, "ltr") X(STR, "str")               \
  X(INVLPG, "invlpg") X(CPUID, "cpuid") X(IN, "in") X(OUT, "out")

typedef enum rs_op {
#define X(id, s) RS_OP_##id,
  RS_OPS(X)
#undef X
  RS_NOPS
} rs_op;

typedef enum rs_opnd_kind {
  RS_OPND_NONE, RS_OPND_REG, RS_OPND_SREG, RS_OPND_CREG, RS_OPND_IMM,
  RS_OPND_MEM, RS_OPND_REL
} rs_opnd_kind;

#define RS_NOREG 0xffu

typedef struct rs_operand {
  uint8_t  kind;       /* rs_opnd_kind */
  uint8_t  size;       /* bytes: 1, 2, 4 (6 for lgdt/lidt operands) */
  uint8_t  reg;        /* REG: 0-7 (size 1: al cl dl bl ah ch dh bh); SREG: rs_sreg; CREG: n */
  uint8_t  base;       /* MEM: 0-7 or RS_NOREG */
  uint8_t  index;      /* MEM: 0-7 or RS_NOREG */
  uint8_t  scale;      /* MEM: log2 of the scale, 0-3 */
  uint8_t  seg;        /* MEM: rs_sreg used (override or default) */
  uint8_t  disp_size;  /* MEM: 0, 1 or 4 bytes of displacement encoded */
  uint8_t  sib;        /* MEM: 1 if a SIB byte encoded the address (the disassembler
                          shows a redundant one as objdump does: "(%eax,%eiz,1)") */
  uint32_t val;        /* MEM: displacement; IMM: value (sign-extended); REL: target */
} rs_operand;

enum { RS_REP_NONE = 0, RS_REP_E = 1 /* F3 */, RS_REP_NE = 2 /* F2 */ };

typedef struct rs_insn {
  uint8_t op;          /* rs_op */
  uint8_t len;         /* total bytes, prefixes included (1-15) */
  uint8_t osize;       /* operand size in bytes: 1, 2 or 4 */
  uint8_t cond;        /* JCC/SETCC/CMOVCC: condition 0-15 (SDM Vol. 1 App. B) */
  uint8_t rep;         /* RS_REP_* */
  uint8_t seg_override;/* rs_sreg, or RS_NOREG */
  uint8_t nopnd;
  uint8_t short_form;  /* 1: a short encoding whose operand is implied and not
                          printed: 90 (xchg %eax,%eax), D0/D1 (shift by 1) */
  rs_operand o[3];
} rs_insn;

/* Decodes one instruction from `bytes` (at most `len` available) at linear
 * address `eip` (needed for relative targets). Returns the length, or 0 if
 * the bytes are not a supported instruction (out->op = RS_OP_INVALID) or
 * are truncated. Decoding is pure: no machine state is consulted. */
unsigned rs_decode(const uint8_t *bytes, size_t len, uint32_t eip, rs_insn *out);

/* The AT&T mnemonic stem of an operation. */
const char *rs_op_name(rs_op op);

#endif
