/* The executor: the semantics of each instruction of the subset, per the
 * Intel SDM Vol. 2 instruction pages. Every instruction either completes
 * (registers, memory and EIP updated, each change recorded when recording)
 * or faults with no architectural register changed, so the fault's saved
 * EIP restarts it (SDM Vol. 3A §6.5). String instructions with a REP
 * prefix run one iteration per step, as the hardware does between
 * interrupt windows (SDM Vol. 2 REP: "interrupts are recognized ... after
 * each iteration"). */
#include "alu.h"
#include "machine-internal.h"

#define TRY(x) do { rs_status st_ = (x); if (st_ != RS_OK) return st_; } while (0)

static inline bool at_user(const rs_machine *m) { return rs_cpu_cpl(&m->cpu) == 3; }
static inline unsigned iopl(const rs_machine *m) { return (m->cpu.eflags >> 12) & 3; }

/* ---- forms ----
 *
 * The executor's semantics are written once, as templates that take an
 * instruction's operand kinds and size as arguments. The generic path
 * (rs_exec) passes ANY, and the template reads them from the decoded
 * instruction; rs_exec_select instantiates the templates with constants
 * for the common all-32-bit forms, and the compiler folds the operand
 * switches away. Both run the same code, so they record the same effects
 * in the same order. */

#define RS_TEMPLATE static inline __attribute__((always_inline))

enum { ANY = 0xff };

/* The path a template instance takes. FULL does everything, recording
 * included. FAST is for the fast instances of the specialised handlers:
 * they run only on steps that record nothing, and they call nothing: a
 * memory access must hit the TLB inside RAM on a page no cache watches,
 * and nothing may fault; otherwise the instance returns RS_RETRY and its
 * wrapper reruns the instruction on the FULL path. The templates access
 * memory before they change anything else, so a retry starts from the
 * state the instruction found. */
typedef enum path { FULL, FAST } path;

/* An operand's kind: the template's constant, or the decoded one. */
RS_TEMPLATE unsigned kind_of(const rs_operand *o, unsigned k) { return k == ANY ? o->kind : k; }
/* A size: the template's constant (4), or `decoded` when it passes 0. */
RS_TEMPLATE unsigned size_or(unsigned fixed, unsigned decoded) { return fixed ? fixed : decoded; }

/* ---- operands ---- */

RS_TEMPLATE uint32_t reg_get(const rs_cpu *c, unsigned r, unsigned size) {
  if (size == 4) return c->gpr[r];
  if (size == 2) return c->gpr[r] & 0xffff;
  return r < 4 ? c->gpr[r] & 0xff : (c->gpr[r - 4] >> 8) & 0xff;
}

RS_TEMPLATE void reg_put(rs_machine *m, unsigned r, unsigned size, uint32_t v, rs_why why) {
  uint32_t old;
  switch (size) {
  case 4: rs_set_gpr(m, r, v, why); return;
  case 2: old = m->cpu.gpr[r]; rs_set_gpr(m, r, (old & 0xffff0000u) | (v & 0xffff), why); return;
  default:
    if (r < 4) {
      old = m->cpu.gpr[r];
      rs_set_gpr(m, r, (old & ~0xffu) | (v & 0xff), why);
    } else {
      old = m->cpu.gpr[r - 4];
      rs_set_gpr(m, r - 4, (old & ~0xff00u) | (v & 0xff) << 8, why);
    }
  }
}

RS_TEMPLATE uint32_t ea_of(const rs_cpu *c, const rs_operand *o) {
  uint32_t a = o->val;
  if (o->base != RS_NOREG) a += c->gpr[o->base];
  if (o->index != RS_NOREG) a += c->gpr[o->index] << o->scale;
  return a;
}

/* Linear address of offset `off` in segment `s`; a null (unusable) segment
 * faults: #SS(0) for SS, #GP(0) otherwise (SDM Vol. 3A §5.4.1). */
RS_TEMPLATE rs_status seg_lin(rs_machine *m, unsigned s, uint32_t off, uint32_t *lin, path p) {
  const rs_seg_cache *sc = &m->cpu.seg[s];
  if (!(sc->access & 0x80)) {
    if (p == FAST) return RS_RETRY;
    if (s == RS_SS) {
      rs_fault(m, 12, true, 0);
      return RS_FAULT;
    }
    return rs_fault_gp(m, 0);
  }
  *lin = sc->base + off;
  return RS_OK;
}

RS_TEMPLATE rs_status mem_read(rs_machine *m, uint32_t lin, unsigned size, uint32_t *v, rs_why why, path p) {
  if (p == FAST) return rs_mem_read_hit(m, lin, size, at_user(m), v) ? RS_OK : RS_RETRY;
  TRY(rs_mem_read(m, lin, size, at_user(m), v));
  if (m->rec) {
    rs_effect e = { .kind = RS_EFF_READ, .size = (uint8_t)size, .why = (uint16_t)why,
                    .addr = lin, .new_val = *v };
    rs_eff_push(m, &e);
  }
  return RS_OK;
}

RS_TEMPLATE rs_status mem_write(rs_machine *m, uint32_t lin, unsigned size, uint32_t v, rs_why why, path p) {
  uint32_t phys;
  if (p == FULL) return rs_mem_write(m, lin, size, at_user(m), v, why);
  if (!rs_mem_write_hit(m, lin, size, at_user(m), &phys) || m->page_flags[phys >> 12]) return RS_RETRY;
  rs_mem_store(m, phys, v, why);
  return RS_OK;
}

RS_TEMPLATE rs_status opnd_lin(rs_machine *m, const rs_operand *o, uint32_t *lin, path p) {
  return seg_lin(m, o->seg, ea_of(&m->cpu, o), lin, p);
}

/* Reads an operand of kind `kind` and size `size` (ANY and 0: the decoded ones). */
RS_TEMPLATE rs_status opnd_read_as(rs_machine *m, const rs_operand *o, unsigned kind, unsigned size,
                                   uint32_t *v, path p) {
  uint32_t lin;
  size = size_or(size, o->size);
  switch ((rs_opnd_kind)kind_of(o, kind)) {
  case RS_OPND_REG: *v = reg_get(&m->cpu, o->reg, size); return RS_OK;
  case RS_OPND_IMM: *v = o->val & rs_mask(size > 4 ? 4 : size); return RS_OK;
  case RS_OPND_SREG: *v = m->cpu.sel[o->reg]; return RS_OK;
  case RS_OPND_MEM:
    TRY(opnd_lin(m, o, &lin, p));
    return mem_read(m, lin, size, v, RS_WHY_OPERAND, p);
  case RS_OPND_REL: *v = o->val; return RS_OK;
  case RS_OPND_CREG:
  case RS_OPND_NONE: break;
  }
  *v = 0;
  return RS_OK;
}

RS_TEMPLATE rs_status opnd_write_as(rs_machine *m, const rs_operand *o, unsigned kind, unsigned size,
                                    uint32_t v, rs_why why, path p) {
  uint32_t lin;
  size = size_or(size, o->size);
  switch ((rs_opnd_kind)kind_of(o, kind)) {
  case RS_OPND_REG: reg_put(m, o->reg, size, v, why); return RS_OK;
  case RS_OPND_MEM:
    TRY(opnd_lin(m, o, &lin, p));
    return mem_write(m, lin, size, v, why, p);
  case RS_OPND_IMM:
  case RS_OPND_SREG:
  case RS_OPND_CREG:
  case RS_OPND_REL:
  case RS_OPND_NONE: break;
  }
  return RS_OK;
}

