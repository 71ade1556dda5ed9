/* A small test machine: user code, user stack, kernel code, system tables,
 * kernel data and a kernel stack, laid out like the shipped scenarios, with
 * code assembled by Ringside's assembler. */
#ifndef RINGSIDE_TEST_HARNESS_H
#define RINGSIDE_TEST_HARNESS_H

#include <ringside/asm.h>
#include <ringside/machine.h>
#include <ringside/step.h>

enum {
  TM_USER_CODE = 0x08048000u,
  TM_USER_STACK_TOP = 0xc0000000u,
  TM_KERNEL_CODE = 0xc0101000u,
  TM_GDT = 0xc0103000u,
  TM_TSS = 0xc0103100u,
  TM_IDT = 0xc0104000u,
  TM_KERNEL_DATA = 0xc0105000u,
  TM_ESP0 = 0xc0108000u
};

typedef struct test_machine {
  rs_program *prog;
  rs_machine *m;
} test_machine;

/* Assembles both sources (either may be NULL) and builds the machine at
 * privilege `cpl`, EIP = the label `entry`, ESP = the top of the user stack
 * (CPL 3) or ESP0 (CPL 0), EFLAGS = 0x202. Aborts the test on any
 * assembler error. */
test_machine tm_new(const char *user_src, const char *kernel_src, unsigned cpl, const char *entry);
void tm_free(test_machine *t);

/* The value of a symbol (aborts if undefined). */
uint32_t tm_sym(const test_machine *t, const char *name);

/* Installs a gate for `vector` to the label `handler`. */
void tm_gate(test_machine *t, unsigned vector, const char *handler, rs_gate_type type, unsigned dpl);

/* Steps n times on the fast path (asserting each step happens). */
void tm_steps(test_machine *t, unsigned n);

/* Steps with recording into `r` and returns it. */
const rs_step_record *tm_step_rec(test_machine *t, rs_step_record *r);

/* Runs until an instruction step is about to execute at `label`. */
void tm_run_to(test_machine *t, const char *label, unsigned max_steps);

/* The dword at a linear address (aborts if unmapped). */
uint32_t tm_word(const test_machine *t, uint32_t addr);

const rs_cpu *tm_cpu(const test_machine *t);

#endif
