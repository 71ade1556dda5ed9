/* Undo, replay and determinism on every shipped scenario:
 * - forward N then back N restores the machine byte for byte at every step;
 * - the fast path and the recording path produce identical states;
 * - seeking to any step equals stepping there;
 * - the same file gives the same JSONL trace, byte for byte. */
#include <glib.h>
#include <stdio.h>
#include <stdlib.h>

#include <ringside/history.h>
#include <ringside/scenario.h>
#include <ringside/session.h>
#include <ringside/trace.h>

static GPtrArray *scenario_files(void) {
  GPtrArray *files = g_ptr_array_new_with_free_func(g_free);
  const char *root = g_getenv("RINGSIDE_SOURCE_ROOT");
  g_assert_nonnull(root);
  const char *topics[] = { "interrupts", "syscalls", "exceptions", "processes", "signals", "vm" };
  for (size_t i = 0; i < G_N_ELEMENTS(topics); i++) {
    char *dir = g_build_filename(root, "scenarios", topics[i], NULL);
    GDir *d = g_dir_open(dir, 0, NULL);
    if (d) {
      const char *name;
      while ((name = g_dir_read_name(d)))
        if (g_str_has_suffix(name, ".json")) g_ptr_array_add(files, g_build_filename(dir, name, NULL));
      g_dir_close(d);
    }
    g_free(dir);
  }
  g_assert_cmpuint(files->len, >=, 3);
  return files;
}

static rs_scenario *load(const char *path) {
  rs_diags d;
  rs_diags_init(&d);
  rs_scenario *s = rs_scenario_load_file(path, &d);
  for (size_t i = 0; i < d.count; i++) {
    char *line = rs_diag_format(&d.items[i]);
    g_test_message("%s", line);
    free(line);
  }
  rs_diags_free(&d);
  g_assert_nonnull(s);
  return s;
}

static void assert_equal(const rs_machine *a, const rs_machine *b, const char *what, uint64_t step) {
  char why[200];
  if (!rs_machine_equal(a, b, why, sizeof why)) g_error("%s at step %" G_GUINT64_FORMAT ": %s", what, step, why);
}

/* Steps forward with recording, keeping a clone of every state, then steps
 * back one at a time and compares each state with its clone. */
static void check_undo(const rs_scenario *s, uint64_t limit) {
  rs_machine *m = rs_scenario_new_machine(s);
  GPtrArray *states = g_ptr_array_new_with_free_func((GDestroyNotify)rs_machine_free);
  GArray *recs = g_array_new(FALSE, TRUE, sizeof(rs_step_record));
  g_ptr_array_add(states, rs_machine_clone(m));
  for (uint64_t n = 0; n < limit && !rs_scenario_finished(s, m); n++) {
    rs_step_record r;
    rs_step_record_init(&r);
    if (!rs_machine_step(m, &r)) break;
    g_array_append_val(recs, r);
    g_ptr_array_add(states, rs_machine_clone(m));
  }
  g_assert_cmpuint(recs->len, >, 10);
  for (guint i = recs->len; i-- > 0;) {
    rs_step_record *r = &g_array_index(recs, rs_step_record, i);
    rs_machine_undo(m, r);
    assert_equal(m, g_ptr_array_index(states, i), "undo", i);
    rs_step_record_free(r);
  }
  g_array_free(recs, TRUE);
  g_ptr_array_free(states, TRUE);
  rs_machine_free(m);
}

/* The fast path and the recording path agree after every step. */
static void check_fast_equals_recorded(const rs_scenario *s, uint64_t limit) {
  rs_machine *fast = rs_scenario_new_machine(s), *slow = rs_scenario_new_machine(s);
  rs_step_record r;
  rs_step_record_init(&r);
  uint64_t n = 0;
  for (; n < limit && !rs_scenario_finished(s, slow); n++) {
    gboolean a = rs_machine_step(fast, NULL), b = rs_machine_step(slow, &r);
    g_assert_cmpint(a, ==, b);
    if (!a) break;
    assert_equal(fast, slow, "fast vs recorded", n);
  }
  g_assert_cmpuint(n, >, 10);
  rs_step_record_free(&r);
  rs_machine_free(fast);
  rs_machine_free(slow);
}

/* Seeking to step k (backwards and forwards, through checkpoints every 7
 * steps) gives the same state as stepping to k. */