static rs_status opnd_read(rs_machine *m, const rs_operand *o, uint32_t *v) {
  return opnd_read_as(m, o, ANY, 0, v, FULL);
}

static rs_status opnd_write(rs_machine *m, const rs_operand *o, uint32_t v, rs_why why) {
  return opnd_write_as(m, o, ANY, 0, v, why, FULL);
}

/* Only arithmetic flags change here, so no reserved bit needs fixing. */
RS_TEMPLATE void set_arith_flags(rs_machine *m, uint32_t f, uint32_t affected, rs_why why) {
  uint32_t v = (m->cpu.eflags & ~affected) | (f & affected);
  if (m->rec && m->cpu.eflags != v) rs_eff_reg(m, RS_LOC_EFLAGS, m->cpu.eflags, v, why);
  m->cpu.eflags = v;
}

/* ---- the stack ---- */

RS_TEMPLATE rs_status push(rs_machine *m, uint32_t v, unsigned size, rs_why why, path p) {
  uint32_t esp = m->cpu.gpr[RS_ESP] - size, lin;
  TRY(seg_lin(m, RS_SS, esp, &lin, p));
  TRY(mem_write(m, lin, size, v, why, p));
  rs_set_gpr(m, RS_ESP, esp, why);
  return RS_OK;
}

/* Reads the word `off` bytes above ESP without popping it. */
RS_TEMPLATE rs_status stack_peek(rs_machine *m, uint32_t off, unsigned size, uint32_t *v, rs_why why,
                                 path p) {
  uint32_t lin;
  TRY(seg_lin(m, RS_SS, m->cpu.gpr[RS_ESP] + off, &lin, p));
  return mem_read(m, lin, size, v, why, p);
}

/* ---- conditions (SDM Vol. 1 Appendix B) ---- */

RS_TEMPLATE bool cond_true(uint32_t f, unsigned cc) {
  bool cf = f & RS_FL_CF, zf = f & RS_FL_ZF, sf = f & RS_FL_SF, of = f & RS_FL_OF, pf = f & RS_FL_PF;
  bool r;
  switch (cc >> 1) {
  case 0: r = of; break;
  case 1: r = cf; break;
  case 2: r = zf; break;
  case 3: r = cf || zf; break;
  case 4: r = sf; break;
  case 5: r = pf; break;
  case 6: r = sf != of; break;
  default: r = zf || (sf != of); break;
  }
  return (cc & 1) ? !r : r;
}

/* ---- instruction groups ---- */

/* ADD, OR, ADC, SBB, AND, SUB, XOR, CMP, TEST: o[0] op o[1]. */
RS_TEMPLATE rs_status alu_as(rs_machine *m, const rs_insn *in, unsigned op, unsigned kd, unsigned ks,
                             unsigned fixed, path p) {
  const rs_operand *d = &in->o[0], *s = &in->o[1];
  unsigned size = size_or(fixed, in->osize), ssize = size_or(fixed, s->size);
  uint32_t a, b, r, f, cf = m->cpu.eflags & RS_FL_CF ? 1 : 0;
  TRY(opnd_read_as(m, d, kd, fixed, &a, p));
  TRY(opnd_read_as(m, s, ks, fixed, &b, p));
  b = rs_sext(b, ssize < size ? ssize : size) & rs_mask(size);
  switch (op) {
  case RS_OP_ADD: r = rs_alu_add(a, b, 0, size, &f); break;
  case RS_OP_ADC: r = rs_alu_add(a, b, cf, size, &f); break;
  case RS_OP_SUB:
  case RS_OP_CMP: r = rs_alu_sub(a, b, 0, size, &f); break;
  case RS_OP_SBB: r = rs_alu_sub(a, b, cf, size, &f); break;
  case RS_OP_AND:
  case RS_OP_TEST: r = a & b; f = rs_alu_logic_flags(r, size); break;
  case RS_OP_OR: r = a | b; f = rs_alu_logic_flags(r, size); break;
  default: r = a ^ b; f = rs_alu_logic_flags(r, size); break;
  }
  if (op != RS_OP_CMP && op != RS_OP_TEST) TRY(opnd_write_as(m, d, kd, fixed, r, RS_WHY_RESULT, p));
  set_arith_flags(m, f, RS_FL_ARITH, RS_WHY_FLAGS);
  return RS_OK;
}

static rs_status exec_alu(rs_machine *m, const rs_insn *in) {
  return alu_as(m, in, in->op, ANY, ANY, 0, FULL);
}

/* INC, DEC, NEG, NOT on o[0]. */
RS_TEMPLATE rs_status unary_as(rs_machine *m, const rs_insn *in, unsigned op, unsigned kd,
                               unsigned fixed, path p) {
  const rs_operand *d = &in->o[0];
  unsigned size = size_or(fixed, in->osize);
  uint32_t a, r, f;
  TRY(opnd_read_as(m, d, kd, fixed, &a, p));
  switch (op) {
  case RS_OP_INC:
    r = rs_alu_add(a, 1, 0, size, &f);
    TRY(opnd_write_as(m, d, kd, fixed, r, RS_WHY_RESULT, p));
    set_arith_flags(m, f, RS_FL_ARITH & ~RS_FL_CF, RS_WHY_FLAGS);
    return RS_OK;
  case RS_OP_DEC:
    r = rs_alu_sub(a, 1, 0, size, &f);
    TRY(opnd_write_as(m, d, kd, fixed, r, RS_WHY_RESULT, p));
    set_arith_flags(m, f, RS_FL_ARITH & ~RS_FL_CF, RS_WHY_FLAGS);
    return RS_OK;
  case RS_OP_NEG:
    r = rs_alu_sub(0, a, 0, size, &f);
    TRY(opnd_write_as(m, d, kd, fixed, r, RS_WHY_RESULT, p));
    set_arith_flags(m, f, RS_FL_ARITH, RS_WHY_FLAGS);
    return RS_OK;
  default: /* NOT: no flags */
    return opnd_write_as(m, d, kd, fixed, ~a & rs_mask(size), RS_WHY_RESULT, p);
  }
}

static rs_status exec_unary(rs_machine *m, const rs_insn *in) {
  return unary_as(m, in, in->op, ANY, 0, FULL);
}

/* Shifts and rotates (SDM Vol. 2 SAL/SAR/SHL/SHR, RCL/RCR/ROL/ROR). The
 * count is masked to 5 bits; a masked count of 0 changes nothing. */
