/* Ringside — the assembler against GNU as --32, byte for byte.
 *
 * Each program is assembled by us and by `as --32`; as's object is linked
 * with `ld -m elf_i386` and a linker script that puts each block's section
 * at its origin, then `objcopy -O binary -j <section>` extracts it. Block 0
 * is .text, block N is the section .rsblkN. Skips when binutils is absent.
 */
#include "ringside/asm.h"

#include <glib.h>
#include <glib/gstdio.h>
#include <string.h>

typedef struct block_src {
  const char *name;
  uint32_t origin;
  const char *text;
} block_src;

static gboolean have_binutils(void)
{
  static const char *const tools[] = { "as", "ld", "objcopy" };
  for (size_t i = 0; i < G_N_ELEMENTS(tools); i++) {
    g_autofree char *path = g_find_program_in_path(tools[i]);
    if (!path)
      return FALSE;
  }
  return TRUE;
}

static gboolean run(const char *const *argv, const char *dir)
{
  g_autofree char *out = NULL, *err = NULL;
  g_autoptr(GError) error = NULL;
  int status = 0;
  if (!g_spawn_sync(dir, (char **)argv, NULL, G_SPAWN_SEARCH_PATH, NULL, NULL, &out, &err, &status, &error)) {
    g_test_message("cannot run %s: %s", argv[0], error->message);
    return FALSE;
  }
  if (!g_spawn_check_wait_status(status, NULL)) {
    g_test_message("%s failed:\n%s", argv[0], err);
    return FALSE;
  }
  return TRUE;
}

static char *section_name(size_t i)
{
  return i == 0 ? g_strdup(".text") : g_strdup_printf(".rsblk%zu", i);
}

/* Assembles the blocks with GNU as and returns each block's bytes. */
static GPtrArray *gnu_assemble(const block_src *blocks, size_t n)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp("rs-asm-XXXXXX", &error);
  g_assert_no_error(error);
  GString *src = g_string_new(NULL);
  GString *script = g_string_new("SECTIONS {\n");
  for (size_t i = 0; i < n; i++) {
    g_autofree char *sec = section_name(i);
    if (i > 0)
      g_string_append_printf(src, "\t.section %s,\"ax\",@progbits\n", sec);
    g_string_append_printf(src, "%s\n", blocks[i].text);
    g_string_append_printf(script, "  %s 0x%08x : { *(%s) }\n", sec, blocks[i].origin, sec);
  }
  g_string_append(script, "  /DISCARD/ : { *(.note*) }\n}\n");
  g_autofree char *s_path = g_build_filename(dir, "prog.s", NULL);
  g_autofree char *o_path = g_build_filename(dir, "prog.o", NULL);
  g_autofree char *ld_path = g_build_filename(dir, "prog.ld", NULL);
  g_autofree char *elf_path = g_build_filename(dir, "prog.elf", NULL);
  g_assert_true(g_file_set_contents(s_path, src->str, -1, NULL));
  g_assert_true(g_file_set_contents(ld_path, script->str, -1, NULL));
  g_string_free(src, TRUE);
  g_string_free(script, TRUE);
  GPtrArray *out = NULL;
  const char *as_argv[] = { "as", "--32", "-o", o_path, s_path, NULL };
  const char *ld_argv[] = { "ld", "-m", "elf_i386", "-T", ld_path, "-e", "0", "-o", elf_path, o_path, NULL };
  if (run(as_argv, dir) && run(ld_argv, dir)) {
    out = g_ptr_array_new_with_free_func((GDestroyNotify)g_bytes_unref);
    for (size_t i = 0; i < n; i++) {
      g_autofree char *sec = section_name(i);
      g_autofree char *bin = g_strdup_printf("%s/blk%zu.bin", dir, i);
      const char *oc_argv[] = { "objcopy", "-O", "binary", "-j", sec, elf_path, bin, NULL };
      char *data = NULL;
      gsize len = 0;
      if (!run(oc_argv, dir) || !g_file_get_contents(bin, &data, &len, NULL)) {
        g_clear_pointer(&out, g_ptr_array_unref);
        break;
      }
      g_ptr_array_add(out, g_bytes_new_take(data, len));
      g_unlink(bin);
    }
  }
  g_unlink(s_path);
  g_unlink(o_path);
  g_unlink(ld_path);
  g_unlink(elf_path);
  g_rmdir(dir);
  return out;
}

