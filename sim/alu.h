/* Integer arithmetic with exact EFLAGS, per the SDM Vol. 2 instruction
 * pages. Where the SDM leaves a flag undefined we produce what QEMU's TCG
 * produces (its lazy-flags helpers), so differential tests agree:
 * AF = 0 after logic operations, shifts and multiplies; after MUL/IMUL,
 * SF, ZF and PF describe the low half of the product; after shifts by
 * more than one, OF = MSB(result) XOR MSB(value before the last shift).
 * DIV/IDIV leave every flag unchanged (QEMU does). */
#ifndef RINGSIDE_ALU_H
#define RINGSIDE_ALU_H

#include <stdint.h>

#include <ringside/machine.h>

#define RS_FL_ARITH (RS_FL_CF | RS_FL_PF | RS_FL_AF | RS_FL_ZF | RS_FL_SF | RS_FL_OF)

static inline uint32_t rs_mask(unsigned size) { return size == 4 ? 0xffffffffu : (1u << (8 * size)) - 1; }
static inline uint32_t rs_msb(unsigned size) { return 1u << (8 * size - 1); }
static inline uint32_t rs_sext(uint32_t v, unsigned size) {
  return size == 1 ? (uint32_t)(int32_t)(int8_t)v : size == 2 ? (uint32_t)(int32_t)(int16_t)v : v;
}

/* The flags below are computed without branches: they depend on the
 * operands' values, which no branch predictor can guess (a test of the
 * result's parity is wrong half the time). rs_flag_if(c, flag) is flag
 * if c is 1, else 0. */
static inline uint32_t rs_flag_if(uint32_t c, uint32_t flag) { return c * flag; }

/* ZF, SF and PF of a result (PF: even number of 1 bits in the low byte). */
static inline uint32_t rs_szp(uint32_t r, unsigned size) {
  r &= rs_mask(size);
  return rs_flag_if(r == 0, RS_FL_ZF) | rs_flag_if((r & rs_msb(size)) != 0, RS_FL_SF) |
         rs_flag_if(!__builtin_parity(r & 0xff), RS_FL_PF);
}

/* a + b + cin; returns the result, *f gets CF PF AF ZF SF OF. */
static inline uint32_t rs_alu_add(uint32_t a, uint32_t b, uint32_t cin, unsigned size, uint32_t *f) {
  uint32_t m = rs_mask(size);
  a &= m;
  b &= m;
  uint64_t wide = (uint64_t)a + b + cin;
  uint32_t r = (uint32_t)wide & m;
  *f = rs_szp(r, size) | rs_flag_if(wide > m, RS_FL_CF) | ((a ^ b ^ r) & RS_FL_AF) |
       rs_flag_if(((a ^ r) & (b ^ r) & rs_msb(size)) != 0, RS_FL_OF);
  return r;
}

/* a - b - bin (SUB, SBB, CMP, NEG as 0 - b). */
static inline uint32_t rs_alu_sub(uint32_t a, uint32_t b, uint32_t bin, unsigned size, uint32_t *f) {
  uint32_t m = rs_mask(size);
  a &= m;
  b &= m;
  uint32_t r = (a - b - bin) & m;
  *f = rs_szp(r, size) | rs_flag_if((uint64_t)b + bin > a, RS_FL_CF) | ((a ^ b ^ r) & RS_FL_AF) |
       rs_flag_if(((a ^ b) & (a ^ r) & rs_msb(size)) != 0, RS_FL_OF);
  return r;
}

/* AND, OR, XOR, TEST: CF = OF = 0, AF = 0. */
static inline uint32_t rs_alu_logic_flags(uint32_t r, unsigned size) { return rs_szp(r, size); }

#endif