static rs_status exec_shift(rs_machine *m, const rs_insn *in) {
  const rs_operand *d = &in->o[0];
  unsigned size = in->osize, bits = 8 * size;
  uint32_t a, cnt, msk = rs_mask(size), msb = rs_msb(size);
  TRY(opnd_read(m, d, &a));
  TRY(opnd_read(m, &in->o[1], &cnt));
  cnt &= 0x1f;
  if (cnt == 0) return RS_OK;
  uint32_t r = a, f = m->cpu.eflags, affected;
  switch (in->op) {
  case RS_OP_SHL: {
    uint32_t before = cnt > bits ? 0 : (cnt == 32 ? 0 : (a << (cnt - 1)) & msk);
    r = cnt >= bits ? 0 : (a << cnt) & msk;
    f = rs_szp(r, size);
    if (before & msb) f |= RS_FL_CF;
    if ((before ^ r) & msb) f |= RS_FL_OF;
    affected = RS_FL_ARITH;
    break;
  }
  case RS_OP_SHR: {
    uint32_t before = cnt > bits ? 0 : a >> (cnt - 1);
    r = cnt >= bits ? 0 : a >> cnt;
    f = rs_szp(r, size);
    if (before & 1) f |= RS_FL_CF;
    if ((before ^ r) & msb) f |= RS_FL_OF;
    affected = RS_FL_ARITH;
    break;
  }
  case RS_OP_SAR: {
    int32_t sa = (int32_t)rs_sext(a, size);
    unsigned c1 = cnt - 1 >= bits ? bits - 1 : cnt - 1;
    uint32_t before = (uint32_t)(sa >> c1) & msk;
    r = (uint32_t)(sa >> (cnt >= bits ? bits - 1 : cnt)) & msk;
    f = rs_szp(r, size);
    if (before & 1) f |= RS_FL_CF;
    affected = RS_FL_ARITH;
    break;
  }
  case RS_OP_ROL:
  case RS_OP_ROR: {
    unsigned n = cnt % bits;
    if (in->op == RS_OP_ROL)
      r = n ? ((a << n) | (a >> (bits - n))) & msk : a;
    else
      r = n ? ((a >> n) | (a << (bits - n))) & msk : a;
    f = m->cpu.eflags & ~(RS_FL_CF | RS_FL_OF);
    bool cf = in->op == RS_OP_ROL ? (r & 1) : (r & msb) != 0;
    bool of = in->op == RS_OP_ROL ? (((r & msb) != 0) != cf)
                                  : (((r & msb) != 0) != ((r & (msb >> 1)) != 0));
    if (cf) f |= RS_FL_CF;
    if (of) f |= RS_FL_OF;
    affected = RS_FL_CF | RS_FL_OF;
    break;
  }
  default: { /* RCL, RCR: rotate through CF, bits + 1 positions */
    unsigned n = cnt % (bits + 1);
    uint32_t cf = m->cpu.eflags & RS_FL_CF ? 1 : 0;
    for (unsigned i = 0; i < n; i++) {
      if (in->op == RS_OP_RCL) {
        uint32_t out = (r & msb) != 0;
        r = ((r << 1) | cf) & msk;
        cf = out;
      } else {
        uint32_t out = r & 1;
        r = (r >> 1) | (cf ? msb : 0);
        cf = out;
      }
    }
    f = m->cpu.eflags & ~(RS_FL_CF | RS_FL_OF);
    if (cf) f |= RS_FL_CF;
    bool of = in->op == RS_OP_RCL ? (((r & msb) != 0) != (cf != 0))
                                  : (((r & msb) != 0) != ((r & (msb >> 1)) != 0));
    if (of) f |= RS_FL_OF;
    affected = RS_FL_CF | RS_FL_OF;
    break;
  }
  }
  TRY(opnd_write(m, d, r, RS_WHY_RESULT));
  set_arith_flags(m, f, affected, RS_WHY_FLAGS);
  return RS_OK;
}

/* One-operand MUL/IMUL/DIV/IDIV on AL/AX/EAX (+AH/DX/EDX). */
static rs_status exec_muldiv(rs_machine *m, const rs_insn *in) {
  unsigned size = in->osize;
  uint32_t src, msk = rs_mask(size);
  TRY(opnd_read(m, &in->o[0], &src));
  rs_cpu *c = &m->cpu;
  uint64_t lo_in = c->gpr[RS_EAX] & msk;
  uint64_t hi_in = size == 1 ? (c->gpr[RS_EAX] >> 8) & 0xff : c->gpr[RS_EDX] & msk;
  uint64_t dividend = size == 1 ? c->gpr[RS_EAX] & 0xffff : (hi_in << (8 * size)) | lo_in;
  uint64_t lo, hi;
  switch (in->op) {
  case RS_OP_MUL: {
    uint64_t p = lo_in * (uint64_t)src;
    lo = p & msk;
    hi = (p >> (8 * size)) & msk;
    break;
  }
  case RS_OP_IMUL: {
    int64_t p = (int64_t)(int32_t)rs_sext((uint32_t)lo_in, size) * (int32_t)rs_sext(src, size);
    lo = (uint64_t)p & msk;
    hi = ((uint64_t)p >> (8 * size)) & msk;
    break;
  }
  case RS_OP_DIV: {
    if (src == 0) {
      rs_fault(m, 0, false, 0);
      return RS_FAULT;
    }
    uint64_t q = dividend / src;
    if (q > msk) {
      rs_fault(m, 0, false, 0);
      return RS_FAULT;
    }
    lo = q;
    hi = dividend % src;
    break;
  }
  default: { /* IDIV */
    int64_t dv = size == 4 ? (int64_t)dividend : (int64_t)rs_sext((uint32_t)dividend, 2 * size);
    int64_t sv = (int32_t)rs_sext(src, size);
    if (sv == 0) {
      rs_fault(m, 0, false, 0);
      return RS_FAULT;
    }
    int64_t q = dv / sv, rem = dv % sv;
    int64_t lim = (int64_t)1 << (8 * size - 1);
    if (q >= lim || q < -lim) {
      rs_fault(m, 0, false, 0);
      return RS_FAULT;
    }
    lo = (uint64_t)q & msk;
    hi = (uint64_t)rem & msk;
    break;
  }
  }
  if (size == 1) {
    reg_put(m, RS_EAX, 2, (uint32_t)(lo | hi << 8), RS_WHY_RESULT);
  } else {
    reg_put(m, RS_EAX, size, (uint32_t)lo, RS_WHY_RESULT);
    reg_put(m, RS_EDX, size, (uint32_t)hi, RS_WHY_RESULT);
  }
  if (in->op == RS_OP_MUL || in->op == RS_OP_IMUL) {
    bool over = in->op == RS_OP_MUL ? hi != 0
                                    : hi != ((lo & rs_msb(size)) ? msk : 0);
    uint32_t f = rs_szp((uint32_t)lo, size);
    if (over) f |= RS_FL_CF | RS_FL_OF;
    set_arith_flags(m, f, RS_FL_ARITH, RS_WHY_FLAGS);
  }
  return RS_OK;
}

/* IMUL r, r/m[, imm]: truncated signed product; CF = OF = overflow. */
static rs_status exec_imul_n(rs_machine *m, const rs_insn *in) {
  unsigned size = in->osize;
  uint32_t a, b;
  const rs_operand *sa = in->nopnd == 3 ? &in->o[1] : &in->o[0];
  const rs_operand *sb = in->nopnd == 3 ? &in->o[2] : &in->o[1];
  TRY(opnd_read(m, sa, &a));
  TRY(opnd_read(m, sb, &b));
  int64_t p = (int64_t)(int32_t)rs_sext(a, size) * (int32_t)rs_sext(b, size);
  uint32_t r = (uint32_t)p & rs_mask(size);
  uint32_t f = rs_szp(r, size);
  if ((int64_t)(int32_t)rs_sext(r, size) != p) f |= RS_FL_CF | RS_FL_OF;
  reg_put(m, in->o[0].reg, size, r, RS_WHY_RESULT);
  set_arith_flags(m, f, RS_FL_ARITH, RS_WHY_FLAGS);
  return RS_OK;
}

/* ---- string instructions ---- */

