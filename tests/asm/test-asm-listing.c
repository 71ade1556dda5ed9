/* Ringside — assembler results: per-line addresses and sizes, symbols,
 * label and line lookups, expression evaluation. */
#include "ringside/asm.h"

#include <glib.h>
#include <string.h>

static const char user_src[] =
  "main:\n"                     /* 1 */
  "\tmovl $SYS_open, %eax\n"    /* 2: B8 imm32 */
  "\tmovl $path, %ebx\n"        /* 3: BB imm32 */
  "open:\tint $0x40\n"          /* 4: CD 40 */
  "\tnop; nop\n"                /* 5: 90 90 */
  "\n"                          /* 6 */
  "\t.long 1, 2 # data\n"       /* 7: 8 bytes of data */
  "\tret\n";                    /* 8: C3 */

static const char kernel_src[] =
  "kentry:\tpushal\n"           /* 1 */
  "\t.space 12\n"               /* 2 */
  "kstack_top:";                /* 3: no final newline */

static const char data_src[] = "path:\t.asciz \"/x\"\n";

static rs_program *build(void)
{
  rs_program *p = rs_program_new();
  g_assert_true(rs_program_define(p, "SYS_open", 5));
  g_assert_cmpint(rs_program_add_block(p, "user", 0x08048000, user_src), ==, 0);
  g_assert_cmpint(rs_program_add_block(p, "kernel", 0xc0101000, kernel_src), ==, 1);
  g_assert_cmpint(rs_program_add_block(p, "data", 0x0804a000, data_src), ==, 2);
  g_assert_cmpint(rs_program_assemble(p), ==, 0);
  return p;
}

static void test_lines(void)
{
  rs_program *p = build();
  static const struct {
    uint32_t addr, size;
    bool is_insn;
    const char *text;
  } expect[] = {
    { 0x08048000, 0, false, "main:" },
    { 0x08048000, 5, true, "\tmovl $SYS_open, %eax" },
    { 0x08048005, 5, true, "\tmovl $path, %ebx" },
    { 0x0804800a, 2, true, "open:\tint $0x40" },
    { 0x0804800c, 2, true, "\tnop; nop" },
    { 0x0804800e, 0, false, "" },
    { 0x0804800e, 8, false, "\t.long 1, 2 # data" },
    { 0x08048016, 1, true, "\tret" },
  };
  g_assert_cmpuint(rs_program_line_count(p, 0), ==, G_N_ELEMENTS(expect));
  for (size_t i = 0; i < G_N_ELEMENTS(expect); i++) {
    const rs_asm_line *ln = rs_program_line(p, 0, i);
    g_assert_nonnull(ln);
    g_assert_cmphex(ln->addr, ==, expect[i].addr);
    g_assert_cmpuint(ln->size, ==, expect[i].size);
    g_assert_cmpint(ln->is_insn, ==, expect[i].is_insn);
    g_assert_cmpstr(ln->text, ==, expect[i].text);
  }
  g_assert_null(rs_program_line(p, 0, G_N_ELEMENTS(expect)));
  g_assert_null(rs_program_line(p, 7, 0));

  size_t len;
  const uint8_t *bytes = rs_program_block_bytes(p, 0, &len);
  static const uint8_t user_bytes[] = {
    0xB8, 0x05, 0, 0, 0, 0xBB, 0x00, 0xA0, 0x04, 0x08, 0xCD, 0x40, 0x90, 0x90,
    1, 0, 0, 0, 2, 0, 0, 0, 0xC3,
  };
  g_assert_cmpmem(bytes, len, user_bytes, sizeof user_bytes);

  g_assert_cmpuint(rs_program_line_count(p, 1), ==, 3);
  g_assert_cmphex(rs_program_line(p, 1, 2)->addr, ==, 0xc010100d);
  bytes = rs_program_block_bytes(p, 1, &len);
  g_assert_cmpuint(len, ==, 13);
  g_assert_cmphex(bytes[0], ==, 0x60);

  g_assert_cmpuint(rs_program_block_count(p), ==, 3);
  g_assert_cmpstr(rs_program_block_name(p, 1), ==, "kernel");
  g_assert_cmphex(rs_program_block_origin(p, 2), ==, 0x0804a000);
  g_assert_null(rs_program_block_name(p, 3));
  g_assert_null(rs_program_block_bytes(p, -1, &len));
  g_assert_cmpuint(len, ==, 0);
  rs_program_free(p);
}

