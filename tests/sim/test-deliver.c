/* Interrupt and exception delivery and IRET, path by path, with the exact
 * words each leaves on the stack (Intel SDM Vol. 3A §6.12, Figure 6-4;
 * x86-facts §1.4-§1.12, §2). */
#include "harness.h"

#include <glib.h>
#include <ringside/step.h>

/* A kernel with a handler per vector of interest; each handler just
 * stops at a label so tests can inspect the frame the CPU built. */
static const char *const kernel_src =
  "timer:   pushl $0\n"
  "         pushal\n"
  "timer_body:\n"
  "         movb  $0x20, %al\n"
  "         outb  %al, $0x20\n"
  "         popal\n"
  "         addl  $4, %esp\n"
  "         iret\n"
  "syscall: nop\n"
  "         iret\n"
  "gp:      nop\n"
  "pf:      nop\n"
  "de:      nop\n"
  "ud:      nop\n"
  "df:      nop\n"
  "np:      nop\n";

static void expect_frame(const test_machine *t, uint32_t esp, const uint32_t *words, unsigned n) {
  g_assert_cmphex(tm_cpu(t)->gpr[RS_ESP], ==, esp);
  for (unsigned i = 0; i < n; i++) g_assert_cmphex(tm_word(t, esp + 4 * i), ==, words[i]);
}

static void test_timer_from_user(void) {
  test_machine t = tm_new("start: movl $7, %eax\nloop: incl %eax\n jmp loop\n", kernel_src, 3, "start");
  tm_gate(&t, 32, "timer", RS_GATE_INTERRUPT, 0);
  rs_machine_set_timer(t.m, 0, 2, 1000);
  tm_steps(&t, 2); /* movl, incl: the second retirement fires the timer */
  g_assert_cmpuint(rs_machine_pic(t.m)->irr, ==, 1);

  rs_step_record r;
  rs_step_record_init(&r);
  tm_step_rec(&t, &r);
  g_assert_cmpint(r.kind, ==, RS_STEP_INTERRUPT);
  g_assert_cmpuint(r.vector, ==, 32);
  g_assert_cmpuint(r.cpl_before, ==, 3);
  g_assert_cmpuint(r.cpl_after, ==, 0);
  /* SS, ESP, EFLAGS, CS, EIP from ESP0 down; EIP = the interrupted jmp. */
  const uint32_t frame[] = { tm_sym(&t, "loop") + 1, 0x1b, 0x202, TM_USER_STACK_TOP, 0x23 };
  expect_frame(&t, TM_ESP0 - 20, frame, 5);
  const rs_cpu *c = tm_cpu(&t);
  g_assert_cmphex(c->eip, ==, tm_sym(&t, "timer"));
  g_assert_cmphex(c->sel[RS_CS], ==, 0x08);
  g_assert_cmphex(c->sel[RS_SS], ==, 0x10);
  g_assert_cmphex(c->eflags, ==, 0x002); /* interrupt gate: IF cleared */
  g_assert_cmpuint(rs_machine_pic(t.m)->isr, ==, 1);
  g_assert_cmpuint(rs_machine_pic(t.m)->irr, ==, 0);

  /* Effects come in the SDM's order: IDT read, TSS reads, stack switch,
   * five pushes, IF clear, CS:EIP load. */
  int idt = -1, tss = -1, first_push = -1, cs = -1, eip = -1;
  unsigned pushes = 0;
  for (uint32_t i = 0; i < r.n_effects; i++) {
    const rs_effect *e = &r.effects[i];
    if (e->kind == RS_EFF_IDT_READ) idt = (int)i;
    if (e->kind == RS_EFF_TSS_READ && tss < 0) tss = (int)i;
    if (e->kind == RS_EFF_MEM && (e->why == RS_WHY_FRAME_SS || e->why == RS_WHY_FRAME_ESP ||
                                  e->why == RS_WHY_FRAME_EFLAGS || e->why == RS_WHY_FRAME_CS ||
                                  e->why == RS_WHY_FRAME_EIP)) {
      if (first_push < 0) first_push = (int)i;
      pushes++;
    }
    if (e->kind == RS_EFF_REG && e->target == RS_LOC_CS) cs = (int)i;
    if (e->kind == RS_EFF_REG && e->target == RS_LOC_EIP) eip = (int)i;
  }
  g_assert_cmpint(idt, >=, 0);
  g_assert_cmpint(tss, >, idt);
  g_assert_cmpint(first_push, >, tss);
  g_assert_cmpuint(pushes, ==, 5);
  g_assert_cmpint(cs, >, first_push);
  g_assert_cmpint(eip, >, cs);
  g_assert_cmphex(r.effects[idt].addr, ==, TM_IDT + 32 * 8);

  /* The handler returns: every user register as it was, IF back on. */
  tm_run_to(&t, "loop", 40);
  c = tm_cpu(&t);
  g_assert_cmphex(c->gpr[RS_EAX], ==, 8);
  g_assert_cmphex(c->gpr[RS_ESP], ==, TM_USER_STACK_TOP);
  g_assert_cmphex(c->sel[RS_CS], ==, 0x1b);
  g_assert_cmphex(c->sel[RS_SS], ==, 0x23);
  g_assert_cmphex(c->eflags, ==, 0x202);
  g_assert_cmpuint(rs_machine_pic(t.m)->isr, ==, 0);
  rs_step_record_free(&r);
  tm_free(&t);
}