static rs_status exec_string(rs_machine *m, const rs_insn *in, uint32_t next) {
  rs_cpu *c = &m->cpu;
  unsigned size = in->osize;
  int32_t step = (c->eflags & RS_FL_DF) ? -(int32_t)size : (int32_t)size;
  if (in->rep && c->gpr[RS_ECX] == 0) {
    rs_set_eip(m, next, RS_WHY_NEXT_EIP);
    return RS_OK;
  }
  unsigned src_seg = in->seg_override != RS_NOREG ? in->seg_override : RS_DS;
  uint32_t src_lin = 0, dst_lin = 0, v = 0, w = 0, f = 0;
  bool uses_src = in->op == RS_OP_MOVS || in->op == RS_OP_LODS || in->op == RS_OP_CMPS;
  bool uses_dst = in->op != RS_OP_LODS;
  if (uses_src) TRY(seg_lin(m, src_seg, c->gpr[RS_ESI], &src_lin, FULL));
  if (uses_dst) TRY(seg_lin(m, RS_ES, c->gpr[RS_EDI], &dst_lin, FULL));
  switch (in->op) {
  case RS_OP_MOVS:
    TRY(mem_read(m, src_lin, size, &v, RS_WHY_STRING, FULL));
    TRY(rs_mem_write(m, dst_lin, size, at_user(m), v, RS_WHY_STRING));
    break;
  case RS_OP_STOS:
    TRY(rs_mem_write(m, dst_lin, size, at_user(m), reg_get(c, RS_EAX, size), RS_WHY_STRING));
    break;
  case RS_OP_LODS:
    TRY(mem_read(m, src_lin, size, &v, RS_WHY_STRING, FULL));
    reg_put(m, RS_EAX, size, v, RS_WHY_STRING);
    break;
  case RS_OP_CMPS:
    TRY(mem_read(m, src_lin, size, &v, RS_WHY_STRING, FULL));
    TRY(mem_read(m, dst_lin, size, &w, RS_WHY_STRING, FULL));
    rs_alu_sub(v, w, 0, size, &f);
    set_arith_flags(m, f, RS_FL_ARITH, RS_WHY_FLAGS);
    break;
  default: /* SCAS */
    TRY(mem_read(m, dst_lin, size, &w, RS_WHY_STRING, FULL));
    rs_alu_sub(reg_get(c, RS_EAX, size), w, 0, size, &f);
    set_arith_flags(m, f, RS_FL_ARITH, RS_WHY_FLAGS);
    break;
  }
  if (uses_src) rs_set_gpr(m, RS_ESI, c->gpr[RS_ESI] + (uint32_t)step, RS_WHY_STRING);
  if (uses_dst) rs_set_gpr(m, RS_EDI, c->gpr[RS_EDI] + (uint32_t)step, RS_WHY_STRING);
  bool done = true;
  if (in->rep) {
    uint32_t ecx = c->gpr[RS_ECX] - 1;
    rs_set_gpr(m, RS_ECX, ecx, RS_WHY_STRING);
    done = ecx == 0;
    if (in->op == RS_OP_CMPS || in->op == RS_OP_SCAS) {
      bool zf = c->eflags & RS_FL_ZF;
      if (in->rep == RS_REP_E ? !zf : zf) done = true;
    }
  }
  if (done) rs_set_eip(m, next, RS_WHY_NEXT_EIP);
  return RS_OK; /* not done: EIP stays on the instruction for the next iteration */
}

/* ---- system instructions ---- */

static rs_status need_cpl0(rs_machine *m) {
  unsigned cpl = rs_cpu_cpl(&m->cpu);
  if (m->rec) rs_eff_info(m, RS_EFF_CHECK, 0, cpl == 0, 0, cpl, 0, RS_WHY_CHECK_PRIVILEGE);
  return cpl == 0 ? RS_OK : rs_fault_gp(m, 0);
}

/* I/O permission (SDM Vol. 1 §19.5): CPL <= IOPL, or every bit for the
 * accessed ports clear in the TSS I/O bitmap; else #GP(0). */
static rs_status io_allowed(rs_machine *m, uint16_t port, unsigned size) {
  unsigned cpl = rs_cpu_cpl(&m->cpu);
  bool ok = cpl <= iopl(m);
  if (!ok) {
    const rs_seg_cache *t = &m->cpu.tr_cache;
    uint32_t iomb;
    if (t->limit >= 0x67 && rs_mem_read(m, t->base + 0x66, 2, false, &iomb) == RS_OK) {
      uint32_t off = iomb + port / 8, bits;
      if (off + 1 <= t->limit && rs_mem_read(m, t->base + off, 2, false, &bits) == RS_OK)
        ok = ((bits >> (port & 7)) & ((1u << size) - 1)) == 0;
    }
  }
  if (m->rec) rs_eff_info(m, RS_EFF_CHECK, port, ok, 0, cpl, iopl(m), RS_WHY_CHECK_IO);
  return ok ? RS_OK : rs_fault_gp(m, 0);
}

static rs_status exec_ltr(rs_machine *m, const rs_insn *in) {
  uint32_t sel, lo, hi;
  TRY(need_cpl0(m));
  TRY(opnd_read(m, &in->o[0], &sel));
  sel &= 0xffff;
  if ((sel & 0xfffc) == 0) return rs_fault_gp(m, 0);
  TRY(rs_read_descriptor(m, (uint16_t)sel, &lo, &hi, RS_WHY_GDT_READ_SEG));
  if (((hi >> 8) & 0x1f) != 0x09) return rs_fault_gp(m, sel & 0xfffc); /* available 32-bit TSS */
  if (!(hi & 0x8000)) {
    rs_fault(m, 11, true, sel & 0xfffc);
    return RS_FAULT;
  }
  uint32_t busy = hi | 0x200; /* type 9 -> 0xB */
  TRY(rs_mem_write(m, m->cpu.gdtr.base + (sel & 0xfff8) + 4, 4, false, busy, RS_WHY_LTR));
  rs_seg_cache tc = { 0 };
  rs_seg_from_descriptor(&tc, lo, busy);
  rs_cpu *c = &m->cpu;
  if (m->rec) {
    if (c->tr != sel) rs_eff_reg(m, RS_LOC_TR, c->tr, sel, RS_WHY_LTR);
    if (c->tr_cache.base != tc.base) rs_eff_reg(m, RS_LOC_TR_BASE, c->tr_cache.base, tc.base, RS_WHY_LTR);
    if (c->tr_cache.limit != tc.limit) rs_eff_reg(m, RS_LOC_TR_LIMIT, c->tr_cache.limit, tc.limit, RS_WHY_LTR);
    uint32_t oa = c->tr_cache.access | (uint32_t)c->tr_cache.flags << 8, na = tc.access | (uint32_t)tc.flags << 8;
    if (oa != na) rs_eff_reg(m, RS_LOC_TR_ATTR, oa, na, RS_WHY_LTR);
  }
  c->tr = (uint16_t)sel;
  c->tr_cache = tc;
  return RS_OK;
}

static rs_status exec_descriptor_table(rs_machine *m, const rs_insn *in) {
  bool idt = in->op == RS_OP_LIDT || in->op == RS_OP_SIDT;
  rs_dtr *r = idt ? &m->cpu.idtr : &m->cpu.gdtr;
  uint32_t lin;
  TRY(opnd_lin(m, &in->o[0], &lin, FULL));
  if (in->op == RS_OP_SGDT || in->op == RS_OP_SIDT) {
    TRY(rs_mem_probe_write(m, lin, 6, at_user(m)));
    TRY(rs_mem_write(m, lin, 2, at_user(m), r->limit, RS_WHY_RESULT));
    return rs_mem_write(m, lin + 2, 4, at_user(m), r->base, RS_WHY_RESULT);
  }
  uint32_t limit, base;
  TRY(need_cpl0(m));
  TRY(mem_read(m, lin, 2, &limit, RS_WHY_OPERAND, FULL));
  TRY(mem_read(m, lin + 2, 4, &base, RS_WHY_OPERAND, FULL));
  rs_why why = idt ? RS_WHY_LIDT : RS_WHY_LGDT;
  if (m->rec) {
    if (r->base != base) rs_eff_reg(m, idt ? RS_LOC_IDTR_BASE : RS_LOC_GDTR_BASE, r->base, base, why);
    if (r->limit != limit) rs_eff_reg(m, idt ? RS_LOC_IDTR_LIMIT : RS_LOC_GDTR_LIMIT, r->limit, limit, why);
  }
  r->base = base;
  r->limit = (uint16_t)limit;
  return RS_OK;
}

