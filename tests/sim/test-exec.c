/* Instruction semantics beyond ALU flags (those are compared with the host
 * CPU in test-alu-host): data movement, the stack, control transfer,
 * multiply/divide, strings, conversions, I/O and system instructions —
 * each with the exact registers and memory the SDM Vol. 2 page gives. */
#include "harness.h"

#include <glib.h>
#include <string.h>

/* Runs a kernel-mode snippet (CPL 0) until the label `done`. */
static test_machine run_kernel(const char *src, unsigned max_steps) {
  test_machine t = tm_new(NULL, src, 0, "start");
  tm_run_to(&t, "done", max_steps);
  return t;
}

#define REG(t, r) (tm_cpu(&(t))->gpr[r])

static void test_mov_forms(void) {
  test_machine t = run_kernel(
    "start: movl $0x12345678, %eax\n"
    "       movb $0xab, %ah\n"              /* EAX = 0x1234ab78 */
    "       movw $0xcdef, %bx\n"
    "       movl %eax, data\n"               /* moffs form */
    "       movl data, %ecx\n"
    "       movl $data, %esi\n"
    "       movb 1(%esi), %dl\n"             /* 0xab */
    "       movl $2, %edi\n"
    "       movw %bx, (%esi,%edi,2)\n"       /* data+4 */
    "       movzbl %ah, %ebp\n"
    "       movsbl %ah, %esp\n"
    "       movzwl data+4, %edx\n"
    "done:  jmp done\n"
    "data = 0xc0105000\n", 20);
  g_assert_cmphex(REG(t, RS_EAX), ==, 0x1234ab78);
  g_assert_cmphex(REG(t, RS_ECX), ==, 0x1234ab78);
  g_assert_cmphex(REG(t, RS_EBX) & 0xffff, ==, 0xcdef);
  g_assert_cmphex(REG(t, RS_EBP), ==, 0xab);
  g_assert_cmphex(REG(t, RS_ESP), ==, 0xffffffab);
  g_assert_cmphex(REG(t, RS_EDX), ==, 0xcdef);
  g_assert_cmphex(tm_word(&t, tm_sym(&t, "data") + 4), ==, 0xcdef);
  tm_free(&t);
}

static void test_lea_xchg_conversions(void) {
  test_machine t = run_kernel(
    "start: movl $0x100, %ebx\n"
    "       movl $3, %ecx\n"
    "       leal 0x10(%ebx,%ecx,8), %eax\n"  /* 0x128 */
    "       xchgl %eax, %ebx\n"
    "       movl $0xffff8000, %edx\n"
    "       movw $0x8000, %ax\n"
    "       cwtl\n"                           /* EAX = 0xffff8000 */
    "       movl %eax, %esi\n"
    "       cltd\n"                           /* EDX = 0xffffffff */
    "       movl $0x7f, %eax\n"
    "       cbtw\n"                           /* AX = 0x007f */
    "done:  jmp done\n", 20);
  g_assert_cmphex(REG(t, RS_EBX), ==, 0x128);
  g_assert_cmphex(REG(t, RS_ESI), ==, 0xffff8000);
  g_assert_cmphex(REG(t, RS_EDX), ==, 0xffffffff);
  g_assert_cmphex(REG(t, RS_EAX), ==, 0x7f);
  tm_free(&t);
}

/* push %esp pushes the old value; pop %esp loads the popped one; pop to
 * memory addresses with the incremented ESP (SDM Vol. 2 PUSH/POP). */
static void test_stack_corner_cases(void) {
  test_machine t = run_kernel(
    "start: movl $0xc0107f00, %esp\n"
    "       pushl %esp\n"
    "       popl %eax\n"
    "       pushl $0x11223344\n"
    "       popl (%esp)\n"            /* the address uses the incremented ESP */
    "       movl %esp, %ecx\n"
    "       movl $0xc0107e00, %ebx\n"
    "       pushl %ebx\n"
    "       popl %esp\n"
    "       pushl $-2\n"                /* imm8, sign-extended */
    "done:  jmp done\n", 20);
  g_assert_cmphex(REG(t, RS_EAX), ==, 0xc0107f00);
  g_assert_cmphex(REG(t, RS_ECX), ==, 0xc0107f00);
  g_assert_cmphex(tm_word(&t, 0xc0107f00), ==, 0x11223344);
  g_assert_cmphex(REG(t, RS_ESP), ==, 0xc0107dfc);
  g_assert_cmphex(tm_word(&t, 0xc0107dfc), ==, 0xfffffffe);
  tm_free(&t);
}

