/* Ringside — tests of the scenario loader (suite 'load').
 *
 * - broken/NAME.json: every diagnostic, exactly as in broken/NAME.expected;
 * - check/NAME.json: loads, and rs_scenario_check() reports exactly
 *   check/NAME.expected (empty: every expectation holds);
 * - valid/minimal.json: the machine it builds is what the file says;
 * - the worked example in scenarios/README.md loads and its expectations hold;
 * - the position index, diagnostics sorting and suggestions;
 * - random mutations of every valid file through the fuzz target.
 *
 * Runs in tests/load/ so file names in messages are "broken/NAME.json".
 */
#include <glib.h>
#include <string.h>
#include <unistd.h>

#include "fuzz-scenario.h"
#include "load-internal.h"
#include "ringside/step.h"

/* All diagnostics, one formatted line each. */
static char *diags_text(const rs_diags *d)
{
  GString *s = g_string_new(NULL);
  for (size_t i = 0; i < d->count; i++) {
    char *line = rs_diag_format(&d->items[i]);
    g_string_append_printf(s, "%s\n", line);
    free(line);
  }
  return g_string_free(s, FALSE);
}

/* The contents of a text file (fails the test if unreadable). */
static char *slurp(const char *path)
{
  char *text = NULL;
  GError *err = NULL;
  g_file_get_contents(path, &text, NULL, &err);
  g_assert_no_error(err);
  return text;
}

static gint cmp_paths(gconstpointer a, gconstpointer b)
{
  return strcmp(*(char *const *)a, *(char *const *)b);
}

/* The paths of DIR's .json files, sorted. */
static GPtrArray *json_files(const char *dir)
{
  GPtrArray *a = g_ptr_array_new_with_free_func(g_free);
  GDir *d = g_dir_open(dir, 0, NULL);
  for (const char *n; d && (n = g_dir_read_name(d)) != NULL;)
    if (g_str_has_suffix(n, ".json"))
      g_ptr_array_add(a, g_build_filename(dir, n, NULL));
  if (d)
    g_dir_close(d);
  g_ptr_array_sort(a, cmp_paths);
  return a;
}

/* The sibling ".expected" of a ".json" path. */
static char *expected_path(const char *json)
{
  g_autofree char *stem = g_strndup(json, strlen(json) - 5);
  return g_strconcat(stem, ".expected", NULL);
}

/* ---- broken files ------------------------------------------------------ */

static void test_broken(gconstpointer data)
{
  const char *path = data;
  rs_diags d;
  rs_diags_init(&d);
  rs_scenario *s = rs_scenario_load_file(path, &d);
  g_assert_null(s);
  g_autofree char *got = diags_text(&d);
  g_autofree char *exp_path = expected_path(path);
  g_autofree char *want = slurp(exp_path);
  g_assert_cmpstr(got, ==, want);
  rs_diags_free(&d);
}

/* ---- expectations ------------------------------------------------------ */

static void test_check(gconstpointer data)
{
  const char *path = data;
  rs_diags d;
  rs_diags_init(&d);
  rs_scenario *s = rs_scenario_load_file(path, &d);
  g_autofree char *load = diags_text(&d);
  g_assert_cmpstr(load, ==, "");
  g_assert_nonnull(s);
  int failures = rs_scenario_check(s, &d);
  g_autofree char *got = diags_text(&d);
  g_autofree char *exp_path = expected_path(path);
  g_autofree char *want = slurp(exp_path);
  g_assert_cmpstr(got, ==, want);
  g_assert_cmpint(failures, ==, (int)d.count);
  rs_scenario_free(s);
  rs_diags_free(&d);
}

/* ---- the machine a valid file builds ----------------------------------- */

static uint32_t symbol(const rs_scenario *s, const char *name)
{
  uint32_t v = 0;
  g_assert_true(rs_program_lookup(rs_scenario_program(s), name, &v));
  return v;
}

