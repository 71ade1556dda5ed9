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

/* ZF, SF and PF of a result (PF: even number of 1 bits in the low byte). */
static inline uint32_t rs_szp(uint32_t r, unsigned size) {
  uint32_t f = 0;
  r &= rs_mask(size);
  if (r == 0) f |= RS_FL_ZF;
  if (r & rs_msb(size)) f |= RS_FL_SF;
  if (!__builtin_parity(r & 0xff)) f |= RS_FL_PF;
  return f;
}

/* a + b + cin; returns the result, *f gets CF PF AF ZF SF OF. */
static inline uint32_t rs_alu_add(uint32_t a, uint32_t b, uint32_t cin, unsigned size, uint32_t *f) {
  uint32_t m = rs_mask(size);
  a &= m;
  b &= m;
  uint64_t wide = (uint64_t)a + b + cin;
  uint32_t r = (uint32_t)wide & m;
  uint32_t fl = rs_szp(r, size);
  if (wide > m) fl |= RS_FL_CF;
  if ((a ^ b ^ r) & 0x10) fl |= RS_FL_AF;
  if ((a ^ r) & (b ^ r) & rs_msb(size)) fl |= RS_FL_OF;
  *f = fl;
  return r;
}

/* a - b - bin (SUB, SBB, CMP, NEG as 0 - b). */
static inline uint32_t rs_alu_sub(uint32_t a, uint32_t b, uint32_t bin, unsigned size, uint32_t *f) {
  uint32_t m = rs_mask(size);
  a &= m;
  b &= m;
  uint32_t r = (a - b - bin) & m;
  uint32_t fl = rs_szp(r, size);
  if ((uint64_t)b + bin > a) fl |= RS_FL_CF;
  if ((a ^ b ^ r) & 0x10) fl |= RS_FL_AF;
  if ((a ^ b) & (a ^ r) & rs_msb(size)) fl |= RS_FL_OF;
  *f = fl;
  return r;
}

/* AND, OR, XOR, TEST: CF = OF = 0, AF = 0. */
static inline uint32_t rs_alu_logic_flags(uint32_t r, unsigned size) { return rs_szp(r, size); }

#endif