/* PUSHAD's layout (x86-facts §3.1) and POPAD ignoring the saved ESP. */
static void test_pushad_popad(void) {
  test_machine t = run_kernel(
    "start: movl $1, %eax\n movl $2, %ecx\n movl $3, %edx\n movl $4, %ebx\n"
    "       movl $6, %ebp\n movl $7, %esi\n movl $8, %edi\n"
    "       pushal\n"
    "saved: movl $0, %eax\n movl $0, %edi\n movl $0x99, 12(%esp)\n"
    "       popal\n"
    "done:  jmp done\n", 30);
  const uint32_t expect[8] = { 8, 7, 6, TM_ESP0, 4, 3, 2, 1 };
  for (unsigned i = 0; i < 8; i++)
    g_assert_cmphex(tm_word(&t, TM_ESP0 - 32 + 4 * i), ==, i == 3 ? 0x99 : expect[i]);
  g_assert_cmphex(REG(t, RS_EAX), ==, 1);
  g_assert_cmphex(REG(t, RS_EDI), ==, 8);
  g_assert_cmphex(REG(t, RS_ESP), ==, TM_ESP0); /* the 0x99 in the ESP slot is ignored */
  tm_free(&t);
}

static void test_call_ret_leave(void) {
  test_machine t = run_kernel(
    "start: pushl $5\n"
    "       call f\n"
    "back:  addl $4, %esp\n"
    "       movl $g, %ecx\n"
    "       call *%ecx\n"
    "       jmp *table+4\n"
    "f:     pushl %ebp\n"
    "       movl %esp, %ebp\n"
    "       movl 8(%ebp), %eax\n"
    "       subl $16, %esp\n"
    "       leave\n"
    "       ret\n"
    "g:     ret $0\n"
    "h:     jmp done\n"
    "table: .long f, h\n"
    "done:  jmp done\n", 40);
  g_assert_cmphex(REG(t, RS_EAX), ==, 5);
  g_assert_cmphex(REG(t, RS_ESP), ==, TM_ESP0);
  g_assert_cmphex(tm_word(&t, TM_ESP0 - 8), ==, tm_sym(&t, "back"));
  tm_free(&t);
}

static void test_mul_div(void) {
  test_machine t = run_kernel(
    "start: movl $0x10000, %eax\n"
    "       movl $0x30000, %ecx\n"
    "       mull %ecx\n"                /* EDX:EAX = 0x3_00000000 */
    "       movl %edx, %esi\n"
    "       movl %eax, %edi\n"
    "       movl $100, %eax\n"
    "       xorl %edx, %edx\n"
    "       movl $7, %ecx\n"
    "       divl %ecx\n"                /* 14 r 2 */
    "       movl %eax, %ebx\n"
    "       movl %edx, %ebp\n"
    "       movl $-100, %eax\n"
    "       cltd\n"
    "       idivl %ecx\n"               /* -14 r -2 */
    "       movw $200, %ax\n"
    "       movb $3, %cl\n"
    "       mulb %cl\n"                 /* AX = 600 */
    "done:  jmp done\n", 40);
  g_assert_cmphex(REG(t, RS_ESI), ==, 3);
  g_assert_cmphex(REG(t, RS_EDI), ==, 0);
  g_assert_cmphex(REG(t, RS_EBX), ==, 14);
  g_assert_cmphex(REG(t, RS_EBP), ==, 2);
  g_assert_cmphex(REG(t, RS_EDX), ==, (uint32_t)-2);
  g_assert_cmphex(REG(t, RS_EAX) & 0xffff, ==, 600);
  g_assert_cmphex(tm_cpu(&t)->eflags & 0x801, ==, 0x801); /* CF = OF = 1: high half not zero */
  tm_free(&t);
}

