/* Interrupt and exception delivery through a 32-bit interrupt or trap
 * gate, and IRET — the heart of every mode transfer the simulator shows.
 *
 * Delivery (SDM Vol. 3A §6.12.1, Vol. 2 INT n pseudocode; x86-facts §1.4):
 *   state before: any CPL; the event (vector, kind, error code, saved EIP)
 *                 pending from the previous step.
 *   effects, in order: [CR2 for #PF] IDT limit check, IDT read, gate type
 *     check, DPL check (software interrupts only), present check, GDT read
 *     of the handler's code segment and its check; on a privilege change:
 *     TSS reads of ESP0 and SS0, stack switch (SS, ESP), pushes of the old
 *     SS and ESP; then pushes of EFLAGS, CS, EIP and the error code, each
 *     with its ESP decrement; IF cleared (interrupt gates only); TF, NT,
 *     RF, VM cleared; CS:EIP = the handler.
 *   state after: CPL = the handler segment's DPL, EIP = the gate offset.
 *   Any check that fails raises the next exception instead (contributory
 *   or page fault pairs become #DF; a fault while delivering #DF is a
 *   triple fault and the CPU shuts down — SDM Vol. 3A §6.15, Table 6-5).
 *   Nothing architectural changes before every check and every push has
 *   been validated, so a failed delivery leaves the registers as they were.
 *
 * IRET (SDM Vol. 2 IRET; x86-facts §2): pops EIP, CS, EFLAGS and, when
 * returning to an outer level, ESP and SS; checks the selectors; restores
 * the EFLAGS bits the old CPL and IOPL permit; on a return to an outer
 * level nulls data segment registers the new CPL may not use. */
#include "machine-internal.h"

#define TRY(x) do { if ((x) != RS_OK) return RS_FAULT; } while (0)

enum { ACC_P = 0x80, ACC_S = 0x10, ACC_CODE = 0x08, ACC_CONFORMING = 0x04, ACC_RW = 0x02 };

/* Double-fault classes (SDM Vol. 3A Table 6-4). */
static bool contributory(unsigned v) { return v == 0 || (v >= 10 && v <= 13); }

static void check(rs_machine *m, rs_why why, unsigned target, bool ok, uint32_t a, uint32_t b) {
  if (m->rec) rs_eff_info(m, RS_EFF_CHECK, target, ok, 0, a, b, why);
}

/* Everything the pushes need, gathered before any state changes. */
typedef struct frame_plan {
  bool     stack_switch;
  uint16_t new_ss;
  rs_seg_cache ss_cache;
  uint32_t new_esp;       /* ESP before the pushes */
  uint16_t new_cs;
  rs_seg_cache cs_cache;
  uint32_t cs_desc_hi;
  uint32_t handler;
  bool     trap_gate;
  unsigned new_cpl;
} frame_plan;

static rs_status fault_ext(rs_machine *m, unsigned vector, uint32_t code, unsigned ext) {
  rs_fault(m, vector, true, code + ext);
  return RS_FAULT;
}

/* Reads the gate and the handler's code segment and, on a privilege
 * change, the new stack from the TSS; validates all of them. */