static void test_int_trap_gate_dpl3(void) {
  test_machine t = tm_new("start: int $0x40\nafter: jmp after\n", kernel_src, 3, "start");
  tm_gate(&t, 0x40, "syscall", RS_GATE_TRAP, 3);
  rs_step_record r;
  rs_step_record_init(&r);
  tm_step_rec(&t, &r); /* the int raises; EIP does not move yet */
  g_assert_cmpint(r.kind, ==, RS_STEP_INSTRUCTION);
  g_assert_cmphex(tm_cpu(&t)->eip, ==, tm_sym(&t, "start"));
  g_assert_cmpint(r.effects[r.n_effects - 2].kind, ==, RS_EFF_RAISE);
  tm_step_rec(&t, &r);
  g_assert_cmpint(r.kind, ==, RS_STEP_SOFTWARE_INTERRUPT);
  const uint32_t frame[] = { tm_sym(&t, "after"), 0x1b, 0x202, TM_USER_STACK_TOP, 0x23 };
  expect_frame(&t, TM_ESP0 - 20, frame, 5);
  g_assert_cmphex(tm_cpu(&t)->eflags, ==, 0x202); /* trap gate: IF stays 1 */
  /* iret comes back after the int */
  tm_steps(&t, 2);
  g_assert_cmphex(tm_cpu(&t)->eip, ==, tm_sym(&t, "after"));
  g_assert_cmphex(tm_cpu(&t)->gpr[RS_ESP], ==, TM_USER_STACK_TOP);
  rs_step_record_free(&r);
  tm_free(&t);
}

/* int $0x0e against a DPL 0 gate: #GP(0x0e * 8 + 2), saved EIP = the int. */
static void test_int_dpl_violation(void) {
  test_machine t = tm_new("start: int $0x0e\n", kernel_src, 3, "start");
  tm_gate(&t, 14, "pf", RS_GATE_INTERRUPT, 0);
  tm_gate(&t, 13, "gp", RS_GATE_INTERRUPT, 0);
  rs_step_record r;
  rs_step_record_init(&r);
  tm_steps(&t, 1);
  tm_step_rec(&t, &r); /* the delivery of 14 fails its DPL check */
  g_assert_cmpuint(r.vector, ==, 14);
  const rs_event *p = rs_machine_pending_event(t.m);
  g_assert_cmpuint(p->vector, ==, 13);
  g_assert_cmphex(p->error_code, ==, 0x72);
  g_assert_cmphex(tm_cpu(&t)->sel[RS_CS], ==, 0x1b); /* nothing changed yet */
  tm_step_rec(&t, &r);
  g_assert_cmpint(r.kind, ==, RS_STEP_EXCEPTION);
  g_assert_cmpuint(r.vector, ==, 13);
  const uint32_t frame[] = { 0x72, tm_sym(&t, "start"), 0x1b, 0x202, TM_USER_STACK_TOP, 0x23 };
  expect_frame(&t, TM_ESP0 - 24, frame, 6);
  g_assert_cmphex(tm_cpu(&t)->eip, ==, tm_sym(&t, "gp"));
  rs_step_record_free(&r);
  tm_free(&t);
}

