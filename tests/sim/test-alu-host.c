/* Arithmetic and flags against the real processor: every ALU, shift and
 * multiply instruction of the subset, at each operand size, on edge-case
 * and random operands, executed both by Ringside and natively by the host
 * x86-64 CPU (the same instructions behave the same in 64-bit mode for
 * 8/16/32-bit operands). Flags the SDM leaves undefined are masked per
 * instruction. Skipped on non-x86 hosts. */
#include "harness.h"

#include <glib.h>
#include <stdio.h>
#include <string.h>

#if defined(__x86_64__)

enum { CF = 0x1, PF = 0x4, AF = 0x10, ZF = 0x40, SF = 0x80, OF = 0x800, ARITH = 0x8d5 };

/* Runs `insn` on the host with EFLAGS.CF = cf_in, operands in a (dst) and
 * b (src or count), and returns the result; *fl gets the flags after.
 * The stack pointer is moved past the red zone before pushing. */
#define HOST_OP(name, text, type, bconstraint)                                          \
  static uint32_t name(uint32_t a, uint32_t b, uint32_t cf_in, uint32_t *fl) {            \
    type x = (type)a, y = (type)b;                                                        \
    uint64_t f = cf_in ? 0x203 : 0x202, out;                                              \
    __asm__ volatile("sub $128, %%rsp\n\tpush %2\n\tpopfq\n\t" text                       \
                     "\n\tpushfq\n\tpop %1\n\tadd $128, %%rsp"                            \
                     : "+r"(x), "=&r"(out)                                                \
                     : "r"(f), bconstraint(y)                                             \
                     : "cc", "memory");                                                   \
    *fl = (uint32_t)out;                                                                  \
    return (uint32_t)x;                                                                   \
  }