/* CPUID: a minimal identity (vendor GenuineIntel, family 6) — enough for
 * code that asks; VM scenarios intercept it. */
static void exec_cpuid(rs_machine *m) {
  uint32_t leaf = m->cpu.gpr[RS_EAX], a = 0, b = 0, cx = 0, d = 0;
  if (leaf == 0) {
    a = 1;
    b = 0x756e6547; /* "Genu" */
    d = 0x49656e69; /* "ineI" */
    cx = 0x6c65746e; /* "ntel" */
  } else if (leaf == 1) {
    a = 0x00000633; /* family 6, model 3, stepping 3 */
    d = 0x00000001; /* FPU */
  }
  rs_set_gpr(m, RS_EAX, a, RS_WHY_RESULT);
  rs_set_gpr(m, RS_EBX, b, RS_WHY_RESULT);
  rs_set_gpr(m, RS_ECX, cx, RS_WHY_RESULT);
  rs_set_gpr(m, RS_EDX, d, RS_WHY_RESULT);
}

static rs_status exec_popf(rs_machine *m, const rs_insn *in) {
  uint32_t v;
  unsigned cpl = rs_cpu_cpl(&m->cpu);
  TRY(stack_peek(m, 0, in->osize, &v, RS_WHY_POPFD, FULL));
  /* SDM Vol. 2 POPF: VM, VIP, VIF unaffected, RF cleared; IOPL only at
   * CPL 0; IF only when CPL <= IOPL — silently, without a fault. */
  uint32_t changeable = RS_FL_ARITH | RS_FL_TF | RS_FL_DF | RS_FL_NT | RS_FL_AC | RS_FL_ID;
  if (cpl == 0) changeable |= RS_FL_IOPL;
  if (cpl <= iopl(m)) changeable |= RS_FL_IF;
  if (in->osize == 2) changeable &= 0xffff;
  uint32_t nf = ((m->cpu.eflags & ~changeable) | (v & changeable)) & ~RS_FL_RF;
  rs_set_gpr(m, RS_ESP, m->cpu.gpr[RS_ESP] + in->osize, RS_WHY_POPFD);
  rs_set_eflags(m, nf, RS_WHY_POPFD);
  return RS_OK;
}

static rs_status exec_pusha(rs_machine *m, const rs_insn *in) {
  static const rs_why whys[8] = { RS_WHY_PUSHAD_EAX, RS_WHY_PUSHAD_ECX, RS_WHY_PUSHAD_EDX,
                                  RS_WHY_PUSHAD_EBX, RS_WHY_PUSHAD_ESP, RS_WHY_PUSHAD_EBP,
                                  RS_WHY_PUSHAD_ESI, RS_WHY_PUSHAD_EDI };
  unsigned size = in->osize;
  uint32_t lin, orig_esp = m->cpu.gpr[RS_ESP];
  TRY(seg_lin(m, RS_SS, orig_esp - 8 * size, &lin, FULL));
  TRY(rs_mem_probe_write(m, lin, 8 * size, at_user(m)));
  uint32_t vals[8];
  for (unsigned r = 0; r < 8; r++) vals[r] = r == RS_ESP ? orig_esp : m->cpu.gpr[r];
  for (unsigned r = 0; r < 8; r++) TRY(push(m, vals[r] & rs_mask(size), size, whys[r], FULL));
  return RS_OK;
}

static rs_status exec_popa(rs_machine *m, const rs_insn *in) {
  unsigned size = in->osize;
  uint32_t vals[8];
  for (unsigned i = 0; i < 8; i++) /* EDI first (lowest address) ... EAX last */
    TRY(stack_peek(m, i * size, size, &vals[7 - i], RS_WHY_POPAD, FULL));
  for (unsigned i = 0; i < 8; i++) {
    unsigned r = 7 - i;
    if (r != RS_ESP) reg_put(m, r, size, vals[r], RS_WHY_POPAD);
    rs_set_gpr(m, RS_ESP, m->cpu.gpr[RS_ESP] + size,
               r == RS_ESP ? RS_WHY_POPAD_SKIP_ESP : RS_WHY_POPAD);
  }
  return RS_OK;
}

/* MOV to or from a control register. */
static rs_status mov_cr(rs_machine *m, const rs_insn *in) {
  const rs_operand *d = &in->o[0], *s = &in->o[1];
  uint32_t v;
  TRY(need_cpl0(m));
  if (d->kind == RS_OPND_CREG) {
    v = m->cpu.gpr[s->reg];
    if (d->reg == 0 && (v & RS_CR0_PG) && !(v & RS_CR0_PE)) return rs_fault_gp(m, 0);
    rs_set_cr(m, d->reg, v, RS_WHY_MOV_CR);
  } else {
    static const unsigned idx[5] = { 0, 0, 2, 3, 4 };
    const uint32_t *crs[5] = { &m->cpu.cr0, &m->cpu.cr0, &m->cpu.cr2, &m->cpu.cr3, &m->cpu.cr4 };
    rs_set_gpr(m, d->reg, *crs[idx[s->reg]], RS_WHY_RESULT);
  }
  return RS_OK;
}

RS_TEMPLATE rs_status mov_as(rs_machine *m, const rs_insn *in, unsigned kd, unsigned ks, unsigned fixed,
                             path p) {
  const rs_operand *d = &in->o[0], *s = &in->o[1];
  uint32_t v;
  if (kind_of(d, kd) == RS_OPND_CREG || kind_of(s, ks) == RS_OPND_CREG) return mov_cr(m, in);
  TRY(opnd_read_as(m, s, ks, fixed, &v, p));
  if (kind_of(d, kd) == RS_OPND_SREG) {
    TRY(rs_load_sreg_checked(m, (rs_sreg)d->reg, (uint16_t)v, RS_WHY_SEG_LOAD));
    if (d->reg == RS_SS) m->core.shadow = 1; /* MOV SS inhibits interrupts for one instruction */
    return RS_OK;
  }
  return opnd_write_as(m, d, kd, fixed, v, RS_WHY_RESULT, p);
}

static rs_status exec_mov(rs_machine *m, const rs_insn *in) { return mov_as(m, in, ANY, ANY, 0, FULL); }

static rs_status exec_xchg(rs_machine *m, const rs_insn *in) {
  uint32_t a, b;
  TRY(opnd_read(m, &in->o[0], &a));
  TRY(opnd_read(m, &in->o[1], &b));
  const rs_operand *first = in->o[0].kind == RS_OPND_MEM ? &in->o[0] : &in->o[1];
  const rs_operand *second = first == &in->o[0] ? &in->o[1] : &in->o[0];
  TRY(opnd_write(m, first, first == &in->o[0] ? b : a, RS_WHY_RESULT));
  return opnd_write(m, second, second == &in->o[0] ? b : a, RS_WHY_RESULT);
}