static char *hex(const uint8_t *p, size_t n)
{
  GString *s = g_string_new(NULL);
  for (size_t i = 0; i < n; i++)
    g_string_append_printf(s, "%02x", p[i]);
  return g_string_free(s, FALSE);
}

/* Compares one block; on mismatch reports each differing line. */
static gboolean compare_block(const rs_program *p, int b, GBytes *gnu)
{
  size_t len, glen;
  const uint8_t *ours = rs_program_block_bytes(p, b, &len);
  const uint8_t *theirs = g_bytes_get_data(gnu, &glen);
  if (len == glen && (len == 0 || memcmp(ours, theirs, len) == 0))
    return TRUE;
  g_test_message("block %s: %zu bytes from us, %zu from as", rs_program_block_name(p, b), len, glen);
  uint32_t origin = rs_program_block_origin(p, b);
  int shown = 0;
  for (size_t i = 0; i < rs_program_line_count(p, b) && shown < 20; i++) {
    const rs_asm_line *ln = rs_program_line(p, b, i);
    size_t off = ln->addr - origin;
    if (ln->size == 0 || off + ln->size > len)
      continue;
    size_t n = off + ln->size <= glen ? ln->size : (off < glen ? glen - off : 0);
    if (n == ln->size && memcmp(ours + off, theirs + off, n) == 0)
      continue;
    g_autofree char *a = hex(ours + off, ln->size);
    g_autofree char *g = hex(theirs + off, n);
    g_test_message("line %zu: %s\n  ours: %s\n    as: %s", i + 1, ln->text, a, g);
    shown++;
  }
  return FALSE;
}

/* Assembles with both and checks every block; returns FALSE if as failed. */
static void check_program(const block_src *blocks, size_t n)
{
  rs_program *p = rs_program_new();
  for (size_t i = 0; i < n; i++)
    g_assert_cmpint(rs_program_add_block(p, blocks[i].name, blocks[i].origin, blocks[i].text), ==, (int)i);
  int nd = rs_program_assemble(p);
  for (int i = 0; i < nd; i++) {
    const rs_asm_diag *d = rs_program_diag(p, (size_t)i);
    g_test_message("%s:%d:%d: %s", blocks[d->block].name, d->line, d->col, d->msg);
  }
  g_assert_cmpint(nd, ==, 0);
  GPtrArray *gnu = gnu_assemble(blocks, n);
  g_assert_nonnull(gnu);
  gboolean same = TRUE;
  for (size_t i = 0; i < n; i++)
    same = compare_block(p, (int)i, g_ptr_array_index(gnu, i)) && same;
  if (!same)
    g_test_fail();
  g_ptr_array_unref(gnu);
  rs_program_free(p);
}

static void test_forms(gconstpointer origin_ptr)
{
  if (!have_binutils()) {
    g_test_skip("GNU binutils (as, ld, objcopy) not found");
    return;
  }
  g_autofree char *path = g_test_build_filename(G_TEST_DIST, "asm", "forms.s", NULL);
  g_autofree char *text = NULL;
  g_assert_true(g_file_get_contents(path, &text, NULL, NULL));
  block_src b = { "forms.s", GPOINTER_TO_UINT(origin_ptr), text };
  check_program(&b, 1);
}

/* A kernel, a user program and a data block that refer to each other:
 * cross-block jumps and calls are rel32, `$label` and `label(%reg)` are
 * 32-bit, data holds addresses from other blocks. */