static void test_minimal(void)
{
  rs_diags d;
  rs_diags_init(&d);
  rs_scenario *s = rs_scenario_load_file("valid/minimal.json", &d);
  g_autofree char *diags = diags_text(&d);
  g_assert_cmpstr(diags, ==, "");
  g_assert_nonnull(s);

  g_assert_cmpstr(rs_scenario_title(s), ==, "Minimal system call");
  g_assert_cmpstr(rs_scenario_source(s), ==, "OSPP 2e §2.6");
  g_assert_cmpuint(rs_scenario_teaches_count(s), ==, 2);
  g_assert_cmpstr(rs_scenario_teaches(s, 1), ==, "the kernel stack");
  g_assert_cmpuint(rs_scenario_max_steps(s), ==, 500);
  uint32_t end;
  g_assert_true(rs_scenario_end_addr(s, &end));
  g_assert_cmpuint(end, ==, symbol(s, "done"));

  g_assert_cmpuint(rs_scenario_region_count(s), ==, 5);
  const rs_region *ks = rs_scenario_region_at(s, 0xc0107ffc);
  g_assert_nonnull(ks);
  g_assert_cmpstr(ks->name, ==, "kernel stack");
  g_assert_true(ks->kind == RS_REGION_STACK && !ks->user && ks->writable);
  g_assert_null(rs_scenario_region_at(s, 0x00001000));

  rs_machine *m = rs_scenario_new_machine(s);
  const rs_cpu *cpu = rs_machine_cpu_const(m);
  g_assert_cmpuint(cpu->eip, ==, symbol(s, "main"));
  g_assert_cmpuint(cpu->eip, ==, 0x08048000);
  g_assert_cmpuint(cpu->gpr[RS_ESP], ==, 0xbffff000);
  g_assert_cmpuint(cpu->gpr[RS_EAX], ==, 7);
  g_assert_cmpuint(cpu->gpr[RS_EBX], ==, 0xffffffff);
  g_assert_cmpuint(cpu->gpr[RS_ESI], ==, symbol(s, "msg") + 2);
  g_assert_cmpuint(cpu->eflags, ==, 0x246);
  g_assert_cmpuint(rs_cpu_cpl(cpu), ==, 3);
  g_assert_cmpuint(cpu->sel[RS_CS], ==, 0x1b);
  g_assert_cmpuint(cpu->sel[RS_SS], ==, 0x23);
  g_assert_cmpuint(cpu->gdtr.base, ==, 0xc0200000);
  g_assert_cmpuint(cpu->idtr.base, ==, 0xc0201000);

  /* TSS: ESP0 at offset 4, SS0 at offset 8. */
  uint32_t esp0, ss0;
  g_assert_true(rs_machine_peek32(m, 0xc0200100 + 4, &esp0));
  g_assert_true(rs_machine_peek32(m, 0xc0200100 + 8, &ss0));
  g_assert_cmpuint(esp0, ==, 0xc0108000);
  g_assert_cmpuint(ss0 & 0xffff, ==, 0x10);

  rs_gate g;
  g_assert_true(rs_machine_read_gate(m, 64, &g));
  g_assert_true(g.present);
  g_assert_cmpuint(g.type, ==, RS_GATE_TRAP);
  g_assert_cmpuint(g.dpl, ==, 3);
  g_assert_cmpuint(g.offset, ==, symbol(s, "syscall_entry"));
  g_assert_true(rs_machine_read_gate(m, 32, &g));
  g_assert_cmpuint(g.type, ==, RS_GATE_INTERRUPT);
  g_assert_cmpuint(g.dpl, ==, 0);
  g_assert_false(g.present);
  g_assert_true(rs_machine_read_gate(m, 14, &g));
  g_assert_false(g.present);

  /* Code bytes are where the file put them; "msg" is data. */
  const rs_program *p = rs_scenario_program(s);
  for (size_t b = 0; b < rs_program_block_count(p); b++) {
    size_t len;
    const uint8_t *bytes = rs_program_block_bytes(p, (int)b, &len);
    g_autofree uint8_t *mem = g_malloc(len + 1);
    g_assert_true(rs_machine_peek(m, rs_program_block_origin(p, (int)b), mem, len));
    g_assert_cmpmem(mem, len, bytes, len);
  }
  char msg[6] = "";
  g_assert_true(rs_machine_peek(m, symbol(s, "msg"), msg, 5));
  g_assert_cmpstr(msg, ==, "hello");

  /* Page protection follows "user" and "writable". */
  uint32_t phys, pde, pte;
  g_assert_true(rs_machine_translate(m, 0x08048000, &phys, &pde, &pte));
  g_assert_true((pte & RS_PTE_U) && !(pte & RS_PTE_W));
  g_assert_true(rs_machine_translate(m, 0xc0107000, &phys, &pde, &pte));
  g_assert_true(!(pte & RS_PTE_U) && (pte & RS_PTE_W));

  const rs_timer *t = rs_machine_timer(m);
  g_assert_cmpuint(t->period, ==, 50);
  g_assert_cmpuint(t->irq, ==, 0);

  g_assert_cmpstr(rs_scenario_note_for_label(s, "syscall_entry"), ==, "Now in the kernel.");
  g_assert_cmpstr(rs_scenario_note_at(s, symbol(s, "syscall_entry")), ==, "Now in the kernel.");
  g_assert_null(rs_scenario_note_at(s, symbol(s, "main")));
  g_assert_cmpuint(rs_scenario_stop_count(s), ==, 2);
  const rs_stop *st = rs_scenario_stop(s, 0);
  g_assert_cmpstr(st->label, ==, "syscall_entry");
  g_assert_cmpuint(st->addr, ==, symbol(s, "syscall_entry"));
  g_assert_cmpint(st->step, ==, -1);
  g_assert_null(st->note);
  st = rs_scenario_stop(s, 1);
  g_assert_null(st->label);
  g_assert_cmpint(st->step, ==, 3);
  g_assert_cmpstr(st->note, ==, "Three steps in.");

  g_assert_cmpuint(rs_scenario_expect_count(s), ==, 2);
  g_assert_false(rs_scenario_finished(s, m));
  rs_machine_run(m, 1000, UINT32_MAX);
  g_assert_true(rs_scenario_finished(s, m));
  rs_machine_free(m);

  g_assert_cmpint(rs_scenario_check(s, &d), ==, 0);
  rs_scenario_free(s);
  rs_diags_free(&d);
}