/* An interrupt in kernel mode: no stack switch, three words. */
static void test_kernel_nested_no_switch(void) {
  test_machine t = tm_new(NULL,
                "start: movl $0xc0107f00, %esp\nspin: jmp spin\n"
                "timer: pushl $0\n pushal\nbody: nop\n", 0, "start");
  tm_gate(&t, 32, "timer", RS_GATE_INTERRUPT, 0);
  rs_machine_set_timer(t.m, 0, 2, 1000);
  tm_steps(&t, 3);
  const uint32_t frame[] = { tm_sym(&t, "spin"), 0x08, 0x202 };
  expect_frame(&t, 0xc0107f00 - 12, frame, 3);
  g_assert_cmphex(tm_cpu(&t)->sel[RS_SS], ==, 0x10);
  g_assert_cmphex(tm_cpu(&t)->eip, ==, tm_sym(&t, "timer"));
  tm_free(&t);
}

/* Runs `user` (whose faulting instruction is labelled "fault") until the
 * #PF handler is entered; checks the frame, CR2 and the saved ESP. */
static void expect_page_fault(const char *user, uint32_t error_code, uint32_t cr2, uint32_t user_esp) {
  test_machine t = tm_new(user, kernel_src, 3, "start");
  tm_gate(&t, 14, "pf", RS_GATE_INTERRUPT, 0);
  rs_machine_run(t.m, 20, tm_sym(&t, "pf"));
  const uint32_t frame[] = { error_code, tm_sym(&t, "fault"), 0x1b, 0x202, user_esp, 0x23 };
  expect_frame(&t, TM_ESP0 - 24, frame, 6);
  g_assert_cmphex(tm_cpu(&t)->cr2, ==, cr2);
  g_assert_cmphex(tm_cpu(&t)->eip, ==, tm_sym(&t, "pf"));
  tm_free(&t);
}

static void test_page_fault_codes(void) {
  /* user write to a supervisor page: P=1 W=1 U=1 */
  expect_page_fault("start:\nfault: movl $1, 0xc0105000\n", 7, 0xc0105000, TM_USER_STACK_TOP);
  /* user read of a page that is not mapped: P=0 W=0 U=1 */
  expect_page_fault("start:\nfault: movl 0x10000004, %eax\n", 4, 0x10000004, TM_USER_STACK_TOP);
  /* user write to its own read-only code page: P=1 W=1 U=1 */
  expect_page_fault("start:\nfault: movl %eax, start\n", 7, TM_USER_CODE, TM_USER_STACK_TOP);
  /* a push below the user stack: not present, write, user; ESP unchanged */
  expect_page_fault("start: movl $0xbfffe000, %esp\nfault: pushl $1\n", 6, 0xbfffdffc, 0xbfffe000);
}

static void test_divide_error(void) {
  test_machine t = tm_new("start: movl $5, %eax\n xorl %ecx, %ecx\nfault: divl %ecx\n", kernel_src, 3, "start");
  tm_gate(&t, 0, "de", RS_GATE_INTERRUPT, 0);
  tm_steps(&t, 4);
  const uint32_t frame[] = { tm_sym(&t, "fault"), 0x1b, 0x246 };
  expect_frame(&t, TM_ESP0 - 20, frame, 3);
  g_assert_cmphex(tm_cpu(&t)->eip, ==, tm_sym(&t, "de"));
  tm_free(&t);
}

