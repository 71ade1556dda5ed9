/* Ringside — assembler diagnostics: every kind with its exact message,
 * line and column; several errors in one program all reported. */
#include "ringside/asm.h"

#include <glib.h>
#include <string.h>

typedef struct error_case {
  const char *src;
  const char *expect;   /* "line:col: message" */
} error_case;

static const error_case cases[] = {
  /* mnemonics and operands */
  { "\tfoo %eax", "1:2: unknown mnemonic 'foo'" },
  { "nop\n  movl %eax", "2:3: wrong number of operands for 'movl'" },
  { "lea %eax, %ebx", "1:5: bad operand for 'lea'" },
  { "movl $1, $2", "1:10: bad operand for 'movl'" },
  { "jmp $label\nlabel:", "1:5: bad operand for 'jmp'" },
  { "addl %ax, %bx", "1:6: operand size mismatch for 'addl'" },
  { "movb %eax, %ebx", "1:6: operand size mismatch for 'movb'" },
  { "mov %eax, %bx", "1:11: operand size mismatch for 'mov'" },
  { "push %al", "1:6: operand size mismatch for 'push'" },
  { "inc (%eax)",
    "1:1: no instruction mnemonic suffix given and no register operands; unable to determine size" },
  { "mov $1, 4(%esp)",
    "1:1: no instruction mnemonic suffix given and no register operands; unable to determine size" },
  { "intb $3", "1:1: invalid size suffix for 'intb'" },
  { "rep addl %eax, %ebx", "1:1: 'rep' prefix is not allowed with 'addl'" },
  { "pop %cs", "1:5: bad operand for 'pop'" },
  { "movl %eax, %cr1", "1:12: bad register name '%cr1'" },
  { "movl (%eax,%esp), %ebx", "1:12: '%esp' cannot be an index register" },
  { "movl (%eax,%ebx,3), %ecx", "1:17: scale factor must be 1, 2, 4 or 8" },
  { "movl (%ax), %ebx", "1:7: base register must be a 32-bit register" },
  { "movl %eax,, %ebx", "1:11: missing operand" },
  /* symbols */
  { "jmp nowhere", "1:5: undefined symbol 'nowhere'" },
  { "movl $x + 1, %eax", "1:7: undefined symbol 'x'" },
  { "jmp 1f", "1:5: undefined local label '1f'" },
  { "start:\nnop\nstart: ret", "3:1: duplicate label 'start' (first defined at line 1)" },
  { "x = 1\nx: nop", "2:1: duplicate label 'x' (first defined at line 1)" },
  /* values */
  { ".byte 1, 256", "1:10: value 256 out of range for .byte" },
  { ".byte -129", "1:7: value -129 out of range for .byte" },
  { ".word 0x10000", "1:7: value 65536 out of range for .word" },
  { ".long 0x100000000", "1:7: value 4294967296 out of range for .long" },
  { ".short 1, -40000", "1:11: value -40000 out of range for .short" },
  { "movb $300, %al", "1:6: value 300 out of range for an 8-bit immediate" },
  { "int $256", "1:5: value 256 out of range for an 8-bit immediate" },
  { "ret $0x10000", "1:5: value 65536 out of range for a 16-bit immediate" },
  { "1: .space 200\n jecxz 1b", "2:8: branch target out of range (-202 bytes away)" },
  { "loop 1f\n.space 128\n1:", "1:6: branch target out of range (128 bytes away)" },
  { ".long 1 / 0", "1:9: division by zero" },
  { ".space 2 - 3", "1:8: size -1 out of range" },
  { ".space later\nlater:", "1:8: size must be a constant known at this point" },
  { ".align 3", "1:8: alignment is not a power of 2: 3" },
  { ".p2align 40", "1:10: alignment too large: 40" },
  /* syntax */
  { ".ascii \"abc", "1:8: unterminated string" },
  { "nop /* open\nnop\n", "1:5: unterminated comment" },
  { ".ascii \"a\\qb\"", "1:10: unknown escape '\\q' in string" },
  { "movl $(1 + ), %eax", "1:12: bad expression near ')'" },
  { ".long 1 2", "1:9: bad expression near '2'" },
  { "addl $1 +, %eax", "1:9: bad expression near '+'" },
  { ".foo 1", "1:1: unknown directive '.foo'" },
  { ".code32 5", "1:9: '.code32' takes no arguments" },
  { "movl $1, %eax @", "1:15: unexpected character '@'" },
  { ".long 0x", "1:7: bad number '0x'" },
  { ".long 09", "1:7: bad number '09'" },
};

static void check_one(gconstpointer data)
{
  const error_case *c = data;
  rs_program *p = rs_program_new();
  rs_program_add_block(p, "test", 0x1000, c->src);
  int n = rs_program_assemble(p);
  for (int i = 0; i < n; i++) {
    const rs_asm_diag *d = rs_program_diag(p, (size_t)i);
    g_test_message("%d:%d: %s", d->line, d->col, d->msg);
  }
  g_assert_cmpint(n, ==, 1);
  const rs_asm_diag *d = rs_program_diag(p, 0);
  g_autofree char *got = g_strdup_printf("%d:%d: %s", d->line, d->col, d->msg);
  g_assert_cmpstr(got, ==, c->expect);
  g_assert_cmpint(d->block, ==, 0);
  rs_program_free(p);
}

