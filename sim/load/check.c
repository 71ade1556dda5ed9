/* Ringside — scenario files: checking expectations.
 *
 * Each expectation runs on a fresh machine from the initial state until its
 * trigger (an instruction about to execute at an address for the n-th time,
 * a step count, or the end of the scenario), never past the scenario's end,
 * and then compares registers, the CPL, a stack, memory and the console.
 * Every mismatch is a diagnostic located at the expected value in the file.
 */
#include <stdlib.h>
#include <string.h>

#include "load-internal.h"
#include "ringside/step.h"

typedef struct rs_ld_checker {
  rs_ld_out          out;
  const rs_scenario *s;
  int                failures;
} rs_ld_checker;

/* Reports a failed check at a value (or inside a string value at decoded
 * byte `index`, when index is not SIZE_MAX). */
static void rs_ld_fail(rs_ld_checker *c, int node, size_t index, const char *fmt, ...)
  RS_LD_PRINTF(4, 5);
static void rs_ld_fail(rs_ld_checker *c, int node, size_t index, const char *fmt, ...)
{
  const rs_jpos *pos = c->out.pos;
  va_list ap;
  va_start(ap, fmt);
  rs_ld_verror(&c->out, node, index == SIZE_MAX ? rs_jpos_start(pos, node)
                                                : rs_jpos_string_offset(pos, node, index), fmt, ap);
  va_end(ap);
  c->failures++;
}

/* ---- running to the trigger -------------------------------------------- */

/* True when the step limit is reached or the machine has stopped. */
static bool rs_ld_exhausted(const rs_scenario *s, const rs_machine *m)
{
  return rs_machine_step_count(m) >= s->model.max_steps || rs_machine_stopped(m);
}

/* Takes fast-path steps, at least one, until EIP is `addr` or the end
 * address, or the scenario is exhausted. */
static void rs_ld_advance(const rs_scenario *s, rs_machine *m, uint32_t addr)
{
  const rs_ld_model *md = &s->model;
  if (!md->has_end_at) {
    rs_machine_run(m, md->max_steps - rs_machine_step_count(m), addr);
    return;
  }
  do {
    if (!rs_machine_step(m, NULL))
      return;
  } while (!rs_ld_exhausted(s, m) && rs_machine_cpu_const(m)->eip != addr &&
           rs_machine_cpu_const(m)->eip != md->end_at.value);
}

/* Runs m until an instruction step is about to execute at `addr` for the
 * hit-th time; m is then in the state just before that step. */
static bool rs_ld_run_to(const rs_scenario *s, rs_machine *m, uint32_t addr, uint64_t hit)
{
  const rs_ld_model *md = &s->model;
  rs_step_record rec;
  rs_step_record_init(&rec);
  uint64_t hits = 0;
  bool found = false;
  while (!rs_ld_exhausted(s, m)) {
    uint32_t eip = rs_machine_cpu_const(m)->eip;
    bool at_end = md->has_end_at && eip == md->end_at.value;
    if (at_end && eip != addr)
      break;                          /* the scenario has ended */
    if (eip != addr) {
      rs_ld_advance(s, m, addr);
      continue;
    }
    rs_step_record_clear(&rec);
    if (!rs_machine_step(m, &rec))
      break;
    found = rec.kind == RS_STEP_INSTRUCTION && rec.eip == addr && ++hits == hit;
    if (found || at_end) {
      rs_machine_undo(m, &rec);       /* back to the arrival */
      break;
    }
  }
  rs_step_record_free(&rec);
  return found;
}

/* Runs m to step n, or until the scenario ends first. */
static void rs_ld_run_steps(const rs_scenario *s, rs_machine *m, uint64_t n)
{
  if (!s->model.has_end_at) {
    rs_machine_run(m, n - rs_machine_step_count(m), UINT32_MAX);
    return;
  }
  while (rs_machine_step_count(m) < n && !rs_scenario_finished(s, m) &&
         rs_machine_step(m, NULL))
    ;
}