static void test_multi_block(void)
{
  if (!have_binutils()) {
    g_test_skip("GNU binutils (as, ld, objcopy) not found");
    return;
  }
  static const block_src blocks[] = {
    { "user", 0x08048000,
      "main:\n"
      "\tmovl $SYS_open, %eax\n"
      "\tmovl $path, %ebx\n"
      "\tint $0x40\n"
      "\tcmpl $-1, %eax\n"
      "\tje fail\n"
      "\tcall kernel_helper\n"
      "\tjmp syscall_entry\n"
      "\tjne syscall_entry\n"
      "\tpushl $handler_table\n"
      "\tmovl handler_table(,%eax,4), %ecx\n"
      "\tmovl counter, %eax\n"
      "\tmovl %eax, counter\n"
      "\tincl counter+4\n"
      "\tleal kstack_top - 16, %esp\n"
      "1:\tloop 1b\n"
      "fail:\tjmp main\n"
      "\t.align 16\n"
      "\thlt\n" },
    { "kernel", 0xc0101000,
      "syscall_entry:\n"
      "\tpushal\n"
      "\tpushl %ds\n"
      "\tmovw $0x10, %ax\n"
      "\tmovw %ax, %ds\n"
      "\tcall *handler_table(,%eax,4)\n"
      "\tmovl $kstack_top, %esp\n"
      "\tmovl %eax, kstack_top - 4\n"
      "\tcmpl $(kstack_top - kstack), %eax\n"
      "\tjb 2f\n"
      "\tcall main\n"
      "2:\tpopl %ds\n"
      "\tpopal\n"
      "\tiret\n"
      "kernel_helper:\n"
      "\tret\n"
      "kstack:\t.space 64\n"
      "kstack_top:\n" },
    { "data", 0x0804a000,
      "path:\t.asciz \"/etc/motd\"\n"
      "\t.align 4\n"
      "handler_table:\n"
      "\t.long syscall_entry, kernel_helper, main, fail\n"
      "counter:\t.long 0, 0\n"
      "\t.word kstack_top - kstack\n"
      "SYS_open = 5\n" },
  };
  check_program(blocks, G_N_ELEMENTS(blocks));
}

/* Random mixes of relaxable jumps, alignment, label differences and space:
 * relaxation and the "known on reading" rule must agree with as. */
static void test_random_relaxation(void)
{
  if (!have_binutils()) {
    g_test_skip("GNU binutils (as, ld, objcopy) not found");
    return;
  }
  static const char *const jumps[] = { "jmp", "je", "jne", "jg", "jl", "jbe" };
  for (guint32 seed = 1; seed <= 40; seed++) {
    GRand *r = g_rand_new_with_seed(seed);
    int n = g_rand_int_range(r, 5, 60);
    GString *s = g_string_new(NULL);
    for (int i = 0; i < n; i++) {
      g_string_append_printf(s, "L%d:\n", i);
      int k = g_rand_int_range(r, 0, 100);
      int a = g_rand_int_range(r, 0, n), b = g_rand_int_range(r, 0, n);
      if (k < 45)
        g_string_append_printf(s, "\t%s L%d\n", jumps[g_rand_int_range(r, 0, G_N_ELEMENTS(jumps))], a);
      else if (k < 60)
        g_string_append_printf(s, "\t.space %d\n", g_rand_int_range(r, 0, 140));
      else if (k < 68)
        g_string_append_printf(s, "\t.balign %d\n", 1 << g_rand_int_range(r, 1, 6));
      else if (k < 75)
        g_string_append_printf(s, "\t.p2align %d,,%d\n", g_rand_int_range(r, 1, 6), g_rand_int_range(r, 0, 20));
      else if (k < 85)
        g_string_append_printf(s, "\taddl $(L%d-L%d),%%eax\n", a, b);
      else if (k < 92)
        g_string_append_printf(s, "\tmovl (L%d-L%d)(%%ebx),%%eax\n", a, b);
      else
        g_string_append_printf(s, "\tpushl $(L%d-L%d)\n", a, b);
    }
    block_src blk = { "random", 0x1000, s->str };
    g_test_message("seed %u", seed);
    check_program(&blk, 1);
    g_string_free(s, TRUE);
    g_rand_free(r);
  }
}

int main(int argc, char **argv)
{
  g_test_init(&argc, &argv, NULL);
  g_test_add_data_func("/asm/gnu/forms-at-0x1000", GUINT_TO_POINTER(0x1000), test_forms);
  g_test_add_data_func("/asm/gnu/forms-at-0xc0101000", GUINT_TO_POINTER(0xc0101000u), test_forms);
  g_test_add_func("/asm/gnu/multi-block", test_multi_block);
  g_test_add_func("/asm/gnu/random-relaxation", test_random_relaxation);
  return g_test_run();
}