/* Includes are refused without a folder; text loads name their file. */
static void test_text_without_folder(void)
{
  g_autofree char *text = slurp("valid/include.json");
  rs_diags d;
  rs_diags_init(&d);
  rs_scenario *s = rs_scenario_load_text(text, strlen(text), "mem.json", NULL, &d);
  g_assert_null(s);
  g_assert_cmpuint(d.count, ==, 1);
  g_assert_cmpstr(d.items[0].file, ==, "mem.json");
  g_assert_cmpstr(d.items[0].msg, ==, "cannot include files: the scenario has no folder");
  rs_diags_free(&d);

  rs_diags_init(&d);
  s = rs_scenario_load_text(text, strlen(text), "mem.json", "valid", &d);
  g_assert_nonnull(s);
  g_assert_cmpuint(d.count, ==, 0);
  rs_scenario_free(s);
  rs_diags_free(&d);
}

/* The worked example of the authoring guide loads and its expectations hold. */
static void test_readme_example(void)
{
  g_autofree char *readme = slurp("../../scenarios/README.md");
  const char *start = strstr(readme, "<!-- worked-example -->\n```json\n");
  g_assert_nonnull(start);
  start = strchr(strchr(start, '\n') + 1, '\n') + 1;
  const char *end = strstr(start, "\n```\n");
  g_assert_nonnull(end);
  rs_diags d;
  rs_diags_init(&d);
  rs_scenario *s = rs_scenario_load_text(start, (size_t)(end - start) + 1, "README.md", NULL, &d);
  g_autofree char *load = diags_text(&d);
  g_assert_cmpstr(load, ==, "");
  g_assert_cmpint(rs_scenario_check(s, &d), ==, 0);
  rs_scenario_free(s);
  rs_diags_free(&d);
}

/* A missing file is one diagnostic without a position. */
static void test_missing_file(void)
{
  rs_diags d;
  rs_diags_init(&d);
  g_assert_null(rs_scenario_load_file("broken/no-such-file.json", &d));
  g_autofree char *got = diags_text(&d);
  g_assert_cmpstr(got, ==, "broken/no-such-file.json: cannot read: No such file or directory\n");
  rs_diags_free(&d);
}

/* A file over the size limit is refused as a whole, without parsing. */
static void test_too_large(void)
{
  size_t len = RS_LD_MAX_FILE + 1;
  g_autofree char *text = g_malloc(len);
  memset(text, ' ', len);
  rs_diags d;
  rs_diags_init(&d);
  g_assert_null(rs_scenario_load_text(text, len, "big.json", NULL, &d));
  g_autofree char *got = diags_text(&d);
  g_assert_cmpstr(got, ==, "big.json: the file is larger than 4 MiB\n");
  rs_diags_free(&d);
}

/* ---- the position index ------------------------------------------------ */

