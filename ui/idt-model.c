/* The IDT and TSS model. */
#include "idt-model.h"

#include <stdio.h>
#include <string.h>

#include "describe.h"

void rs_idt_model_build(const rs_view_input *in, const rs_beats *b, rs_idt_model *out) {
  memset(out, 0, sizeof *out);
  out->used = out->idt_effect = out->check_effect = out->ss0_effect = out->esp0_effect = -1;
  const rs_machine *mach = rs_session_machine(in->session);
  const rs_program *prog = rs_scenario_program(rs_session_scenario(in->session));
  const rs_cpu *c = rs_machine_cpu_const(mach);
  const rs_step_record *st = in->step;
  out->base = c->idtr.base;

  out->idt_effect = rs_beats_find(b, RS_EFF_IDT_READ, RS_WHY_NONE);
  int used_vector = -1;
  if (out->idt_effect >= 0) {
    const rs_effect *e = &st->effects[out->idt_effect];
    used_vector = e->target;
    out->lookup = true;
    out->vector = e->target;
    out->gate_addr = e->addr;
    out->gate_lo = e->old_val;
    out->gate_hi = e->new_val;
    out->cpl = st->cpl_before;
  }
  unsigned limit_vectors = (c->idtr.limit + 1u) / 8;
  for (unsigned v = 0; v < 256 && v < limit_vectors; v++) {
    rs_gate g;
    if (!rs_machine_read_gate(mach, v, &g)) continue;
    if (!g.present && (int)v != used_vector) continue;
    rs_idt_row *r = &out->rows[out->n];
    memset(r, 0, sizeof *r);
    r->vector = v;
    r->present = g.present;
    r->trap = g.type == RS_GATE_TRAP;
    r->dpl = g.dpl;
    r->handler = g.offset;
    rs_describe_vector(mach, v, r->name, sizeof r->name);
    rs_describe_label(prog, g.offset, r->handler_label, sizeof r->handler_label);
    r->used = (int)v == used_vector;
    if (r->used) {
      out->used = (int)out->n;
      out->dpl = g.dpl;
      out->present_failed = !g.present;
    }
    out->n++;
  }

  out->check_effect = rs_beats_find(b, RS_EFF_CHECK, RS_WHY_CHECK_GATE_DPL);
  if (out->check_effect >= 0) {
    const rs_effect *e = &st->effects[out->check_effect];
    out->dpl_checked = true;
    out->dpl_ok = e->aux != 0;
    out->cpl = e->old_val;
    out->dpl = e->new_val;
  }

  out->tr = c->tr;
  uint32_t v = 0;
  rs_machine_peek32(mach, c->tr_cache.base + 4, &v);
  out->esp0 = v;
  v = 0;
  rs_machine_peek32(mach, c->tr_cache.base + 8, &v);
  out->ss0 = (uint16_t)v;
  out->esp0_effect = rs_beats_find(b, RS_EFF_TSS_READ, RS_WHY_TSS_READ_ESP0);
  out->ss0_effect = rs_beats_find(b, RS_EFF_TSS_READ, RS_WHY_TSS_READ_SS0);
}

size_t rs_idt_model_visible(const rs_idt_model *m, size_t max_rows, int *out) {
  if (max_rows >= m->n) {
    for (size_t i = 0; i < m->n; i++) out[i] = (int)i;
    return m->n;
  }
  if (max_rows == 0) return 0;
  /* A window of max_rows consecutive rows around the used one (or from
   * the start). */
  int centre = m->used >= 0 ? m->used : 0;
  int first = centre - (int)(max_rows - 1) / 2;
  if (first < 0) first = 0;
  if (first + (int)max_rows > (int)m->n) first = (int)m->n - (int)max_rows;
  for (size_t i = 0; i < max_rows; i++) out[i] = first + (int)i;
  return max_rows;
}
