/* Narration: the sentences a student reads at the key steps of the timer
 * scenario, and that every step of every shipped scenario narrates into
 * valid markup (only <b> and <i>, balanced, entities escaped). */
#include <glib.h>
#include <stdlib.h>
#include <string.h>

#include <ringside/narrate.h>
#include <ringside/session.h>

static rs_session *open_scenario(const char *topic, const char *name) {
  char *path = g_build_filename(g_getenv("RINGSIDE_SOURCE_ROOT"), "scenarios", topic, name, NULL);
  rs_diags d;
  rs_diags_init(&d);
  rs_session *s = rs_session_open(path, &d);
  g_assert_nonnull(s);
  rs_diags_free(&d);
  g_free(path);
  return s;
}

/* Narration of the step that led to position n, as plain text. */
static char *narrate_at(rs_session *s, uint64_t n, char **headline) {
  g_assert_cmpuint(rs_session_seek(s, n), ==, n);
  rs_narration nar;
  g_assert_true(rs_narrate(rs_session_scenario(s), rs_session_last(s), rs_session_machine(s), &nar));
  char *plain = rs_markup_to_plain(nar.body);
  *headline = rs_markup_to_plain(nar.headline);
  rs_narration_clear(&nar);
  return plain;
}

static void test_timer_delivery(void) {
  rs_session *s = open_scenario("interrupts", "timer-during-user.json");
  char *h, *body = narrate_at(s, 9, &h); /* step 8 is the delivery */
  g_assert_cmpstr(h, ==, "IRQ 0 · interrupt delivery · ring 3 → ring 0");
  g_assert_cmpstr(body, ==,
    "The interrupt controller handed IRQ 0 to the CPU as vector 32. IDT entry 32 is an interrupt "
    "gate (DPL 0) leading to timer_entry in ring 0: the CPU switched to the kernel stack "
    "(TSS.ESP0 = 0xc0108000), pushed SS, ESP, EFLAGS, CS and EIP, and cleared IF so no other "
    "interrupt can cut in.");
  free(h);
  free(body);
  body = narrate_at(s, 17, &h); /* the iret */
  g_assert_cmpstr(h, ==, "iret · ring 0 → ring 3");
  g_assert_true(strstr(body, "back in user mode (ring 3) at 0x08048017") != NULL);
  free(h);
  free(body);
  body = narrate_at(s, 8, &h); /* the jmp during which the timer fired */
  g_assert_true(g_str_has_suffix(body, "Meanwhile the timer fired: IRQ 0 is now pending."));
  free(h);
  free(body);
  rs_session_free(s);
}

static void test_dpl_violation_text(void) {
  rs_session *s = open_scenario("syscalls", "file-open-int64.json");
  char *h, *body = narrate_at(s, 7, &h); /* int $64 raises */
  g_assert_true(g_str_has_prefix(body, "int $0x40 asks the CPU for a software interrupt on vector 64."));
  free(h);
  free(body);
  rs_session_free(s);
}

/* Only <b>, </b>, <i>, </i> and the three entities may appear. */
static void assert_valid_markup(const char *m) {
  int bold = 0, italic = 0;
  for (const char *p = m; *p; p++) {
    if (*p == '<') {
      if (!strncmp(p, "<b>", 3)) bold++, p += 2;
      else if (!strncmp(p, "</b>", 4)) bold--, p += 3;
      else if (!strncmp(p, "<i>", 3)) italic++, p += 2;
      else if (!strncmp(p, "</i>", 4)) italic--, p += 3;
      else g_error("stray '<' in narration: %s", m);
      g_assert_cmpint(bold, >=, 0);
      g_assert_cmpint(italic, >=, 0);
    } else if (*p == '&') {
      g_assert_true(!strncmp(p, "&amp;", 5) || !strncmp(p, "&lt;", 4) || !strncmp(p, "&gt;", 4));
    } else if (*p == '>') {
      g_error("stray '>' in narration: %s", m);
    }
  }
  g_assert_cmpint(bold, ==, 0);
  g_assert_cmpint(italic, ==, 0);
}

static void test_every_step_valid(gconstpointer data) {
  const char *const *which = data;
  rs_session *s = open_scenario(which[0], which[1]);
  rs_narration nar;
  g_assert_true(rs_narrate_start(rs_session_scenario(s), &nar));
  assert_valid_markup(nar.body);
  rs_narration_clear(&nar);
  while (rs_session_forward(s)) {
    g_assert_true(rs_narrate(rs_session_scenario(s), rs_session_last(s), rs_session_machine(s), &nar));
    assert_valid_markup(nar.headline);
    assert_valid_markup(nar.body);
    g_assert_cmpuint(strlen(nar.body), >, 10);
    rs_narration_clear(&nar);
  }
  rs_session_free(s);
}

int main(int argc, char **argv) {
  g_test_init(&argc, &argv, NULL);
  static const char *const shipped[][2] = {
    { "interrupts", "timer-during-user.json" },
    { "syscalls", "file-open-int64.json" },
    { "syscalls", "file-open-bad-pointer.json" },
    { "syscalls", "linux-int80-write.json" },
  };
  g_test_add_func("/narrate/timer-delivery", test_timer_delivery);
  g_test_add_func("/narrate/int-instruction", test_dpl_violation_text);
  for (size_t i = 0; i < G_N_ELEMENTS(shipped); i++) {
    char *name = g_strdup_printf("/narrate/valid-markup/%s", shipped[i][1]);
    g_test_add_data_func(name, shipped[i], test_every_step_valid);
    g_free(name);
  }
  return g_test_run();
}