static void test_positions(void)
{
  const char *text = "{\"a\": \"x\\ty\\u00e9z\\\"w\\ud83d\\ude00!\",\n"
                     "  \"b\": [1, {\"c d\": null}],\n"
                     "  \"a\": 2}";
  rs_jpos *ix = rs_jpos_new(text, strlen(text));
  size_t off;
  const char *msg;
  g_assert_false(rs_jpos_error(ix, &off, &msg));

  int root = rs_jpos_root(ix);
  int a = rs_jpos_member(ix, root, "a", 1);
  rs_buf path;
  rs_buf_init(&path);
  rs_jpos_describe(ix, a, &path);
  g_assert_cmpstr(path.s, ==, "2");                              /* the last "a" */
  g_assert_cmpint(rs_jpos_child(ix, root, 2), ==, a);
  g_assert_cmpint(rs_jpos_child(ix, root, 3), ==, -1);
  int first_a = rs_jpos_child(ix, root, 0);

  /* decoded "x\ty\xc3\xa9z\"w\xf0\x9f\x98\x80!" */
  const size_t raw[] = { 7, 8, 10, 11, 11, 17, 18, 20, 21, 21, 21, 21, 33, 34, 34 };
  for (size_t i = 0; i < G_N_ELEMENTS(raw); i++)
    g_assert_cmpuint(rs_jpos_string_offset(ix, first_a, i), ==, raw[i]);

  int b = rs_jpos_member(ix, root, "b", 1);
  int cd = rs_jpos_member(ix, rs_jpos_child(ix, b, 1), "c d", 3);
  path.len = 0;
  rs_jpos_path(ix, cd, &path);
  g_assert_cmpstr(path.s, ==, "b[1][\"c d\"]");
  int line, col;
  rs_jpos_line_col(ix, rs_jpos_key_start(ix, cd), &line, &col);
  g_assert_cmpint(line, ==, 2);
  g_assert_cmpint(col, ==, 13);
  rs_jpos_line_col(ix, rs_jpos_start(ix, cd), &line, &col);
  g_assert_cmpint(col, ==, 20);
  g_assert_cmpint(rs_jpos_member(ix, root, "zz", 2), ==, -1);
  g_assert_cmpint(rs_jpos_child(ix, b, 2), ==, -1);

  g_assert_cmpuint(rs_jpos_dup_count(ix), ==, 1);
  int first, again;
  rs_jpos_dup(ix, 0, &first, &again);
  g_assert_cmpint(first, ==, first_a);
  g_assert_cmpint(again, ==, a);

  path.len = 0;
  rs_jpos_describe(ix, b, &path);
  g_assert_cmpstr(path.s, ==, "an array");
  rs_buf_free(&path);
  rs_jpos_free(ix);
}

/* Syntax the scanner rejects though json-c's STRICT mode accepts it. */
static void test_scanner_strictness(void)
{
  static const struct { const char *text; size_t off; } cases[] = {
    { "{'a': 1}", 1 }, { "[NaN]", 1 }, { "[-Infinity]", 1 }, { "[1.]", 3 },
    { "[\"a\tb\"]", 3 }, { "[\"\\ud800\"]", 2 }, { "[\"\\udc00x\"]", 2 },
    { "[\"\xc0\x80\"]", 2 }, { "[\"\xed\xa0\x80\"]", 2 }, { "[\"\xf4\x90\x80\x80\"]", 2 },
    { "{\"a\\u0000\": 1}", 1 }, { "[01]", 2 },
  };
  for (size_t i = 0; i < G_N_ELEMENTS(cases); i++) {
    rs_jpos *ix = rs_jpos_new(cases[i].text, strlen(cases[i].text));
    size_t off = 0;
    const char *msg = NULL;
    g_assert_true(rs_jpos_error(ix, &off, &msg));
    g_assert_cmpuint(off, ==, cases[i].off);
    rs_jpos_free(ix);
  }
}

static void test_sort_and_suggest(void)
{
  rs_diags d;
  rs_diags_init(&d);
  rs_diags_add(&d, "b.s", 1, 1, NULL, "x");
  rs_diags_add(&d, "m.json", 3, 2, "p", "late");
  rs_diags_add(&d, "a.s", 9, 9, NULL, "y");
  rs_diags_add(&d, "m.json", 3, 1, "p", "early");
  rs_diags_add(&d, "m.json", 3, 2, "p", "late too");
  rs_diags_sort(&d, 0, "m.json");
  g_autofree char *got = diags_text(&d);
  g_assert_cmpstr(got, ==, "m.json:3:1: p: early\nm.json:3:2: p: late\nm.json:3:2: p: late too\n"
                           "a.s:9:9: y\nb.s:1:1: x\n");
  rs_diags_free(&d);

  static const char *const names[] = { "eip", "esp", "eflags", "cs", NULL };
  g_assert_cmpstr(rs_ld_suggest("eipp", 4, names), ==, "eip");
  g_assert_cmpstr(rs_ld_suggest("eflag", 5, names), ==, "eflags");
  g_assert_null(rs_ld_suggest("x", 1, names));
  g_assert_null(rs_ld_suggest("completely", 10, names));
}