static rs_status plan_delivery(rs_machine *m, const rs_event *ev, frame_plan *p) {
  rs_cpu *c = &m->cpu;
  unsigned v = ev->vector, cpl = rs_cpu_cpl(c);
  bool soft = ev->kind == RS_EV_SOFT_INT || ev->kind == RS_EV_SOFT_EXCEPTION;
  unsigned ext = soft ? 0 : 1;
  uint32_t idt_err = v * 8 + 2;

  bool in_limit = v * 8 + 7 <= c->idtr.limit;
  check(m, RS_WHY_CHECK_IDT_LIMIT, v, in_limit, v * 8 + 7, c->idtr.limit);
  if (!in_limit) return fault_ext(m, 13, idt_err, ext);
  uint32_t gate_addr = c->idtr.base + v * 8, lo, hi;
  TRY(rs_mem_read(m, gate_addr, 4, false, &lo));
  TRY(rs_mem_read(m, gate_addr + 4, 4, false, &hi));
  if (m->rec) rs_eff_info(m, RS_EFF_IDT_READ, v, 0, gate_addr, lo, hi, RS_WHY_IDT_READ);

  unsigned type = (hi >> 8) & 0x1f; /* with the S bit, which must be 0 */
  bool type_ok = type == 0x0e || type == 0x0f;
  check(m, RS_WHY_CHECK_GATE_TYPE, v, type_ok, type, 0);
  if (!type_ok) return fault_ext(m, 13, idt_err, ext); /* task and 16-bit gates: not in this machine */
  unsigned gate_dpl = (hi >> 13) & 3;
  if (soft) {
    bool ok = cpl <= gate_dpl;
    check(m, RS_WHY_CHECK_GATE_DPL, v, ok, cpl, gate_dpl);
    if (!ok) return fault_ext(m, 13, idt_err, 0);
  }
  bool present = (hi >> 15) & 1;
  check(m, RS_WHY_CHECK_GATE_PRESENT, v, present, present, 1);
  if (!present) return fault_ext(m, 11, idt_err, ext);

  uint16_t sel = (uint16_t)(lo >> 16);
  p->handler = (lo & 0xffff) | (hi & 0xffff0000u);
  p->trap_gate = (type & 1) != 0;
  if ((sel & 0xfffc) == 0) return fault_ext(m, 13, 0, ext);
  if ((sel & 4) || (uint32_t)(sel & 0xfff8) + 7 > c->gdtr.limit) return fault_ext(m, 13, sel & 0xfffc, ext);
  uint32_t dlo, dhi;
  TRY(rs_read_descriptor(m, sel, &dlo, &dhi, RS_WHY_GDT_READ));
  uint8_t acc = (uint8_t)(dhi >> 8);
  unsigned cs_dpl = (acc >> 5) & 3;
  bool code_ok = (acc & ACC_S) && (acc & ACC_CODE) && cs_dpl <= cpl;
  check(m, RS_WHY_CHECK_CODE_SEGMENT, sel, code_ok, cpl, cs_dpl);
  if (!code_ok) return fault_ext(m, 13, sel & 0xfffc, ext);
  if (!(acc & ACC_P)) return fault_ext(m, 11, sel & 0xfffc, ext);
  p->new_cpl = (acc & ACC_CONFORMING) ? cpl : cs_dpl;
  p->new_cs = (uint16_t)((sel & ~3u) | p->new_cpl);
  p->cs_desc_hi = dhi;
  rs_seg_from_descriptor(&p->cs_cache, dlo, dhi | 0x100);

  p->stack_switch = p->new_cpl < cpl;
  if (!p->stack_switch) {
    p->new_ss = c->sel[RS_SS];
    p->ss_cache = c->seg[RS_SS];
    p->new_esp = c->gpr[RS_ESP];
    return RS_OK;
  }
  /* Inner privilege: the new stack comes from the TSS (ESPn at 4 + 8n,
   * SSn at 8 + 8n). */
  const rs_seg_cache *tr = &c->tr_cache;
  uint32_t esp_off = 4 + 8 * p->new_cpl, ss_off = 8 + 8 * p->new_cpl, esp0, ss0;
  if (ss_off + 1 > tr->limit) return fault_ext(m, 10, c->tr & 0xfffc, ext);
  TRY(rs_mem_read(m, tr->base + esp_off, 4, false, &esp0));
  if (m->rec) rs_eff_info(m, RS_EFF_TSS_READ, esp_off, 0, tr->base + esp_off, 0, esp0, RS_WHY_TSS_READ_ESP0);
  TRY(rs_mem_read(m, tr->base + ss_off, 2, false, &ss0));
  if (m->rec) rs_eff_info(m, RS_EFF_TSS_READ, ss_off, 0, tr->base + ss_off, 0, ss0, RS_WHY_TSS_READ_SS0);
  if ((ss0 & 0xfffc) == 0) return fault_ext(m, 10, 0, ext);
  if ((ss0 & 3) != p->new_cpl) return fault_ext(m, 10, ss0 & 0xfffc, ext);
  uint32_t slo, shi;
  if ((ss0 & 4) || (ss0 & 0xfff8) + 7 > c->gdtr.limit) return fault_ext(m, 10, ss0 & 0xfffc, ext);
  TRY(rs_read_descriptor(m, (uint16_t)ss0, &slo, &shi, RS_WHY_GDT_READ_SS));
  uint8_t sacc = (uint8_t)(shi >> 8);
  if (!(sacc & ACC_S) || (sacc & ACC_CODE) || !(sacc & ACC_RW) || ((sacc >> 5) & 3) != p->new_cpl)
    return fault_ext(m, 10, ss0 & 0xfffc, ext);
  if (!(sacc & ACC_P)) return fault_ext(m, 12, ss0 & 0xfffc, ext);
  p->new_ss = (uint16_t)ss0;
  rs_seg_from_descriptor(&p->ss_cache, slo, shi | 0x100);
  p->new_esp = esp0;
  return RS_OK;
}