/* Why a run ended before its trigger: ": the scenario ended at step N
 * (reason)", or " within N steps" when the step limit ran out. */
static void rs_ld_end_reason(const rs_scenario *s, const rs_machine *m, rs_buf *out)
{
  uint64_t steps = rs_machine_step_count(m);
  if (rs_machine_stopped(m))
    rs_buf_printf(out, ": the scenario ended at step %llu (the machine stopped)",
                  (unsigned long long)steps);
  else if (steps < s->model.max_steps)
    rs_buf_printf(out, ": the scenario ended at step %llu (execution arrived at its end address)",
                  (unsigned long long)steps);
  else
    rs_buf_printf(out, " within %llu steps", (unsigned long long)s->model.max_steps);
}

/* Brings a fresh machine to the expectation's trigger; reports and returns
 * false if the trigger never happens. */
static bool rs_ld_reach(rs_ld_checker *c, const rs_ld_expect *x, rs_machine *m)
{
  const rs_scenario *s = c->s;
  rs_buf why;
  rs_buf_init(&why);
  bool reached = true;
  switch (x->trigger) {
  case RS_LD_AT:
    reached = rs_ld_run_to(s, m, x->at.value, x->hit);
    if (reached)
      break;
    rs_ld_end_reason(s, m, &why);
    if (x->at.text)
      rs_ld_fail(c, x->trigger_node, SIZE_MAX, "execution never reached '%s' (hit %llu)%s",
                 x->at.text, (unsigned long long)x->hit, why.s);
    else
      rs_ld_fail(c, x->trigger_node, SIZE_MAX, "execution never reached 0x%08x (hit %llu)%s",
                 x->at.value, (unsigned long long)x->hit, why.s);
    break;
  case RS_LD_STEP:
    rs_ld_run_steps(s, m, x->step);
    reached = rs_machine_step_count(m) == x->step;
    if (reached)
      break;
    rs_ld_end_reason(s, m, &why);
    rs_ld_fail(c, x->trigger_node, SIZE_MAX, "never got to step %llu%s",
               (unsigned long long)x->step, why.s);
    break;
  case RS_LD_END:
    rs_ld_run_steps(s, m, s->model.max_steps);
    break;
  }
  rs_buf_free(&why);
  return reached;
}

/* ---- comparisons ------------------------------------------------------- */

/* Compares one memory word with an expected word. */
static void rs_ld_check_word(rs_ld_checker *c, const rs_machine *m, uint32_t addr,
                             const rs_ld_word *w)
{
  uint32_t found;
  if (!rs_machine_peek32(m, addr, &found))
    rs_ld_fail(c, w->v.node, SIZE_MAX, "0x%08x is not mapped", addr);
  else if (!w->any && found != w->v.value)
    rs_ld_fail(c, w->v.node, SIZE_MAX, "expected 0x%08x, found 0x%08x", w->v.value, found);
}

static void rs_ld_check_regs(rs_ld_checker *c, const rs_ld_expect *x, const rs_cpu *cpu)
{
  for (size_t k = 0; k < x->nregs; k++) {
    const rs_ld_reg_name *r = &rs_ld_expect_regs[x->regs[k].reg];
    const char *p = (const char *)cpu + r->offset;
    uint32_t found, want = x->regs[k].value.value;
    if (r->size == 2) {
      uint16_t v;
      memcpy(&v, p, 2);
      found = v;
      if (found != (want & 0xffff) || want > 0xffff)
        rs_ld_fail(c, x->regs[k].value.node, SIZE_MAX, "expected 0x%04x, found 0x%04x", want, found);
    } else {
      memcpy(&found, p, 4);
      if (found != want)
        rs_ld_fail(c, x->regs[k].value.node, SIZE_MAX, "expected 0x%08x, found 0x%08x", want, found);
    }
  }
}

/* The words of a stack region from its top down, and ESP at the last one
 * unless the list is partial. */