static void check_seek(const rs_scenario *s) {
  rs_machine *m = rs_scenario_new_machine(s);
  rs_history *h = rs_history_new(m, 7);
  uint64_t max = rs_scenario_max_steps(s);
  uint32_t end;
  rs_history_set_end(h, max, rs_scenario_end_addr(s, &end) ? end : UINT32_MAX);
  GPtrArray *states = g_ptr_array_new_with_free_func((GDestroyNotify)rs_machine_free);
  g_ptr_array_add(states, rs_machine_clone(m));
  while (states->len < 200 && rs_history_forward(h)) g_ptr_array_add(states, rs_machine_clone(m));
  guint n = states->len;
  const guint order[] = { n - 1, 0, n / 2, 3, n - 2, 1, n / 3, n - 1, 7, 8, 6 };
  for (size_t i = 0; i < G_N_ELEMENTS(order); i++) {
    uint64_t k = order[i];
    g_assert_cmpuint(rs_history_seek(h, k), ==, k);
    assert_equal(m, g_ptr_array_index(states, k), "seek", k);
    if (k > 0) {
      const rs_step_record *last = rs_history_last(h);
      g_assert_nonnull(last);
      g_assert_cmpuint(last->index, ==, k - 1);
    }
    if (k > 0) {
      g_assert_true(rs_history_back(h));
      assert_equal(m, g_ptr_array_index(states, k - 1), "back after seek", k - 1);
    }
  }
  g_ptr_array_free(states, TRUE);
  rs_history_free(h);
  rs_machine_free(m);
}

static char *trace_jsonl(const rs_scenario *s) {
  char *buf = NULL;
  size_t len = 0;
  FILE *out = open_memstream(&buf, &len);
  rs_machine *m = rs_scenario_new_machine(s);
  rs_step_record r;
  rs_step_record_init(&r);
  while (!rs_scenario_finished(s, m) && rs_machine_step(m, &r))
    rs_trace_write_step(out, RS_TRACE_JSONL, &r, m, NULL, NULL);
  rs_step_record_free(&r);
  rs_machine_free(m);
  fclose(out);
  return buf;
}

static void test_each_scenario(gconstpointer data) {
  const char *path = data;
  rs_scenario *s = load(path);
  check_undo(s, 5000);
  check_fast_equals_recorded(s, 5000);
  check_seek(s);
  /* Determinism: two loads, two runs, identical traces. */
  rs_scenario *again = load(path);
  char *a = trace_jsonl(s), *b = trace_jsonl(again);
  g_assert_cmpstr(a, ==, b);
  free(a);
  free(b);
  rs_scenario_free(again);
  rs_scenario_free(s);
}

/* The session's timeline matches what stepping reports. */
static void test_session_timeline(void) {
  char *path = g_build_filename(g_getenv("RINGSIDE_SOURCE_ROOT"), "scenarios", "interrupts",
                                "timer-during-user.json", NULL);
  rs_diags d;
  rs_diags_init(&d);
  rs_session *s = rs_session_open(path, &d);
  g_assert_nonnull(s);
  size_t n;
  const rs_step_summary *tl = rs_session_timeline(s, &n);
  g_assert_cmpuint(n, ==, rs_session_length(s));
  for (size_t i = 0; i < n; i++) {
    g_assert_true(rs_session_forward(s));
    const rs_step_record *r = rs_session_last(s);
    g_assert_cmpuint(r->kind, ==, tl[i].kind);
    g_assert_cmphex(r->eip, ==, tl[i].eip);
    g_assert_cmpuint(r->cpl_after, ==, tl[i].cpl_after);
  }
  g_assert_false(rs_session_forward(s));
  g_assert_cmpuint(rs_session_seek(s, n + 100), ==, n);
  rs_session_free(s);
  rs_diags_free(&d);
  g_free(path);
}

int main(int argc, char **argv) {
  g_test_init(&argc, &argv, NULL);
  GPtrArray *files = scenario_files();
  for (guint i = 0; i < files->len; i++) {
    const char *path = g_ptr_array_index(files, i);
    char *base = g_path_get_basename(path);
    char *name = g_strdup_printf("/history/%s", base);
    g_test_add_data_func(name, path, test_each_scenario);
    g_free(name);
    g_free(base);
  }
  g_test_add_func("/history/session-timeline", test_session_timeline);
  int rc = g_test_run();
  g_ptr_array_free(files, TRUE);
  return rc;
}