static void push_frame_word(rs_machine *m, const frame_plan *p, uint32_t v, rs_why why) {
  uint32_t esp = m->cpu.gpr[RS_ESP] - 4;
  rs_mem_write(m, p->ss_cache.base + esp, 4, false, v, why); /* probed: cannot fault */
  rs_set_gpr(m, RS_ESP, esp, why);
}

/* Applies the SDM's double-fault table to a fault that occurred while
 * delivering `first`, and raises the result. Returns false on a triple
 * fault (the CPU shuts down). */
static bool raise_during_delivery(rs_machine *m, const rs_event *first) {
  rs_event second = m->fault;
  second.return_eip = m->cpu.eip;
  second.nested = 1;
  second.first_vector = first->vector;
  bool first_hw = first->kind == RS_EV_EXCEPTION;
  if (first_hw && first->vector == 8) {
    if (m->rec) rs_eff_dev(m, RS_DEV_STOPPED, 0, 0, 1, RS_WHY_TRIPLE_FAULT);
    m->core.stopped = 1;
    return false;
  }
  bool first_contrib = first_hw && contributory(first->vector);
  bool first_pf = first_hw && first->vector == 14;
  bool second_contrib = contributory(second.vector), second_pf = second.vector == 14;
  if ((first_contrib && second_contrib) || (first_pf && (second_contrib || second_pf))) {
    second.vector = 8;
    second.has_error = 1;
    second.error_code = 0;
    second.cr2 = 0;
    if (m->rec) rs_eff_info(m, RS_EFF_CHECK, 8, 0, 0, first->vector, m->fault.vector, RS_WHY_DOUBLE_FAULT);
  }
  rs_raise(m, &second, RS_WHY_RAISE_IN_DELIVERY);
  return true;
}