static void expect_gp0(const char *user) {
  test_machine t = tm_new(user, kernel_src, 3, "start");
  tm_gate(&t, 13, "gp", RS_GATE_INTERRUPT, 0);
  tm_steps(&t, 2);
  const uint32_t frame[] = { 0, tm_sym(&t, "start"), 0x1b, 0x202 };
  expect_frame(&t, TM_ESP0 - 24, frame, 4);
  g_assert_cmphex(tm_cpu(&t)->eip, ==, tm_sym(&t, "gp"));
  tm_free(&t);
}

static void test_privileged_at_cpl3(void) {
  expect_gp0("start: cli\n");
  expect_gp0("start: sti\n");
  expect_gp0("start: hlt\n");
  expect_gp0("start: outb %al, $0x20\n");      /* IOPL 0 and no I/O bitmap */
  expect_gp0("start: movl %cr3, %eax\n");
  expect_gp0("start: lidt 0x08048000\n");
}

static void test_invalid_opcode(void) {
  test_machine t = tm_new("start: ud2\n", kernel_src, 3, "start");
  tm_gate(&t, 6, "ud", RS_GATE_INTERRUPT, 0);
  tm_steps(&t, 2);
  const uint32_t frame[] = { tm_sym(&t, "start"), 0x1b, 0x202 };
  expect_frame(&t, TM_ESP0 - 20, frame, 3);
  tm_free(&t);
}

/* #GP whose gate is not present: #NP during its delivery -> #DF(0). */
static void test_double_fault(void) {
  test_machine t = tm_new("start: cli\n", kernel_src, 3, "start");
  tm_gate(&t, 8, "df", RS_GATE_INTERRUPT, 0);
  tm_steps(&t, 2); /* cli raises #GP; its delivery fails */
  const rs_event *p = rs_machine_pending_event(t.m);
  g_assert_cmpuint(p->vector, ==, 8);
  g_assert_cmphex(p->error_code, ==, 0);
  tm_steps(&t, 1);
  const uint32_t frame[] = { 0, tm_sym(&t, "start"), 0x1b, 0x202 };
  expect_frame(&t, TM_ESP0 - 24, frame, 4);
  g_assert_cmphex(tm_cpu(&t)->eip, ==, tm_sym(&t, "df"));
  tm_free(&t);
}

static void test_triple_fault(void) {
  test_machine t = tm_new("start: cli\n", kernel_src, 3, "start");
  rs_step_record r;
  rs_step_record_init(&r);
  tm_steps(&t, 2);
  tm_step_rec(&t, &r); /* delivering #DF fails too */
  g_assert_cmpint(r.kind, ==, RS_STEP_SHUTDOWN);
  g_assert_true(rs_machine_stopped(t.m));
  g_assert_false(rs_machine_step(t.m, NULL));
  rs_step_record_free(&r);
  tm_free(&t);
}

/* A hardware interrupt through a not-present gate: #NP(v*8+2+EXT), with
 * EXT = 1 because the event came from outside the program (SDM Vol. 3A
 * §6.13; QEMU leaves EXT clear, x86-facts §9). */
static void test_not_present_external(void) {
  test_machine t = tm_new("start: jmp start\n", kernel_src, 3, "start");
  tm_gate(&t, 11, "np", RS_GATE_INTERRUPT, 0);
  g_assert_true(rs_machine_set_gate(t.m, 32, tm_sym(&t, "timer"), RS_GATE_INTERRUPT, 0, false));
  rs_machine_set_timer(t.m, 0, 1, 1000);
  tm_steps(&t, 3);
  const uint32_t frame[] = { 32 * 8 + 2 + 1, tm_sym(&t, "start"), 0x1b, 0x202 };
  expect_frame(&t, TM_ESP0 - 24, frame, 4);
  g_assert_cmphex(tm_cpu(&t)->eip, ==, tm_sym(&t, "np"));
  tm_free(&t);
}