/* ---- random mutations -------------------------------------------------- */

/* Applies one random edit to s. */
static void mutate(GRand *r, GString *s)
{
  static const char *const tokens[] = {
    "{", "}", "[", "]", ",", ":", "\"", "\\", "0x", "-1", "1e999", "1.5", "\\u00e9", "\\ud83d",
    "null", "true", "\"*\"", "99999999999999999999", "\"\"", "\"main\"", "\"0xffffffff\"",
    "\"kernel stack\"", "\t", "\n", "\xff", "\xc3", "'", "/*", "0", "4096", "{\"at\": 1}",
  };
  gsize at = s->len ? g_rand_int_range(r, 0, (gint32)s->len) : 0;
  gsize n = s->len - at ? g_rand_int_range(r, 1, (gint32)MIN(s->len - at, 16) + 1) : 0;
  switch (g_rand_int_range(r, 0, 5)) {
  case 0:
    if (s->len)
      s->str[at] = (char)g_rand_int_range(r, 1, 256);
    break;
  case 1:
    g_string_erase(s, (gssize)at, (gssize)n);
    break;
  case 2: {
    g_autofree char *chunk = g_strndup(s->str + at, n);
    g_string_insert(s, (gssize)g_rand_int_range(r, 0, (gint32)s->len + 1), chunk);
    break;
  }
  case 3:
    g_string_insert(s, (gssize)at, tokens[g_rand_int_range(r, 0, G_N_ELEMENTS(tokens))]);
    break;
  default:
    g_string_truncate(s, at);
    break;
  }
}

static void test_mutations(void)
{
  const char *dirs[] = { "valid", "check" };
  GRand *r = g_rand_new_with_seed(20261122);
  for (size_t k = 0; k < G_N_ELEMENTS(dirs); k++) {
    g_autoptr(GPtrArray) files = json_files(dirs[k]);
    for (guint i = 0; i < files->len; i++) {
      g_autofree char *orig = slurp(files->pdata[i]);
      for (int round = 0; round < 150; round++) {
        GString *s = g_string_new(orig);
        int edits = g_rand_int_range(r, 1, 4);
        for (int e = 0; e < edits; e++)
          mutate(r, s);
        LLVMFuzzerTestOneInput((const uint8_t *)s->str, s->len);
        g_string_free(s, TRUE);
      }
    }
  }
  g_rand_free(r);
}

/* Registers one data test per .json file of DIR. */
static void add_file_tests(const char *dir, GTestDataFunc fn, GPtrArray *keep)
{
  GPtrArray *files = json_files(dir);
  for (guint i = 0; i < files->len; i++) {
    const char *path = files->pdata[i];
    g_autofree char *base = g_path_get_basename(path);
    base[strlen(base) - 5] = '\0';
    g_autofree char *name = g_strdup_printf("/load/%s/%s", dir, base);
    g_test_add_data_func(name, path, fn);
  }
  g_ptr_array_add(keep, files);
}

int main(int argc, char **argv)
{
  g_test_init(&argc, &argv, NULL);
  g_autofree char *dir = g_build_filename(g_test_get_dir(G_TEST_DIST), "load", NULL);
  if (chdir(dir) != 0)
    g_error("cannot enter %s", dir);
  GPtrArray *keep = g_ptr_array_new_with_free_func((GDestroyNotify)g_ptr_array_unref);
  add_file_tests("broken", test_broken, keep);
  add_file_tests("check", test_check, keep);
  g_test_add_func("/load/valid/minimal", test_minimal);
  g_test_add_func("/load/text-without-folder", test_text_without_folder);
  g_test_add_func("/load/missing-file", test_missing_file);
  g_test_add_func("/load/readme-example", test_readme_example);
  g_test_add_func("/load/too-large", test_too_large);
  g_test_add_func("/load/positions", test_positions);
  g_test_add_func("/load/scanner-strictness", test_scanner_strictness);
  g_test_add_func("/load/sort-and-suggest", test_sort_and_suggest);
  g_test_add_func("/load/mutations", test_mutations);
  int rc = g_test_run();
  g_ptr_array_unref(keep);
  return rc;
}