static void test_symbols(void)
{
  rs_program *p = build();
  static const struct {
    const char *name;
    uint32_t value;
    int block, line;
  } expect[] = {
    { "SYS_open", 5, -1, 0 },
    { "main", 0x08048000, 0, 1 },
    { "open", 0x0804800a, 0, 4 },
    { "kentry", 0xc0101000, 1, 1 },
    { "kstack_top", 0xc010100d, 1, 3 },
    { "path", 0x0804a000, 2, 1 },
  };
  g_assert_cmpuint(rs_program_symbol_count(p), ==, G_N_ELEMENTS(expect));
  for (size_t i = 0; i < G_N_ELEMENTS(expect); i++) {
    const rs_asm_symbol *s = rs_program_symbol(p, i);
    g_assert_cmpstr(s->name, ==, expect[i].name);
    g_assert_cmphex(s->value, ==, expect[i].value);
    g_assert_cmpint(s->block, ==, expect[i].block);
    g_assert_cmpint(s->line, ==, expect[i].line);
    uint32_t v = 0;
    g_assert_true(rs_program_lookup(p, expect[i].name, &v));
    g_assert_cmphex(v, ==, expect[i].value);
  }
  g_assert_null(rs_program_symbol(p, G_N_ELEMENTS(expect)));
  g_assert_false(rs_program_lookup(p, "nothing", NULL));
  rs_program_free(p);
}

static void test_lookups(void)
{
  rs_program *p = build();
  uint32_t off = 99;
  g_assert_cmpstr(rs_program_label_for(p, 0x0804800b, &off), ==, "open");
  g_assert_cmpuint(off, ==, 1);
  g_assert_cmpstr(rs_program_label_for(p, 0x08048003, &off), ==, "main");
  g_assert_cmpuint(off, ==, 3);
  g_assert_cmpstr(rs_program_label_for(p, 0x08048016, &off), ==, "open");
  g_assert_cmpuint(off, ==, 0x0c);
  g_assert_cmpstr(rs_program_label_for(p, 0xc0101004, &off), ==, "kentry");
  g_assert_cmpuint(off, ==, 4);
  g_assert_cmpstr(rs_program_label_for(p, 0x0804a002, &off), ==, "path");
  g_assert_null(rs_program_label_for(p, 0xc010100d, &off));   /* past the end */
  g_assert_null(rs_program_label_for(p, 0x1234, &off));

  int block = -1;
  size_t line = 99;
  g_assert_true(rs_program_line_at(p, 0x0804800b, &block, &line));
  g_assert_cmpint(block, ==, 0);
  g_assert_cmpuint(line, ==, 3);
  g_assert_true(rs_program_line_at(p, 0x08048011, &block, &line));
  g_assert_cmpuint(line, ==, 6);
  g_assert_true(rs_program_line_at(p, 0x08048000, &block, &line));
  g_assert_cmpuint(line, ==, 1);
  g_assert_true(rs_program_line_at(p, 0xc0101005, &block, &line));
  g_assert_cmpint(block, ==, 1);
  g_assert_cmpuint(line, ==, 1);
  g_assert_false(rs_program_line_at(p, 0xc010100d, &block, &line));
  g_assert_false(rs_program_line_at(p, 0, &block, &line));
  rs_program_free(p);
}