static void test_iret_same_level(void) {
  test_machine t = tm_new(NULL,
                "start: pushfl\n pushl %cs\n pushl $there\n iret\n nop\nthere: nop\n", 0, "start");
  tm_steps(&t, 4);
  g_assert_cmphex(tm_cpu(&t)->eip, ==, tm_sym(&t, "there"));
  g_assert_cmphex(tm_cpu(&t)->gpr[RS_ESP], ==, TM_ESP0);
  g_assert_cmphex(tm_cpu(&t)->sel[RS_CS], ==, 0x08);
  tm_free(&t);
}

/* IRET may not return to a more privileged level: #GP(selector). */
static void test_iret_bad_selector(void) {
  test_machine t = tm_new("start: pushl $0x202\n pushl $0x08\n pushl $start\nbad: iret\n", kernel_src, 3, "start");
  tm_gate(&t, 13, "gp", RS_GATE_INTERRUPT, 0);
  tm_steps(&t, 5);
  g_assert_cmphex(tm_word(&t, tm_cpu(&t)->gpr[RS_ESP]), ==, 0x08);
  g_assert_cmphex(tm_word(&t, tm_cpu(&t)->gpr[RS_ESP] + 4), ==, tm_sym(&t, "bad"));
  tm_free(&t);
}

/* With IF = 0 a timer tick stays pending; a second one is lost; STI lets
 * one more instruction run before the interrupt (the shadow). */
static void test_masking_and_sti_shadow(void) {
  test_machine t = tm_new(NULL,
                "start: cli\n nop\n nop\n nop\n nop\n nop\n sti\nshadow: nop\nlate: nop\n"
                "timer: nop\n", 0, "start");
  tm_gate(&t, 32, "timer", RS_GATE_INTERRUPT, 0);
  rs_machine_set_timer(t.m, 0, 2, 2);
  rs_step_record r;
  rs_step_record_init(&r);
  bool lost = false;
  for (int i = 0; i < 6; i++) { /* cli and five nops: ticks at 2, 4 and 6 */
    tm_step_rec(&t, &r);
    for (uint32_t j = 0; j < r.n_effects; j++)
      if (r.effects[j].why == RS_WHY_IRQ_LOST) lost = true;
  }
  g_assert_true(lost);
  g_assert_cmpuint(rs_machine_pic(t.m)->irr, ==, 1);
  tm_steps(&t, 1); /* sti */
  g_assert_cmphex(tm_cpu(&t)->eip, ==, tm_sym(&t, "shadow"));
  tm_step_rec(&t, &r); /* the shadow: the nop runs first */
  g_assert_cmpint(r.kind, ==, RS_STEP_INSTRUCTION);
  tm_step_rec(&t, &r);
  g_assert_cmpint(r.kind, ==, RS_STEP_INTERRUPT);
  g_assert_cmphex(tm_word(&t, tm_cpu(&t)->gpr[RS_ESP]), ==, tm_sym(&t, "late"));
  rs_step_record_free(&r);
  tm_free(&t);
}

/* STI with IF already 1 opens no shadow (SDM Vol. 2 STI). */
static void test_sti_no_shadow_when_enabled(void) {
  test_machine t = tm_new(NULL, "start: sti\nnext: nop\ntimer: nop\n", 0, "start");
  tm_gate(&t, 32, "timer", RS_GATE_INTERRUPT, 0);
  rs_machine_set_timer(t.m, 0, 1, 1000);
  tm_steps(&t, 2);
  g_assert_cmphex(tm_cpu(&t)->eip, ==, tm_sym(&t, "timer"));
  g_assert_cmphex(tm_word(&t, tm_cpu(&t)->gpr[RS_ESP]), ==, tm_sym(&t, "next"));
  tm_free(&t);
}

/* HLT waits; the idle step lets time pass until the timer fires; the saved
 * EIP is the instruction after hlt. */