RS_TEMPLATE rs_status pop_as(rs_machine *m, const rs_insn *in, unsigned kd, unsigned fixed, path p) {
  const rs_operand *d = &in->o[0];
  unsigned size = size_or(fixed, in->osize);
  uint32_t v;
  TRY(stack_peek(m, 0, size, &v, RS_WHY_POP, p));
  uint32_t new_esp = m->cpu.gpr[RS_ESP] + size;
  if (kind_of(d, kd) == RS_OPND_SREG) {
    TRY(rs_load_sreg_checked(m, (rs_sreg)d->reg, (uint16_t)v, RS_WHY_POP));
    rs_set_gpr(m, RS_ESP, new_esp, RS_WHY_POP);
    if (d->reg == RS_SS) m->core.shadow = 1;
    return RS_OK;
  }
  if (kind_of(d, kd) == RS_OPND_MEM) {
    /* The destination address is computed with the incremented ESP. */
    uint32_t old_esp = m->cpu.gpr[RS_ESP], lin;
    m->cpu.gpr[RS_ESP] = new_esp;
    rs_status st = opnd_lin(m, d, &lin, p);
    m->cpu.gpr[RS_ESP] = old_esp;
    TRY(st);
    TRY(mem_write(m, lin, size, v, RS_WHY_POP, p));
    rs_set_gpr(m, RS_ESP, new_esp, RS_WHY_POP);
    return RS_OK;
  }
  rs_set_gpr(m, RS_ESP, new_esp, RS_WHY_POP);
  reg_put(m, d->reg, size, v, RS_WHY_POP); /* pop %esp: the value read wins */
  return RS_OK;
}

static rs_status exec_pop(rs_machine *m, const rs_insn *in) { return pop_as(m, in, ANY, 0, FULL); }

RS_TEMPLATE rs_status push_as(rs_machine *m, const rs_insn *in, unsigned kd, unsigned fixed, path p) {
  unsigned size = size_or(fixed, in->osize);
  uint32_t v;
  if (kind_of(&in->o[0], kd) == RS_OPND_REG && in->o[0].reg == RS_ESP) v = m->cpu.gpr[RS_ESP];
  else TRY(opnd_read_as(m, &in->o[0], kd, fixed, &v, p));
  return push(m, v & rs_mask(size), size, RS_WHY_PUSH, p);
}

RS_TEMPLATE rs_status lea_as(rs_machine *m, const rs_insn *in, unsigned fixed) {
  reg_put(m, in->o[0].reg, size_or(fixed, in->osize), ea_of(&m->cpu, &in->o[1]), RS_WHY_RESULT);
  return RS_OK;
}

/* ---- control transfers: each sets EIP itself ---- */

RS_TEMPLATE rs_status jmp_as(rs_machine *m, const rs_insn *in, unsigned kd, unsigned fixed, path p) {
  uint32_t t;
  TRY(opnd_read_as(m, &in->o[0], kd, fixed, &t, p));
  rs_set_eip(m, t, RS_WHY_JUMP);
  return RS_OK;
}

RS_TEMPLATE rs_status jcc_as(rs_machine *m, const rs_insn *in, unsigned cc) {
  if (cond_true(m->cpu.eflags, cc == ANY ? in->cond : cc))
    rs_set_eip(m, in->o[0].val, RS_WHY_BRANCH_TAKEN);
  else
    rs_set_eip(m, m->cpu.eip + in->len, RS_WHY_NEXT_EIP);
  return RS_OK;
}

RS_TEMPLATE rs_status call_as(rs_machine *m, const rs_insn *in, unsigned kd, unsigned fixed, path p) {
  uint32_t t;
  TRY(opnd_read_as(m, &in->o[0], kd, fixed, &t, p));
  TRY(push(m, m->cpu.eip + in->len, 4, RS_WHY_CALL_RETURN_ADDR, p));
  rs_set_eip(m, t, RS_WHY_CALL_TARGET);
  return RS_OK;
}

RS_TEMPLATE rs_status ret_as(rs_machine *m, const rs_insn *in, path p) {
  uint32_t t;
  TRY(stack_peek(m, 0, 4, &t, RS_WHY_RET_POP, p));
  rs_set_gpr(m, RS_ESP, m->cpu.gpr[RS_ESP] + 4 + (in->nopnd ? in->o[0].val : 0), RS_WHY_RET_POP);
  rs_set_eip(m, t, RS_WHY_RET_POP);
  return RS_OK;
}

static rs_status exec_in_out(rs_machine *m, const rs_insn *in) {
  bool is_out = in->op == RS_OP_OUT;
  const rs_operand *port_op = is_out ? &in->o[0] : &in->o[1];
  const rs_operand *data_op = is_out ? &in->o[1] : &in->o[0];
  uint32_t port;
  TRY(opnd_read(m, port_op, &port));
  port &= 0xffff;
  unsigned size = data_op->size;
  TRY(io_allowed(m, (uint16_t)port, size));
  if (is_out) {
    uint32_t v = reg_get(&m->cpu, RS_EAX, size);
    if (m->rec) rs_eff_info(m, RS_EFF_CHECK, port, 1, 0, v, v, RS_WHY_IO_OUT);
    rs_dev_out(m, (uint16_t)port, size, v);
  } else {
    reg_put(m, RS_EAX, size, rs_dev_in(m, (uint16_t)port, size) & rs_mask(size), RS_WHY_IO_IN);
  }
  return RS_OK;
}

static rs_status raise_soft(rs_machine *m, unsigned vector, rs_event_kind kind, uint32_t next) {
  rs_event ev = { .kind = (uint8_t)kind, .vector = (uint8_t)vector, .irq = 0xff,
                  .return_eip = next };
  m->fault = ev;
  return RS_FAULT; /* not a fault, but it ends the instruction the same way */
}