rs_step_kind rs_deliver(rs_machine *m, const rs_event *ev) {
  rs_cpu *c = &m->cpu;
  rs_step_kind kind = ev->kind == RS_EV_EXTERNAL ? RS_STEP_INTERRUPT
                      : ev->kind == RS_EV_EXCEPTION ? RS_STEP_EXCEPTION
                                                    : RS_STEP_SOFTWARE_INTERRUPT;
  m->last_vector = ev->vector;
  if (m->rec) {
    m->rec->vector = ev->vector;
    m->rec->has_error = ev->has_error;
    m->rec->error_code = ev->error_code;
    m->rec->event_kind = ev->kind;
  }
  if (ev->kind == RS_EV_EXCEPTION && ev->vector == 14) {
    if (m->rec && c->cr2 != ev->cr2) rs_eff_reg(m, RS_LOC_CR2, c->cr2, ev->cr2, RS_WHY_LOAD_CR2);
    c->cr2 = ev->cr2;
  }
  if (m->core.shadow) {
    if (m->rec) rs_eff_dev(m, RS_DEV_SHADOW, 0, 1, 0, RS_WHY_SHADOW_END);
    m->core.shadow = 0;
  }

  frame_plan p;
  unsigned words = (ev->has_error ? 1 : 0);
  if (plan_delivery(m, ev, &p) != RS_OK) goto failed;
  words += p.stack_switch ? 5 : 3;
  if (rs_mem_probe_write(m, p.ss_cache.base + p.new_esp - 4 * words, 4 * words, false) != RS_OK)
    goto failed;

  /* Commit. */
  uint32_t old_ss = c->sel[RS_SS], old_esp = c->gpr[RS_ESP], old_eflags = c->eflags;
  uint32_t old_cs = c->sel[RS_CS];
  if (p.stack_switch) {
    rs_set_sreg(m, RS_SS, p.new_ss, &p.ss_cache, RS_WHY_STACK_SWITCH_SS);
    rs_set_gpr(m, RS_ESP, p.new_esp, RS_WHY_STACK_SWITCH_ESP);
    push_frame_word(m, &p, old_ss, RS_WHY_FRAME_SS);
    push_frame_word(m, &p, old_esp, RS_WHY_FRAME_ESP);
  }
  push_frame_word(m, &p, old_eflags, RS_WHY_FRAME_EFLAGS);
  push_frame_word(m, &p, old_cs, RS_WHY_FRAME_CS);
  push_frame_word(m, &p, ev->return_eip, RS_WHY_FRAME_EIP);
  if (ev->has_error) push_frame_word(m, &p, ev->error_code, RS_WHY_FRAME_ERROR);
  if (!p.trap_gate) rs_set_eflags(m, c->eflags & ~RS_FL_IF, RS_WHY_CLEAR_IF);
  rs_set_eflags(m, c->eflags & ~(RS_FL_TF | RS_FL_NT | RS_FL_RF | RS_FL_VM), RS_WHY_CLEAR_TF);
  if (!(p.cs_desc_hi & 0x100)) /* the CPU marks the code descriptor accessed */
    rs_mem_write(m, c->gdtr.base + (p.new_cs & 0xfff8u) + 4, 4, false, p.cs_desc_hi | 0x100, RS_WHY_SEG_LOAD);
  rs_set_sreg(m, RS_CS, p.new_cs, &p.cs_cache, RS_WHY_ENTER_CS);
  rs_set_eip(m, p.handler, RS_WHY_ENTER_EIP);
  return kind;

failed:
  if (!raise_during_delivery(m, ev)) return RS_STEP_SHUTDOWN;
  return kind;
}

/* EFLAGS bits IRET may load, given the CPL and IOPL before it (x86-facts
 * §2.3; SDM Vol. 2 IRET "EFLAGS (CF, PF, AF, ZF, SF, TF, DF, OF, NT) ←
 * tempEFLAGS ..."). */
static uint32_t iret_flags(uint32_t cur, uint32_t popped, unsigned cpl) {
  unsigned iopl = (cur >> 12) & 3;
  uint32_t mask = RS_FL_CF | RS_FL_PF | RS_FL_AF | RS_FL_ZF | RS_FL_SF | RS_FL_TF | RS_FL_DF |
                  RS_FL_OF | RS_FL_NT | RS_FL_RF | RS_FL_AC | RS_FL_ID;
  if (cpl <= iopl) mask |= RS_FL_IF;
  if (cpl == 0) mask |= RS_FL_IOPL | (1u << 19) | (1u << 20); /* IOPL, VIF, VIP */
  return (cur & ~mask) | (popped & mask);
}

/* Reads a selector's descriptor for IRET: #GP(sel) if outside the GDT. */
static rs_status iret_descriptor(rs_machine *m, uint32_t sel, uint32_t *lo, uint32_t *hi) {
  if ((sel & 4) || (sel & 0xfff8) + 7 > m->cpu.gdtr.limit) return rs_fault_gp(m, sel & 0xfffc);
  return rs_read_descriptor(m, (uint16_t)sel, lo, hi, RS_WHY_GDT_READ_RETURN);
}

static rs_status iret_pop(rs_machine *m, unsigned off, uint32_t *v, rs_why why) {
  const rs_cpu *c = &m->cpu;
  uint32_t lin = c->seg[RS_SS].base + c->gpr[RS_ESP] + off;
  TRY(rs_mem_read(m, lin, 4, rs_cpu_cpl(c) == 3, v));
  if (m->rec) {
    rs_effect e = { .kind = RS_EFF_READ, .size = 4, .why = (uint16_t)why, .addr = lin, .new_val = *v };
    rs_eff_push(m, &e);
  }
  return RS_OK;
}