/* Errors in several blocks and lines are all reported, in order. */
static void test_all_reported(void)
{
  rs_program *p = rs_program_new();
  rs_program_add_block(p, "user", 0x08048000,
                       "main:\tfoo\n"
                       "\tmovl $1, %eax\n"
                       "\taddl %ax, %ebx\n"
                       "\tjmp missing\n"
                       "\t.byte 999\n");
  rs_program_add_block(p, "kernel", 0xc0101000,
                       "main:\tnop\n"
                       "\t.bogus\n"
                       "\tmovl $(main - k2), %eax\n"
                       "k2:\tinc (%eax)\n");
  int n = rs_program_assemble(p);
  static const char *const expect[] = {
    "0:1:7: unknown mnemonic 'foo'",
    "0:3:7: operand size mismatch for 'addl'",
    "0:4:6: undefined symbol 'missing'",
    "0:5:8: value 999 out of range for .byte",
    "1:1:1: duplicate label 'main' (first defined at line 1 of user)",
    "1:2:2: unknown directive '.bogus'",
    "1:3:14: labels of different blocks cannot be combined with '-'",
    "1:4:5: no instruction mnemonic suffix given and no register operands; unable to determine size",
  };
  for (int i = 0; i < n; i++) {
    const rs_asm_diag *d = rs_program_diag(p, (size_t)i);
    g_autofree char *got = g_strdup_printf("%d:%d:%d: %s", d->block, d->line, d->col, d->msg);
    g_test_message("%s", got);
    if ((size_t)i < G_N_ELEMENTS(expect))
      g_assert_cmpstr(got, ==, expect[i]);
  }
  g_assert_cmpint(n, ==, G_N_ELEMENTS(expect));
  g_assert_cmpuint(rs_program_diag_count(p), ==, G_N_ELEMENTS(expect));
  g_assert_null(rs_program_diag(p, (size_t)n));
  /* the good lines around the bad ones still assemble */
  size_t len;
  const uint8_t *bytes = rs_program_block_bytes(p, 0, &len);
  g_assert_nonnull(bytes);
  static const uint8_t mov[] = { 0xB8, 1, 0, 0, 0 };
  g_assert_cmpmem(bytes, 5, mov, sizeof mov);
  rs_program_free(p);
}

/* A cycle of definitions is reported at each definition in it, once. */
static void test_cycle(void)
{
  rs_program *p = rs_program_new();
  rs_program_add_block(p, "b", 0, "a = b + 1\nb = a\nmovl $a, %eax\nc = c\n");
  g_assert_cmpint(rs_program_assemble(p), ==, 3);
  static const char *const expect[] = {
    "1:1: symbol 'a' is defined in terms of itself",
    "2:1: symbol 'b' is defined in terms of itself",
    "4:1: symbol 'c' is defined in terms of itself",
  };
  for (size_t i = 0; i < G_N_ELEMENTS(expect); i++) {
    const rs_asm_diag *d = rs_program_diag(p, i);
    g_autofree char *got = g_strdup_printf("%d:%d: %s", d->line, d->col, d->msg);
    g_assert_cmpstr(got, ==, expect[i]);
  }
  rs_program_free(p);
}

/* A predefined symbol clashes with a label; define rejects bad names. */
static void test_predefined(void)
{
  rs_program *p = rs_program_new();
  g_assert_true(rs_program_define(p, "SYS_open", 5));
  g_assert_false(rs_program_define(p, "SYS_open", 6));
  g_assert_false(rs_program_define(p, "1abc", 1));
  g_assert_false(rs_program_define(p, "a-b", 1));
  g_assert_false(rs_program_define(p, "", 1));
  g_assert_true(rs_program_define(p, "$dollar", 1));
  rs_program_add_block(p, "b", 0, "SYS_open: nop\n");
  g_assert_cmpint(rs_program_assemble(p), ==, 1);
  g_assert_cmpstr(rs_program_diag(p, 0)->msg, ==, "duplicate label 'SYS_open' (predefined)");
  rs_program_free(p);
}

int main(int argc, char **argv)
{
  g_test_init(&argc, &argv, NULL);
  g_test_set_nonfatal_assertions();
  for (size_t i = 0; i < G_N_ELEMENTS(cases); i++) {
    g_autofree char *name = g_strdup_printf("/asm/errors/%02zu", i);
    g_test_add_data_func(name, &cases[i], check_one);
  }
  g_test_add_func("/asm/errors/all-reported", test_all_reported);
  g_test_add_func("/asm/errors/cycle", test_cycle);
  g_test_add_func("/asm/errors/predefined", test_predefined);
  return g_test_run();
}