static void rs_ld_check_stack(rs_ld_checker *c, const rs_ld_expect *x, const rs_machine *m)
{
  const rs_region *r = &c->s->model.regions[x->stack_region].r;
  uint64_t top = (uint64_t)r->base + r->size;
  for (size_t k = 0; k < x->nwords; k++)
    rs_ld_check_word(c, m, (uint32_t)(top - 4 * (k + 1)), &x->words[k]);
  uint32_t esp = rs_machine_cpu_const(m)->gpr[RS_ESP];
  uint32_t last = (uint32_t)(top - 4 * x->nwords);
  if (!x->partial && esp >= r->base && esp <= top && esp != last)
    rs_ld_fail(c, x->stack_node, SIZE_MAX, "ESP is 0x%08x, but the last listed word is at 0x%08x "
               "(list every word, or add \"partial\": true)", esp, last);
}

static void rs_ld_check_mem(rs_ld_checker *c, const rs_ld_mem_check *mc, const rs_machine *m)
{
  uint32_t addr = mc->addr.value;
  if (mc->kind == RS_LD_MEM_WORDS) {
    for (size_t k = 0; k < mc->nwords; k++)
      rs_ld_check_word(c, m, addr + 4 * (uint32_t)k, &mc->words[k]);
    return;
  }
  for (size_t k = 0; k < mc->len; k++) {
    uint8_t found;
    size_t at = mc->kind == RS_LD_MEM_HEX ? mc->pos[k] : k;
    if (!rs_machine_peek(m, addr + (uint32_t)k, &found, 1)) {
      rs_ld_fail(c, mc->node, at, "0x%08x is not mapped", addr + (uint32_t)k);
      return;
    }
    if (found != mc->bytes[k]) {
      rs_ld_fail(c, mc->node, at, "at 0x%08x: expected 0x%02x, found 0x%02x",
                 addr + (uint32_t)k, mc->bytes[k], found);
      return;
    }
  }
}

static void rs_ld_check_console(rs_ld_checker *c, const rs_ld_expect *x, const rs_machine *m)
{
  size_t len;
  const char *out = rs_machine_console(m, &len);
  if (!out)
    len = 0;
  size_t k = 0;
  while (k < len && k < x->console_len && out[k] == x->console[k])
    k++;
  if (k == len && k == x->console_len)
    return;
  rs_buf msg;
  rs_buf_init(&msg);
  rs_buf_add(&msg, "expected ", 9);
  rs_buf_quote(&msg, x->console, x->console_len, 200);
  rs_buf_add(&msg, ", found ", 8);
  rs_buf_quote(&msg, out ? out : "", len, 200);
  rs_ld_fail(c, x->console_node, k, "%s", msg.s);
  rs_buf_free(&msg);
}

/* Runs and checks one expectation. */
static void rs_ld_check_one(rs_ld_checker *c, const rs_ld_expect *x)
{
  rs_machine *m = rs_scenario_new_machine(c->s);
  if (!m) {
    rs_ld_fail(c, x->node, SIZE_MAX, "not enough memory for a machine");
    return;
  }
  if (rs_ld_reach(c, x, m)) {
    const rs_cpu *cpu = rs_machine_cpu_const(m);
    rs_ld_check_regs(c, x, cpu);
    if (x->has_cpl && rs_cpu_cpl(cpu) != x->cpl)
      rs_ld_fail(c, x->cpl_node, SIZE_MAX, "expected %u, found %u", x->cpl, rs_cpu_cpl(cpu));
    if (x->has_stack)
      rs_ld_check_stack(c, x, m);
    for (size_t k = 0; k < x->nmem; k++)
      rs_ld_check_mem(c, &x->mem[k], m);
    if (x->has_console)
      rs_ld_check_console(c, x, m);
  }
  rs_machine_free(m);
}

int rs_scenario_check(const rs_scenario *s, rs_diags *diags)
{
  rs_ld_checker c = { { s->file, s->pos, diags }, s, 0 };
  size_t first = diags->count;
  for (size_t k = 0; k < s->model.nexpects; k++)
    rs_ld_check_one(&c, &s->model.expects[k]);
  rs_diags_sort(diags, first, s->file);
  return c.failures;
}