rs_status rs_iret(rs_machine *m, const rs_insn *in) {
  rs_cpu *c = &m->cpu;
  unsigned cpl = rs_cpu_cpl(c);
  if (in->osize != 4) return rs_fault_ud(m); /* 16-bit IRET: outside the subset */
  if (c->eflags & RS_FL_NT) return rs_fault_gp(m, 0); /* task return: no task switching here */
  uint32_t eip, cs, fl, esp = 0, ss = 0;
  TRY(iret_pop(m, 0, &eip, RS_WHY_IRET_EIP));
  TRY(iret_pop(m, 4, &cs, RS_WHY_IRET_CS));
  TRY(iret_pop(m, 8, &fl, RS_WHY_IRET_EFLAGS));
  cs &= 0xffff;
  if ((cs & 0xfffc) == 0) return rs_fault_gp(m, 0);
  uint32_t lo, hi;
  TRY(iret_descriptor(m, cs, &lo, &hi));
  uint8_t acc = (uint8_t)(hi >> 8);
  unsigned rpl = cs & 3, dpl = (acc >> 5) & 3;
  bool ok = (acc & ACC_S) && (acc & ACC_CODE) && rpl >= cpl &&
            ((acc & ACC_CONFORMING) ? dpl <= rpl : dpl == rpl);
  check(m, RS_WHY_CHECK_IRET, cs, ok, cpl, rpl);
  if (!ok) return rs_fault_gp(m, cs & 0xfffc);
  if (!(acc & ACC_P)) {
    rs_fault(m, 11, true, cs & 0xfffc);
    return RS_FAULT;
  }
  rs_seg_cache cs_cache, ss_cache;
  rs_seg_from_descriptor(&cs_cache, lo, hi | 0x100);
  bool outer = rpl > cpl;
  if (outer) {
    TRY(iret_pop(m, 12, &esp, RS_WHY_IRET_ESP));
    TRY(iret_pop(m, 16, &ss, RS_WHY_IRET_SS));
    ss &= 0xffff;
    if ((ss & 0xfffc) == 0) return rs_fault_gp(m, 0);
    uint32_t slo, shi;
    TRY(iret_descriptor(m, ss, &slo, &shi));
    uint8_t sacc = (uint8_t)(shi >> 8);
    if ((ss & 3) != rpl || !(sacc & ACC_S) || (sacc & ACC_CODE) || !(sacc & ACC_RW) ||
        ((sacc >> 5) & 3) != rpl)
      return rs_fault_gp(m, ss & 0xfffc);
    if (!(sacc & ACC_P)) {
      rs_fault(m, 12, true, ss & 0xfffc);
      return RS_FAULT;
    }
    rs_seg_from_descriptor(&ss_cache, slo, shi | 0x100);
  }

  /* Commit: CS:EIP, EFLAGS (with the old CPL's rights), then the stack. */
  uint32_t new_flags = iret_flags(c->eflags, fl, cpl);
  rs_set_eip(m, eip, RS_WHY_IRET_EIP);
  rs_set_sreg(m, RS_CS, (uint16_t)cs, &cs_cache, RS_WHY_IRET_CS);
  rs_set_eflags(m, new_flags, RS_WHY_IRET_EFLAGS);
  if (!outer) {
    rs_set_gpr(m, RS_ESP, c->gpr[RS_ESP] + 12, RS_WHY_STACK_ADJUST);
    return RS_OK;
  }
  rs_set_gpr(m, RS_ESP, esp, RS_WHY_IRET_ESP);
  rs_set_sreg(m, RS_SS, (uint16_t)ss, &ss_cache, RS_WHY_IRET_SS);
  static const rs_sreg data_segs[4] = { RS_ES, RS_FS, RS_GS, RS_DS };
  for (unsigned i = 0; i < 4; i++) {
    const rs_seg_cache *sc = &c->seg[data_segs[i]];
    bool usable = (sc->access & ACC_P) != 0;
    bool data_or_nc_code = !(sc->access & ACC_CODE) || !(sc->access & ACC_CONFORMING);
    if (usable && data_or_nc_code && ((sc->access >> 5) & 3) < rpl) {
      rs_seg_cache null_cache = { 0 };
      rs_set_sreg(m, data_segs[i], 0, &null_cache, RS_WHY_IRET_NULL_SEG);
    }
  }
  return RS_OK;
}