rs_status rs_exec(rs_machine *m, const rs_insn *in) {
  rs_cpu *c = &m->cpu;
  uint32_t next = c->eip + in->len, v;
  switch ((rs_op)in->op) {
  case RS_OP_MOV: TRY(exec_mov(m, in)); break;
  case RS_OP_MOVZX:
  case RS_OP_MOVSX:
    TRY(opnd_read(m, &in->o[1], &v));
    if (in->op == RS_OP_MOVSX) v = rs_sext(v, in->o[1].size);
    reg_put(m, in->o[0].reg, in->osize, v, RS_WHY_RESULT);
    break;
  case RS_OP_LEA: lea_as(m, in, 0); break;
  case RS_OP_XCHG: TRY(exec_xchg(m, in)); break;
  case RS_OP_PUSH: TRY(push_as(m, in, ANY, 0, FULL)); break;
  case RS_OP_POP: TRY(exec_pop(m, in)); break;
  case RS_OP_PUSHA: TRY(exec_pusha(m, in)); break;
  case RS_OP_POPA: TRY(exec_popa(m, in)); break;
  case RS_OP_PUSHF:
    TRY(push(m, c->eflags & ~(RS_FL_VM | RS_FL_RF) & rs_mask(in->osize), in->osize, RS_WHY_PUSHFD, FULL));
    break;
  case RS_OP_POPF: TRY(exec_popf(m, in)); break;
  case RS_OP_ADD: case RS_OP_OR: case RS_OP_ADC: case RS_OP_SBB:
  case RS_OP_AND: case RS_OP_SUB: case RS_OP_XOR: case RS_OP_CMP: case RS_OP_TEST:
    TRY(exec_alu(m, in));
    break;
  case RS_OP_INC: case RS_OP_DEC: case RS_OP_NEG: case RS_OP_NOT:
    TRY(exec_unary(m, in));
    break;
  case RS_OP_ROL: case RS_OP_ROR: case RS_OP_RCL: case RS_OP_RCR:
  case RS_OP_SHL: case RS_OP_SHR: case RS_OP_SAR:
    TRY(exec_shift(m, in));
    break;
  case RS_OP_MUL: case RS_OP_DIV: case RS_OP_IDIV:
    TRY(exec_muldiv(m, in));
    break;
  case RS_OP_IMUL:
    TRY(in->nopnd == 1 ? exec_muldiv(m, in) : exec_imul_n(m, in));
    break;
  case RS_OP_CBW:
    if (in->osize == 4) rs_set_gpr(m, RS_EAX, rs_sext(c->gpr[RS_EAX], 2), RS_WHY_RESULT);
    else reg_put(m, RS_EAX, 2, rs_sext(c->gpr[RS_EAX], 1), RS_WHY_RESULT);
    break;
  case RS_OP_CWD:
    v = (reg_get(c, RS_EAX, in->osize) & rs_msb(in->osize)) ? rs_mask(in->osize) : 0;
    reg_put(m, RS_EDX, in->osize, v, RS_WHY_RESULT);
    break;
  case RS_OP_JMP: return jmp_as(m, in, ANY, 0, FULL);
  case RS_OP_JCC: return jcc_as(m, in, ANY);
  case RS_OP_JECXZ:
    if (c->gpr[RS_ECX] == 0) {
      rs_set_eip(m, in->o[0].val, RS_WHY_BRANCH_TAKEN);
      return RS_OK;
    }
    break;
  case RS_OP_LOOP:
    rs_set_gpr(m, RS_ECX, c->gpr[RS_ECX] - 1, RS_WHY_RESULT);
    if (c->gpr[RS_ECX] != 0) {
      rs_set_eip(m, in->o[0].val, RS_WHY_BRANCH_TAKEN);
      return RS_OK;
    }
    break;
  case RS_OP_CALL: return call_as(m, in, ANY, 0, FULL);
  case RS_OP_RET: return ret_as(m, in, FULL);
  case RS_OP_LEAVE: {
    uint32_t lin;
    TRY(seg_lin(m, RS_SS, c->gpr[RS_EBP], &lin, FULL));
    TRY(mem_read(m, lin, 4, &v, RS_WHY_POP, FULL));
    rs_set_gpr(m, RS_ESP, c->gpr[RS_EBP] + 4, RS_WHY_STACK_ADJUST);
    rs_set_gpr(m, RS_EBP, v, RS_WHY_POP);
    break;
  }
  case RS_OP_INT: return raise_soft(m, in->o[0].val & 0xff, RS_EV_SOFT_INT, next);
  case RS_OP_INT3: return raise_soft(m, 3, RS_EV_SOFT_EXCEPTION, next);
  case RS_OP_INTO:
    if (c->eflags & RS_FL_OF) return raise_soft(m, 4, RS_EV_SOFT_EXCEPTION, next);
    break;
  case RS_OP_IRET: return rs_iret(m, in);
  case RS_OP_HLT:
    TRY(need_cpl0(m));
    rs_set_eip(m, next, RS_WHY_NEXT_EIP);
    if (m->rec) rs_eff_dev(m, RS_DEV_HALTED, 0, 0, 1, RS_WHY_HLT);
    m->core.halted = 1;
    return RS_OK;
  case RS_OP_NOP: break;
  case RS_OP_UD2: return rs_fault_ud(m);
  case RS_OP_SETCC:
    TRY(opnd_write(m, &in->o[0], cond_true(c->eflags, in->cond), RS_WHY_RESULT));
    break;
  case RS_OP_CMOVCC:
    TRY(opnd_read(m, &in->o[1], &v));
    if (cond_true(c->eflags, in->cond)) reg_put(m, in->o[0].reg, in->osize, v, RS_WHY_RESULT);
    break;
  case RS_OP_CLD: rs_set_eflags(m, c->eflags & ~RS_FL_DF, RS_WHY_RESULT); break;
  case RS_OP_STD: rs_set_eflags(m, c->eflags | RS_FL_DF, RS_WHY_RESULT); break;
  case RS_OP_CLC: rs_set_eflags(m, c->eflags & ~RS_FL_CF, RS_WHY_RESULT); break;
  case RS_OP_STC: rs_set_eflags(m, c->eflags | RS_FL_CF, RS_WHY_RESULT); break;
  case RS_OP_CMC: rs_set_eflags(m, c->eflags ^ RS_FL_CF, RS_WHY_RESULT); break;
  case RS_OP_MOVS: case RS_OP_STOS: case RS_OP_LODS: case RS_OP_CMPS: case RS_OP_SCAS:
    return exec_string(m, in, next);
  case RS_OP_CLI:
  case RS_OP_STI: {
    /* SDM Vol. 2 CLI/STI: allowed when CPL <= IOPL, else #GP(0). */
    unsigned cpl = rs_cpu_cpl(c);
    bool ok = cpl <= iopl(m);
    if (m->rec) rs_eff_info(m, RS_EFF_CHECK, 0, ok, 0, cpl, iopl(m), RS_WHY_CHECK_IO);
    if (!ok) return rs_fault_gp(m, 0);
    if (in->op == RS_OP_CLI) {
      rs_set_eflags(m, c->eflags & ~RS_FL_IF, RS_WHY_CLI);
    } else {
      if (!(c->eflags & RS_FL_IF)) m->core.shadow = 1; /* the STI shadow */
      rs_set_eflags(m, c->eflags | RS_FL_IF, RS_WHY_STI);
    }
    break;
  }
  case RS_OP_LGDT: case RS_OP_LIDT: case RS_OP_SGDT: case RS_OP_SIDT:
    TRY(exec_descriptor_table(m, in));
    break;
  case RS_OP_LTR: TRY(exec_ltr(m, in)); break;
  case RS_OP_STR: TRY(opnd_write(m, &in->o[0], c->tr, RS_WHY_RESULT)); break;
  case RS_OP_INVLPG:
    TRY(need_cpl0(m));
    rs_mem_flush_tlb(m);
    break;
  case RS_OP_CPUID: exec_cpuid(m); break;
  case RS_OP_IN: case RS_OP_OUT: TRY(exec_in_out(m, in)); break;
  case RS_OP_INVALID:
  case RS_NOPS:
    return rs_fault_ud(m);
  }
  rs_set_eip(m, next, RS_WHY_NEXT_EIP);
  return RS_OK;
}

/* ---- specialised handlers ----
 *
 * Each handler below is a template instantiated for one form whose
 * operands are all 32-bit: the kinds of o[0] and o[1] (R register, I
 * immediate, M memory, J relative target). Every handler comes twice:
 * `name` takes the FULL path and records when the step records;
 * `name_fast` is for steps that record nothing (run_instruction calls it
 * only when m->rec is NULL, so every recording branch inlined into it
 * folds away) and takes the FAST path, calling nothing; when that gives
 * up it tail-calls `name`, kept out of line so that the fast instance
 * stays a leaf. */

enum form { F_RR, F_RI, F_RM, F_MR, F_MI, F_R, F_M, F_I, F_J, F_NONE, NFORMS };