/* A quotient too large for the destination is #DE too. */
static void test_div_overflow(void) {
  test_machine t = tm_new(NULL, "start: movl $1, %edx\n movl $0, %eax\n movl $1, %ecx\nfault: divl %ecx\nde: nop\n", 0, "start");
  tm_gate(&t, 0, "de", RS_GATE_INTERRUPT, 0);
  tm_run_to(&t, "de", 10);
  g_assert_cmphex(tm_word(&t, REG(t, RS_ESP)), ==, tm_sym(&t, "fault"));
  g_assert_cmphex(REG(t, RS_EAX), ==, 0); /* unchanged: the fault left no trace */
  tm_free(&t);
}

static void test_setcc_cmov_jcc(void) {
  test_machine t = run_kernel(
    "start: movl $5, %eax\n"
    "       cmpl $7, %eax\n"
    "       setl %bl\n"          /* 5 < 7 signed */
    "       setb %bh\n"          /* 5 < 7 unsigned */
    "       setg %cl\n"
    "       movl $9, %edx\n"
    "       cmovll %edx, %esi\n"
    "       cmovgl %edx, %edi\n"
    "       jge wrong\n"
    "       jle done\n"
    "wrong: movl $0xbad, %eax\n"
    "done:  jmp done\n", 20);
  g_assert_cmphex(REG(t, RS_EBX) & 0xffff, ==, 0x0101);
  g_assert_cmphex(REG(t, RS_ECX) & 0xff, ==, 0);
  g_assert_cmphex(REG(t, RS_ESI), ==, 9);
  g_assert_cmphex(REG(t, RS_EDI), ==, 0);
  g_assert_cmphex(REG(t, RS_EAX), ==, 5);
  tm_free(&t);
}

static void test_loop_jecxz(void) {
  test_machine t = run_kernel(
    "start: movl $4, %ecx\n"
    "       xorl %eax, %eax\n"
    "again: addl $10, %eax\n"
    "       loop again\n"
    "       jecxz done\n"
    "       movl $0xbad, %eax\n"
    "done:  jmp done\n", 30);
  g_assert_cmphex(REG(t, RS_EAX), ==, 40);
  g_assert_cmphex(REG(t, RS_ECX), ==, 0);
  tm_free(&t);
}

/* REP string instructions: one iteration per step, EIP stays on the
 * instruction until ECX reaches 0 (or the REPE/REPNE condition ends it). */
static void test_rep_strings(void) {
  test_machine t = tm_new(NULL,
    "start: cld\n"
    "       movl $src, %esi\n"
    "       movl $0xc0105000, %edi\n"
    "       movl $3, %ecx\n"
    "copy:  rep movsl\n"
    "       movl $0xc0105000, %edi\n"
    "       movl $0x41, %eax\n"
    "       movl $8, %ecx\n"
    "scan:  repne scasb\n"
    "done:  jmp done\n"
    "src:   .long 0x11, 0x22, 0x33\n"
    "       .ascii \"xyzA\"\n", 0, "start");
  tm_run_to(&t, "copy", 10);
  for (int i = 0; i < 3; i++) {
    tm_steps(&t, 1);
    g_assert_cmphex(tm_cpu(&t)->eip, ==, i < 2 ? tm_sym(&t, "copy") : tm_sym(&t, "copy") + 2);
    g_assert_cmphex(REG(t, RS_ECX), ==, (uint32_t)(2 - i));
  }
  g_assert_cmphex(tm_word(&t, 0xc0105000), ==, 0x11);
  g_assert_cmphex(tm_word(&t, 0xc0105008), ==, 0x33);
  g_assert_cmphex(REG(t, RS_EDI), ==, 0xc010500c);
  tm_run_to(&t, "done", 30); /* the copied bytes are 11 00 00 00 22 ...: no 'A' */
  g_assert_cmphex(REG(t, RS_ECX), ==, 0);
  tm_free(&t);
}