static void test_eval(void)
{
  rs_program *p = build();
  static const struct {
    const char *expr;
    uint32_t value;
  } good[] = {
    { "main", 0x08048000 },       { "open+7", 0x08048011 },
    { "kstack_top - 4", 0xc0101009 }, { "0xc0108000", 0xc0108000 },
    { "SYS_open", 5 },            { "SYS_open * 2 + 1", 11 },
    { "kstack_top - kentry", 13 }, { "-1", 0xffffffff },
    { "'A'", 0x41 },              { " ( path ) ", 0x0804a000 },
  };
  for (size_t i = 0; i < G_N_ELEMENTS(good); i++) {
    uint32_t v = 0;
    char err[128] = "";
    g_assert_true(rs_program_eval(p, good[i].expr, &v, err, sizeof err));
    g_assert_cmphex(v, ==, good[i].value);
  }
  static const struct {
    const char *expr, *msg;
  } bad[] = {
    { "mian", "unknown symbol 'mian'" },
    { "open + nothing", "unknown symbol 'nothing'" },
    { "1 +", "bad expression near '+'" },
    { "open )", "bad expression near ')'" },
    { "", "empty expression" },
    { "1f", "local label references are not allowed here" },
    { ".", "'.' has no value here" },
    { "main + kentry", "labels of different blocks cannot be combined with '+'" },
    { "1 << 40", "value 1099511627776 does not fit in 32 bits" },
    { "4 / 0", "division by zero" },
    { "#", "unexpected character '#'" },
  };
  for (size_t i = 0; i < G_N_ELEMENTS(bad); i++) {
    uint32_t v = 7;
    char err[128] = "";
    g_assert_false(rs_program_eval(p, bad[i].expr, &v, err, sizeof err));
    g_assert_cmpstr(err, ==, bad[i].msg);
    g_assert_cmpuint(v, ==, 7);
  }
  g_assert_false(rs_program_eval(p, "mian", NULL, NULL, 0));
  rs_program_free(p);
}

/* Adding a block or a symbol after assembly starts over cleanly. */
static void test_reassemble(void)
{
  rs_program *p = build();
  g_assert_cmpint(rs_program_assemble(p), ==, 0);   /* twice: same result */
  g_assert_cmpint(rs_program_add_block(p, "more", 0x100, "jmp main\nfoo: jmp open\n"), ==, 3);
  g_assert_cmpint(rs_program_assemble(p), ==, 0);
  size_t len;
  const uint8_t *b = rs_program_block_bytes(p, 3, &len);
  g_assert_cmpuint(len, ==, 10);
  g_assert_cmphex(b[0], ==, 0xE9);
  uint32_t v;
  g_assert_true(rs_program_lookup(p, "foo", &v));
  g_assert_cmphex(v, ==, 0x105);
  g_assert_true(rs_program_define(p, "EXTRA", 1));
  g_assert_false(rs_program_lookup(p, "foo", &v));   /* not assembled yet */
  g_assert_cmpint(rs_program_assemble(p), ==, 0);
  g_assert_true(rs_program_lookup(p, "foo", &v));
  g_assert_cmpuint(rs_program_symbol_count(p), ==, 8);
  rs_program_free(p);
}

/* Intel aliases encode like their AT&T names. */
static void test_aliases(void)
{
  rs_program *p = rs_program_new();
  rs_program_add_block(p, "a", 0, "pushad; popad; pushfd; popfd; iretd\n"
                                  "pushal; popal; pushfl; popfl; iretl\n");
  g_assert_cmpint(rs_program_assemble(p), ==, 0);
  size_t len;
  const uint8_t *b = rs_program_block_bytes(p, 0, &len);
  static const uint8_t expect[] = { 0x60, 0x61, 0x9C, 0x9D, 0xCF, 0x60, 0x61, 0x9C, 0x9D, 0xCF };
  g_assert_cmpmem(b, len, expect, sizeof expect);
  rs_program_free(p);
}

int main(int argc, char **argv)
{
  g_test_init(&argc, &argv, NULL);
  g_test_add_func("/asm/listing/lines", test_lines);
  g_test_add_func("/asm/listing/symbols", test_symbols);
  g_test_add_func("/asm/listing/lookups", test_lookups);
  g_test_add_func("/asm/listing/eval", test_eval);
  g_test_add_func("/asm/listing/reassemble", test_reassemble);
  g_test_add_func("/asm/listing/aliases", test_aliases);
  return g_test_run();
}