#define HANDLER(name, body)                                                          \
  RS_TEMPLATE rs_status name##_as(rs_machine *m, const rs_insn *in, path p) { body } \
  static __attribute__((noinline)) rs_status name(rs_machine *m, const rs_insn *in) { \
    return name##_as(m, in, FULL);                                                   \
  }                                                                                  \
  static rs_status name##_fast(rs_machine *m, const rs_insn *in) {                   \
    if (m->rec) __builtin_unreachable();                                             \
    rs_status st = name##_as(m, in, FAST);                                           \
    return st == RS_RETRY ? name(m, in) : st;                                        \
  }
#define PAIR(name) { name, name##_fast, true }

/* A handler that runs `body` and then advances EIP, as rs_exec does after
 * every instruction that does not transfer control. */
#define SEQUENTIAL(name, body)                                         \
  HANDLER(name, uint32_t next = m->cpu.eip + in->len;                  \
                TRY(body);                                             \
                rs_set_eip(m, next, RS_WHY_NEXT_EIP);                  \
                return RS_OK;)

#define ALU_OPS(X) X(ADD) X(OR) X(ADC) X(SBB) X(AND) X(SUB) X(XOR) X(CMP) X(TEST)
#define UNARY_OPS(X) X(INC) X(DEC) X(NEG) X(NOT)
#define TWO_OPERAND_FORMS(X, op) \
  X(op, RR, REG, REG) X(op, RI, REG, IMM) X(op, RM, REG, MEM) X(op, MR, MEM, REG) X(op, MI, MEM, IMM)
#define ONE_OPERAND_FORMS(X, op) X(op, R, REG) X(op, M, MEM)
#define CONDITIONS(X) X(0) X(1) X(2) X(3) X(4) X(5) X(6) X(7) \
  X(8) X(9) X(10) X(11) X(12) X(13) X(14) X(15)

#define ALU_HANDLER(op, f, kd, ks) \
  SEQUENTIAL(alu_##op##_##f, alu_as(m, in, RS_OP_##op, RS_OPND_##kd, RS_OPND_##ks, 4, p))
#define ALU_HANDLERS(op) TWO_OPERAND_FORMS(ALU_HANDLER, op)
ALU_OPS(ALU_HANDLERS)

#define UNARY_HANDLER(op, f, kd) SEQUENTIAL(unary_##op##_##f, unary_as(m, in, RS_OP_##op, RS_OPND_##kd, 4, p))
#define UNARY_HANDLERS(op) ONE_OPERAND_FORMS(UNARY_HANDLER, op)
UNARY_OPS(UNARY_HANDLERS)

#define MOV_HANDLER(op, f, kd, ks) SEQUENTIAL(mov_##f, mov_as(m, in, RS_OPND_##kd, RS_OPND_##ks, 4, p))
TWO_OPERAND_FORMS(MOV_HANDLER, MOV)

SEQUENTIAL(push_R, push_as(m, in, RS_OPND_REG, 4, p))
SEQUENTIAL(push_I, push_as(m, in, RS_OPND_IMM, 4, p))
SEQUENTIAL(push_M, push_as(m, in, RS_OPND_MEM, 4, p))
SEQUENTIAL(pop_R, pop_as(m, in, RS_OPND_REG, 4, p))
SEQUENTIAL(lea_RM, lea_as(m, in, 4))
SEQUENTIAL(nop, RS_OK)

HANDLER(jmp_J, return jmp_as(m, in, RS_OPND_REL, 4, p);)
HANDLER(call_J, return call_as(m, in, RS_OPND_REL, 4, p);)
HANDLER(ret_near, return ret_as(m, in, p);)
HANDLER(int_n, return raise_soft(m, in->o[0].val & 0xff, RS_EV_SOFT_INT, m->cpu.eip + in->len);)
#define JCC_HANDLER(cc) HANDLER(jcc_##cc, return jcc_as(m, in, cc);)
CONDITIONS(JCC_HANDLER)

/* Handlers by operation and form; an empty entry: rs_exec. */
#define ALU_ENTRY(op, f, kd, ks) [RS_OP_##op][F_##f] = PAIR(alu_##op##_##f),
#define ALU_ENTRIES(op) TWO_OPERAND_FORMS(ALU_ENTRY, op)
#define UNARY_ENTRY(op, f, kd) [RS_OP_##op][F_##f] = PAIR(unary_##op##_##f),
#define UNARY_ENTRIES(op) ONE_OPERAND_FORMS(UNARY_ENTRY, op)
#define MOV_ENTRY(op, f, kd, ks) [RS_OP_MOV][F_##f] = PAIR(mov_##f),
static const rs_handler by_form[RS_NOPS][NFORMS] = {
  ALU_OPS(ALU_ENTRIES)
  UNARY_OPS(UNARY_ENTRIES)
  TWO_OPERAND_FORMS(MOV_ENTRY, MOV)
  [RS_OP_PUSH][F_R] = PAIR(push_R), [RS_OP_PUSH][F_I] = PAIR(push_I), [RS_OP_PUSH][F_M] = PAIR(push_M),
  [RS_OP_POP][F_R] = PAIR(pop_R), [RS_OP_LEA][F_RM] = PAIR(lea_RM), [RS_OP_NOP][F_NONE] = PAIR(nop),
  [RS_OP_JMP][F_J] = PAIR(jmp_J), [RS_OP_CALL][F_J] = PAIR(call_J), [RS_OP_RET][F_NONE] = PAIR(ret_near),
};

/* The form of an instruction whose operand size and operands are all 32-bit. */
static enum form form_of(const rs_insn *in) {
  if (in->osize != 4 || in->nopnd > 2) return NFORMS;
  unsigned k[2] = { RS_OPND_NONE, RS_OPND_NONE };
  for (unsigned i = 0; i < in->nopnd; i++) {
    if (in->o[i].size != 4) return NFORMS;
    k[i] = in->o[i].kind;
  }
  switch ((rs_opnd_kind)k[0]) {
  case RS_OPND_REG:
    return k[1] == RS_OPND_REG ? F_RR : k[1] == RS_OPND_IMM ? F_RI : k[1] == RS_OPND_MEM ? F_RM
         : k[1] == RS_OPND_NONE ? F_R : NFORMS;
  case RS_OPND_MEM:
    return k[1] == RS_OPND_REG ? F_MR : k[1] == RS_OPND_IMM ? F_MI : k[1] == RS_OPND_NONE ? F_M : NFORMS;
  case RS_OPND_IMM: return k[1] == RS_OPND_NONE ? F_I : NFORMS;
  case RS_OPND_REL: return k[1] == RS_OPND_NONE ? F_J : NFORMS;
  case RS_OPND_NONE: return F_NONE;
  case RS_OPND_SREG:
  case RS_OPND_CREG: break;
  }
  return NFORMS;
}

rs_handler rs_exec_select(const rs_insn *in) {
  static const rs_handler jcc[16] = {
#define JCC_ENTRY(cc) PAIR(jcc_##cc),
    CONDITIONS(JCC_ENTRY)
#undef JCC_ENTRY
  };
  static const rs_handler generic = { rs_exec, rs_exec, false }, iret = { rs_iret, rs_iret, false },
                          int_handler = PAIR(int_n); /* it always raises */
  if (in->op == RS_OP_INT) return int_handler;
  if (in->op == RS_OP_IRET) return iret;
  enum form f = form_of(in);
  if (f == NFORMS) return generic;
  if (in->op == RS_OP_JCC && f == F_J) return jcc[in->cond & 15];
  return by_form[in->op][f].exec ? by_form[in->op][f] : generic;
}