static void test_flags_instructions(void) {
  test_machine t = run_kernel(
    "start: stc\n cmc\n setc %al\n"
    "       std\n pushfl\n popl %ebx\n cld\n"
    "       pushfl\n orl $0x801, (%esp)\n popfl\n"   /* CF and OF through popf */
    "       setc %cl\n seto %ch\n"
    "done:  jmp done\n", 30);
  g_assert_cmphex(REG(t, RS_EAX) & 0xff, ==, 0);
  g_assert_cmphex(REG(t, RS_EBX) & 0x400, ==, 0x400); /* DF was set */
  g_assert_cmphex(REG(t, RS_ECX) & 0xffff, ==, 0x0101);
  g_assert_cmphex(tm_cpu(&t)->eflags & 0x400, ==, 0);
  tm_free(&t);
}

/* POPF at CPL 3 cannot change IF or IOPL, and does not fault (SDM POPF). */
static void test_popf_at_cpl3(void) {
  test_machine t = tm_new("start: pushl $0x3000\n popfl\ndone: jmp done\n", NULL, 3, "start");
  tm_run_to(&t, "done", 10);
  g_assert_cmphex(tm_cpu(&t)->eflags, ==, 0x202); /* IF still 1, IOPL still 0 */
  tm_free(&t);
}

static void test_console_out(void) {
  test_machine t = run_kernel(
    "start: movw $0x3f8, %dx\n"
    "       movb $0x48, %al\n outb %al, %dx\n"
    "       movb $0x69, %al\n outb %al, %dx\n"
    "       movw $0x3fd, %dx\n inb %dx, %al\n"      /* line status: transmitter empty */
    "done:  jmp done\n", 20);
  size_t len;
  const char *text = rs_machine_console(t.m, &len);
  g_assert_cmpuint(len, ==, 2);
  g_assert_true(memcmp(text, "Hi", 2) == 0);
  g_assert_cmphex(REG(t, RS_EAX) & 0xff, ==, 0x60);
  tm_free(&t);
}

static void test_system_registers(void) {
  test_machine t = run_kernel(
    "start: sidt 0xc0105000\n"
    "       lidt newidt\n"
    "       movl %cr3, %eax\n"
    "       movl %eax, %cr3\n"
    "       movl %cr0, %edx\n"
    "       strw %si\n"
    "       xorl %eax, %eax\n"
    "       cpuid\n"
    "done:  jmp done\n"
    "newidt: .word 0x7ff\n .long 0xc0104800\n", 20);
  const rs_cpu *c = tm_cpu(&t);
  g_assert_cmphex(tm_word(&t, 0xc0105000) & 0xffff, ==, 0x7ff);      /* the old IDTR */
  g_assert_cmphex(tm_word(&t, 0xc0105002), ==, TM_IDT);
  g_assert_cmphex(c->gpr[RS_ESI] & 0xffff, ==, 0x28);                  /* TR */
  g_assert_cmphex(c->gpr[RS_EBX], ==, 0x756e6547);                      /* "Genu" from cpuid leaf 0 */
  g_assert_cmphex(c->idtr.base, ==, 0xc0104800);
  g_assert_cmphex(c->idtr.limit, ==, 0x7ff);
  g_assert_cmphex(c->cr0 & 0x80010001, ==, 0x80010001); /* PG, WP, PE */
  tm_free(&t);
}

int main(int argc, char **argv) {
  g_test_init(&argc, &argv, NULL);
  g_test_add_func("/exec/mov-forms", test_mov_forms);
  g_test_add_func("/exec/lea-xchg-conversions", test_lea_xchg_conversions);
  g_test_add_func("/exec/stack-corner-cases", test_stack_corner_cases);
  g_test_add_func("/exec/pushad-popad", test_pushad_popad);
  g_test_add_func("/exec/call-ret-leave", test_call_ret_leave);
  g_test_add_func("/exec/mul-div", test_mul_div);
  g_test_add_func("/exec/div-overflow", test_div_overflow);
  g_test_add_func("/exec/setcc-cmov-jcc", test_setcc_cmov_jcc);
  g_test_add_func("/exec/loop-jecxz", test_loop_jecxz);
  g_test_add_func("/exec/rep-strings", test_rep_strings);
  g_test_add_func("/exec/flags-instructions", test_flags_instructions);
  g_test_add_func("/exec/popf-at-cpl3", test_popf_at_cpl3);
  g_test_add_func("/exec/console-out", test_console_out);
  g_test_add_func("/exec/system-registers", test_system_registers);
  return g_test_run();
}
