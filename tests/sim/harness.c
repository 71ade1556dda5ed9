#include "harness.h"

#include <glib.h>
#include <string.h>

static void add_block(rs_program *p, const char *name, uint32_t at, const char *src) {
  if (src) rs_program_add_block(p, name, at, src);
}

test_machine tm_new(const char *user_src, const char *kernel_src, unsigned cpl, const char *entry) {
  test_machine t = { rs_program_new(), rs_machine_new(64) };
  g_assert_nonnull(t.prog);
  g_assert_nonnull(t.m);
  add_block(t.prog, "user", TM_USER_CODE, user_src);
  add_block(t.prog, "kernel", TM_KERNEL_CODE, kernel_src);
  if (rs_program_assemble(t.prog)) {
    for (size_t i = 0; i < rs_program_diag_count(t.prog); i++) {
      const rs_asm_diag *d = rs_program_diag(t.prog, i);
      g_printerr("block %d line %d col %d: %s\n", d->block, d->line, d->col, d->msg);
    }
    g_error("test program does not assemble");
  }
  rs_machine *m = t.m;
  g_assert_cmpuint(rs_machine_map(m, TM_USER_CODE, 0x1000, RS_MAP_USER), !=, UINT32_MAX);
  g_assert_cmpuint(rs_machine_map(m, 0xbfffe000, 0x2000, RS_MAP_USER | RS_MAP_WRITABLE), !=, UINT32_MAX);
  g_assert_cmpuint(rs_machine_map(m, TM_KERNEL_CODE, 0x1000, 0), !=, UINT32_MAX);
  g_assert_cmpuint(rs_machine_map(m, TM_GDT, 0x2000, RS_MAP_WRITABLE), !=, UINT32_MAX);
  g_assert_cmpuint(rs_machine_map(m, TM_KERNEL_DATA, 0x1000, RS_MAP_WRITABLE), !=, UINT32_MAX);
  g_assert_cmpuint(rs_machine_map(m, 0xc0107000, 0x1000, RS_MAP_WRITABLE), !=, UINT32_MAX);
  for (size_t b = 0; b < rs_program_block_count(t.prog); b++) {
    size_t len;
    const uint8_t *bytes = rs_program_block_bytes(t.prog, (int)b, &len);
    g_assert_true(rs_machine_poke(m, rs_program_block_origin(t.prog, (int)b), bytes, len));
  }
  g_assert_true(rs_machine_install_tables(m, TM_GDT, TM_IDT, TM_TSS, TM_ESP0));
  rs_machine_set_privilege(m, cpl);
  rs_cpu *c = rs_machine_cpu(m);
  c->eip = tm_sym(&t, entry);
  c->gpr[RS_ESP] = cpl == 3 ? TM_USER_STACK_TOP : TM_ESP0;
  c->eflags = 0x202;
  return t;
}

void tm_free(test_machine *t) {
  rs_program_free(t->prog);
  rs_machine_free(t->m);
  memset(t, 0, sizeof *t);
}

uint32_t tm_sym(const test_machine *t, const char *name) {
  uint32_t v = 0;
  if (!rs_program_lookup(t->prog, name, &v)) g_error("undefined test symbol %s", name);
  return v;
}

void tm_gate(test_machine *t, unsigned vector, const char *handler, rs_gate_type type, unsigned dpl) {
  g_assert_true(rs_machine_set_gate(t->m, vector, tm_sym(t, handler), type, dpl, true));
}

void tm_steps(test_machine *t, unsigned n) {
  for (unsigned i = 0; i < n; i++) g_assert_true(rs_machine_step(t->m, NULL));
}

const rs_step_record *tm_step_rec(test_machine *t, rs_step_record *r) {
  g_assert_true(rs_machine_step(t->m, r));
  return r;
}

void tm_run_to(test_machine *t, const char *label, unsigned max_steps) {
  uint32_t at = tm_sym(t, label);
  rs_machine_run(t->m, max_steps, at);
  g_assert_cmphex(rs_machine_cpu_const(t->m)->eip, ==, at);
}

uint32_t tm_word(const test_machine *t, uint32_t addr) {
  uint32_t v;
  g_assert_true(rs_machine_peek32(t->m, addr, &v));
  return v;
}

const rs_cpu *tm_cpu(const test_machine *t) { return rs_machine_cpu_const(t->m); }