#define BIN3(op)                                                  \
  HOST_OP(host_##op##b, #op "b %3, %b0", uint8_t, "r")            \
  HOST_OP(host_##op##w, #op "w %3, %w0", uint16_t, "r")           \
  HOST_OP(host_##op##l, #op "l %3, %k0", uint32_t, "r")
BIN3(add) BIN3(adc) BIN3(sub) BIN3(sbb) BIN3(and) BIN3(or) BIN3(xor) BIN3(cmp) BIN3(test)

#define UN3(op)                                                   \
  HOST_OP(host_##op##b, #op "b %b0", uint8_t, "r")                \
  HOST_OP(host_##op##w, #op "w %w0", uint16_t, "r")               \
  HOST_OP(host_##op##l, #op "l %k0", uint32_t, "r")
UN3(inc) UN3(dec) UN3(neg) UN3(not)

#define SH3(op)                                                   \
  HOST_OP(host_##op##b, #op "b %%cl, %b0", uint8_t, "c")          \
  HOST_OP(host_##op##w, #op "w %%cl, %w0", uint16_t, "c")         \
  HOST_OP(host_##op##l, #op "l %%cl, %k0", uint32_t, "c")
SH3(shl) SH3(shr) SH3(sar) SH3(rol) SH3(ror) SH3(rcl) SH3(rcr)

HOST_OP(host_imulw2, "imulw %3, %w0", uint16_t, "r")
HOST_OP(host_imull2, "imull %3, %k0", uint32_t, "r")

typedef uint32_t (*host_fn)(uint32_t, uint32_t, uint32_t, uint32_t *);

typedef struct alu_case {
  const char *label;   /* the instruction in the simulated program */
  host_fn host;
  unsigned size;
  int kind;            /* 0 binary, 1 unary, 2 shift by %cl, 3 multiply */
} alu_case;

enum { BIN, UN, SHIFT, MUL };

#define CASES3(op, kind)                                            \
  { #op "b", host_##op##b, 1, kind }, { #op "w", host_##op##w, 2, kind }, \
  { #op "l", host_##op##l, 4, kind }

static const alu_case cases[] = {
  CASES3(add, BIN), CASES3(adc, BIN), CASES3(sub, BIN), CASES3(sbb, BIN), CASES3(and, BIN),
  CASES3(or, BIN), CASES3(xor, BIN), CASES3(cmp, BIN), CASES3(test, BIN),
  CASES3(inc, UN), CASES3(dec, UN), CASES3(neg, UN), CASES3(not, UN),
  CASES3(shl, SHIFT), CASES3(shr, SHIFT), CASES3(sar, SHIFT), CASES3(rol, SHIFT),
  CASES3(ror, SHIFT), CASES3(rcl, SHIFT), CASES3(rcr, SHIFT),
  { "imulw", host_imulw2, 2, MUL }, { "imull", host_imull2, 4, MUL },
};

/* One labelled instruction per case, each operating on %eax (dst) and %ecx
 * (src or count), followed by a halt-free spin the test never reaches. */
static const char *const program =
  "addb: addb %cl, %al\naddw: addw %cx, %ax\naddl: addl %ecx, %eax\n"
  "adcb: adcb %cl, %al\nadcw: adcw %cx, %ax\nadcl: adcl %ecx, %eax\n"
  "subb: subb %cl, %al\nsubw: subw %cx, %ax\nsubl: subl %ecx, %eax\n"
  "sbbb: sbbb %cl, %al\nsbbw: sbbw %cx, %ax\nsbbl: sbbl %ecx, %eax\n"
  "andb: andb %cl, %al\nandw: andw %cx, %ax\nandl: andl %ecx, %eax\n"
  "orb: orb %cl, %al\norw: orw %cx, %ax\norl: orl %ecx, %eax\n"
  "xorb: xorb %cl, %al\nxorw: xorw %cx, %ax\nxorl: xorl %ecx, %eax\n"
  "cmpb: cmpb %cl, %al\ncmpw: cmpw %cx, %ax\ncmpl: cmpl %ecx, %eax\n"
  "testb: testb %cl, %al\ntestw: testw %cx, %ax\ntestl: testl %ecx, %eax\n"
  "incb: incb %al\nincw: incw %ax\nincl: incl %eax\n"
  "decb: decb %al\ndecw: decw %ax\ndecl: decl %eax\n"
  "negb: negb %al\nnegw: negw %ax\nnegl: negl %eax\n"
  "notb: notb %al\nnotw: notw %ax\nnotl: notl %eax\n"
  "shlb: shlb %cl, %al\nshlw: shlw %cl, %ax\nshll: shll %cl, %eax\n"
  "shrb: shrb %cl, %al\nshrw: shrw %cl, %ax\nshrl: shrl %cl, %eax\n"
  "sarb: sarb %cl, %al\nsarw: sarw %cl, %ax\nsarl: sarl %cl, %eax\n"
  "rolb: rolb %cl, %al\nrolw: rolw %cl, %ax\nroll: roll %cl, %eax\n"
  "rorb: rorb %cl, %al\nrorw: rorw %cl, %ax\nrorl: rorl %cl, %eax\n"
  "rclb: rclb %cl, %al\nrclw: rclw %cl, %ax\nrcll: rcll %cl, %eax\n"
  "rcrb: rcrb %cl, %al\nrcrw: rcrw %cl, %ax\nrcrl: rcrl %cl, %eax\n"
  "imulw: imulw %cx, %ax\nimull: imull %ecx, %eax\n";

/* Flags defined by the SDM for this case and these operands. */
static uint32_t defined_flags(const alu_case *k, uint32_t count) {
  const char *op = k->label;
  if (k->kind == BIN) return (!strncmp(op, "and", 3) || !strncmp(op, "or", 2) ||
                              !strncmp(op, "xor", 3) || !strncmp(op, "test", 4)) ? ARITH & ~AF : ARITH;
  if (k->kind == UN) return !strncmp(op, "not", 3) ? ARITH /* unchanged */ : ARITH;
  if (k->kind == MUL) return CF | OF;
  unsigned n = count & 0x1f;
  if (n == 0) return ARITH;
  bool rotate = op[0] == 'r';
  uint32_t f = rotate ? CF : (CF | SF | ZF | PF);
  if (n == 1) f |= OF;
  bool narrow_over = (!rotate && n > 8 * k->size); /* CF undefined past the width */
  if (narrow_over) f &= ~CF;
  return f;
}

static uint32_t operand(GRand *rng, int i) {
  static const uint32_t edges[] = { 0, 1, 2, 0x7f, 0x80, 0xff, 0x100, 0x7fff, 0x8000, 0xffff,
                                    0x10000, 0x7fffffff, 0x80000000, 0xfffffffe, 0xffffffff };
  if (i < (int)G_N_ELEMENTS(edges)) return edges[i];
  return g_rand_int(rng);
}

static void test_alu_against_host(void) {
  test_machine t = tm_new(NULL, program, 0, "addb");
  GRand *rng = g_rand_new_with_seed(20261122);
  rs_cpu *c = rs_machine_cpu(t.m);
  unsigned checked = 0;
  for (size_t k = 0; k < G_N_ELEMENTS(cases); k++) {
    const alu_case *ac = &cases[k];
    uint32_t at = tm_sym(&t, ac->label);
    for (int i = 0; i < 40; i++) {
      for (int j = 0; j < 40; j++) {
        uint32_t a = operand(rng, i), b = ac->kind == SHIFT ? (uint32_t)j % 34 : operand(rng, j);
        for (uint32_t cin = 0; cin < 2; cin++) {
          uint32_t hf, hr = ac->host(a, b, cin, &hf);
          c->eip = at;
          c->gpr[RS_EAX] = a;
          c->gpr[RS_ECX] = b;
          c->eflags = 0x202 | cin;
          g_assert_true(rs_machine_step(t.m, NULL));
          uint32_t mask = ac->size == 4 ? 0xffffffffu : (1u << (8 * ac->size)) - 1;
          uint32_t sim_r = c->gpr[RS_EAX] & mask;
          uint32_t def = defined_flags(ac, b);
          if (sim_r != (hr & mask) || (c->eflags & def) != (hf & def)) {
            g_test_message("%s a=0x%08x b=0x%08x cf=%u: host 0x%08x flags 0x%03x, ringside 0x%08x flags 0x%03x (checked 0x%03x)",
                           ac->label, a, b, cin, hr & mask, hf & ARITH, sim_r, c->eflags & ARITH, def);
            g_test_fail();
            goto done;
          }
          checked++;
        }
      }
    }
  }
done:
  g_test_message("%u cases agree with the host CPU", checked);
  g_rand_free(rng);
  tm_free(&t);
}

int main(int argc, char **argv) {
  g_test_init(&argc, &argv, NULL);
  g_test_add_func("/alu/against-host-cpu", test_alu_against_host);
  return g_test_run();
}

#else
int main(void) {
  printf("1..0 # SKIP the host is not x86-64\n");
  return 0;
}
#endif