static void test_hlt_idle_wake(void) {
  test_machine t = tm_new(NULL, "start: hlt\nafter: nop\ntimer: nop\n", 0, "start");
  tm_gate(&t, 32, "timer", RS_GATE_INTERRUPT, 0);
  rs_machine_set_timer(t.m, 0, 50, 1000);
  rs_step_record r;
  rs_step_record_init(&r);
  tm_step_rec(&t, &r);
  g_assert_true(rs_machine_halted(t.m));
  tm_step_rec(&t, &r);
  g_assert_cmpint(r.kind, ==, RS_STEP_IDLE);
  g_assert_cmpuint(rs_machine_icount(t.m), ==, 50);
  tm_step_rec(&t, &r);
  g_assert_cmpint(r.kind, ==, RS_STEP_INTERRUPT);
  g_assert_false(rs_machine_halted(t.m));
  g_assert_cmphex(tm_word(&t, tm_cpu(&t)->gpr[RS_ESP]), ==, tm_sym(&t, "after"));
  rs_step_record_free(&r);
  tm_free(&t);
}

/* cli; hlt never wakes: the machine stops. */
static void test_hlt_forever_stops(void) {
  test_machine t = tm_new(NULL, "start: cli\n hlt\n", 0, "start");
  rs_machine_set_timer(t.m, 0, 5, 5);
  tm_steps(&t, 2);
  g_assert_false(rs_machine_step(t.m, NULL));
  g_assert_true(rs_machine_stopped(t.m));
  tm_free(&t);
}

/* IRET to user mode nulls a data segment the user may not use. */
static void test_iret_nulls_kernel_data_segment(void) {
  test_machine t = tm_new("user: nop\n",
                "start: movw $0x10, %ax\n movw %ax, %ds\n movw $0x23, %ax\n movw %ax, %es\n"
                " pushl $0x23\n pushl $0xc0000000\n pushl $0x202\n pushl $0x1b\n pushl $user\n iret\n",
                0, "start");
  tm_steps(&t, 10);
  const rs_cpu *c = tm_cpu(&t);
  g_assert_cmphex(c->eip, ==, tm_sym(&t, "user"));
  g_assert_cmphex(c->sel[RS_DS], ==, 0);
  g_assert_cmphex(c->sel[RS_ES], ==, 0x23); /* user data: kept */
  g_assert_cmpuint(rs_cpu_cpl(c), ==, 3);
  tm_free(&t);
}

int main(int argc, char **argv) {
  g_test_init(&argc, &argv, NULL);
  g_test_add_func("/deliver/timer-from-user", test_timer_from_user);
  g_test_add_func("/deliver/int-trap-gate-dpl3", test_int_trap_gate_dpl3);
  g_test_add_func("/deliver/int-dpl-violation", test_int_dpl_violation);
  g_test_add_func("/deliver/kernel-nested-no-switch", test_kernel_nested_no_switch);
  g_test_add_func("/deliver/page-fault-codes", test_page_fault_codes);
  g_test_add_func("/deliver/divide-error", test_divide_error);
  g_test_add_func("/deliver/privileged-at-cpl3", test_privileged_at_cpl3);
  g_test_add_func("/deliver/invalid-opcode", test_invalid_opcode);
  g_test_add_func("/deliver/double-fault", test_double_fault);
  g_test_add_func("/deliver/triple-fault", test_triple_fault);
  g_test_add_func("/deliver/not-present-external", test_not_present_external);
  g_test_add_func("/iret/same-level", test_iret_same_level);
  g_test_add_func("/iret/bad-selector", test_iret_bad_selector);
  g_test_add_func("/iret/nulls-kernel-data-segment", test_iret_nulls_kernel_data_segment);
  g_test_add_func("/devices/masking-and-sti-shadow", test_masking_and_sti_shadow);
  g_test_add_func("/devices/sti-no-shadow-when-enabled", test_sti_no_shadow_when_enabled);
  g_test_add_func("/devices/hlt-idle-wake", test_hlt_idle_wake);
  g_test_add_func("/devices/hlt-forever-stops", test_hlt_forever_stops);
  return g_test_run();
}
