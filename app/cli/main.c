/* ringside-cli: check scenarios, print traces and machine states.
 *
 *   ringside-cli check FILE...
 *   ringside-cli trace FILE [--format text|jsonl] [--max-steps N]
 *   ringside-cli state FILE --step N [--mem ADDR:LEN]...
 *
 * Exit status: 0 success, 1 a scenario has problems, 2 bad usage. */
#include <errno.h>
#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <ringside/history.h>
#include <ringside/scenario.h>
#include <ringside/trace.h>

static const char usage[] =
  "Usage:\n"
  "  ringside-cli check FILE...\n"
  "      Validate scenarios and run their expectations.\n"
  "  ringside-cli trace FILE [--format text|jsonl] [--max-steps N]\n"
  "      Print every step with its effects (JSONL: one object per step).\n"
  "  ringside-cli state FILE --step N [--mem ADDR:LEN]...\n"
  "      Print the registers (and memory ranges) after N steps, as JSON.\n"
  "  ringside-cli --version\n";

static int bad_usage(const char *msg, const char *arg) {
  fprintf(stderr, "ringside-cli: %s%s%s\n%s", msg, arg ? ": " : "", arg ? arg : "", usage);
  return 2;
}

static bool parse_u64(const char *s, uint64_t *out) {
  if (!s || !*s || *s == '-') return false;
  char *end;
  errno = 0;
  unsigned long long v = strtoull(s, &end, 0);
  if (errno || *end) return false;
  *out = v;
  return true;
}

/* Loads a scenario, printing its problems. */
static rs_scenario *load(const char *path) {
  rs_diags d;
  rs_diags_init(&d);
  rs_scenario *s = rs_scenario_load_file(path, &d);
  rs_diags_print(&d, stderr);
  rs_diags_free(&d);
  return s;
}

static int cmd_check(int argc, char **argv) {
  if (argc < 1) return bad_usage("check needs at least one FILE", NULL);
  int failed = 0;
  for (int i = 0; i < argc; i++) {
    rs_scenario *s = load(argv[i]);
    if (!s) {
      failed++;
      continue;
    }
    rs_diags d;
    rs_diags_init(&d);
    int n = rs_scenario_check(s, &d);
    rs_diags_print(&d, stderr);
    rs_diags_free(&d);
    if (n) failed++;
    else printf("%s: ok\n", argv[i]);
    rs_scenario_free(s);
  }
  return failed ? 1 : 0;
}

static const char *label_of(uint32_t addr, uint32_t *offset, void *ud) {
  return rs_program_label_for(rs_scenario_program(ud), addr, offset);
}

/* A history over a fresh machine, bounded by the scenario's end. */
static rs_history *start(const rs_scenario *s, rs_machine **m) {
  *m = rs_scenario_new_machine(s);
  if (!*m) return NULL;
  rs_history *h = rs_history_new(*m, 0);
  if (!h) return NULL;
  uint32_t end;
  rs_history_set_end(h, rs_scenario_max_steps(s), rs_scenario_end_addr(s, &end) ? end : UINT32_MAX);
  return h;
}

static int cmd_trace(int argc, char **argv) {
  const char *file = NULL;
  rs_trace_format fmt = RS_TRACE_TEXT;
  uint64_t max_steps = UINT64_MAX;
  for (int i = 0; i < argc; i++) {
    if (!strcmp(argv[i], "--format") && i + 1 < argc) {
      const char *f = argv[++i];
      if (!strcmp(f, "text")) fmt = RS_TRACE_TEXT;
      else if (!strcmp(f, "jsonl")) fmt = RS_TRACE_JSONL;
      else return bad_usage("--format must be text or jsonl", f);
    } else if (!strcmp(argv[i], "--max-steps") && i + 1 < argc) {
      if (!parse_u64(argv[++i], &max_steps)) return bad_usage("--max-steps needs a number", argv[i]);
    } else if (argv[i][0] == '-' || file) {
      return bad_usage("unexpected argument", argv[i]);
    } else {
      file = argv[i];
    }
  }
  if (!file) return bad_usage("trace needs a FILE", NULL);
  rs_scenario *s = load(file);
  if (!s) return 1;
  rs_machine *m = rs_scenario_new_machine(s);
  if (!m) {
    fprintf(stderr, "ringside-cli: out of memory\n");
    rs_scenario_free(s);
    return 1;
  }
  rs_step_record r;
  rs_step_record_init(&r);
  for (uint64_t n = 0; n < max_steps && !rs_scenario_finished(s, m); n++) {
    if (!rs_machine_step(m, &r)) break;
    rs_trace_write_step(stdout, fmt, &r, m, label_of, s);
  }
  rs_step_record_free(&r);
  rs_machine_free(m);
  rs_scenario_free(s);
  return ferror(stdout) ? 1 : 0;
}

static bool parse_range(const char *arg, rs_mem_range *r) {
  const char *colon = strchr(arg, ':');
  if (!colon) return false;
  char addr[32];
  size_t n = (size_t)(colon - arg);
  if (n == 0 || n >= sizeof addr) return false;
  memcpy(addr, arg, n);
  addr[n] = 0;
  uint64_t a, l;
  if (!parse_u64(addr, &a) || !parse_u64(colon + 1, &l) || a > UINT32_MAX || l == 0 || l > 65536)
    return false;
  r->addr = (uint32_t)a;
  r->len = (uint32_t)l;
  return true;
}

static int cmd_state(int argc, char **argv) {
  const char *file = NULL;
  uint64_t step = 0;
  bool have_step = false;
  rs_mem_range ranges[64];
  size_t n_ranges = 0;
  for (int i = 0; i < argc; i++) {
    if (!strcmp(argv[i], "--step") && i + 1 < argc) {
      if (!parse_u64(argv[++i], &step)) return bad_usage("--step needs a number", argv[i]);
      have_step = true;
    } else if (!strcmp(argv[i], "--mem") && i + 1 < argc) {
      if (n_ranges == sizeof ranges / sizeof ranges[0]) return bad_usage("too many --mem ranges", NULL);
      if (!parse_range(argv[++i], &ranges[n_ranges++]))
        return bad_usage("--mem needs ADDR:LEN (LEN 1..65536)", argv[i]);
    } else if (argv[i][0] == '-' || file) {
      return bad_usage("unexpected argument", argv[i]);
    } else {
      file = argv[i];
    }
  }
  if (!file || !have_step) return bad_usage("state needs a FILE and --step N", NULL);
  rs_scenario *s = load(file);
  if (!s) return 1;
  rs_machine *m = NULL;
  rs_history *h = start(s, &m);
  int rc = 0;
  if (!h) {
    fprintf(stderr, "ringside-cli: out of memory\n");
    rc = 1;
  } else if (rs_history_seek(h, step) != step) {
    fprintf(stderr, "%s: the scenario ends at step %" PRIu64 ", before step %" PRIu64 "\n", file,
            rs_history_position(h), step);
    rc = 1;
  } else {
    rs_trace_write_state(stdout, m, ranges, n_ranges);
  }
  rs_history_free(h);
  rs_machine_free(m);
  rs_scenario_free(s);
  return rc;
}

int main(int argc, char **argv) {
  if (argc < 2) return bad_usage("no command given", NULL);
  const char *cmd = argv[1];
  if (!strcmp(cmd, "--help") || !strcmp(cmd, "-h")) {
    fputs(usage, stdout);
    return 0;
  }
  if (!strcmp(cmd, "--version")) {
    printf("ringside-cli %s\n", RINGSIDE_VERSION);
    return 0;
  }
  if (!strcmp(cmd, "check")) return cmd_check(argc - 2, argv + 2);
  if (!strcmp(cmd, "trace")) return cmd_trace(argc - 2, argv + 2);
  if (!strcmp(cmd, "state")) return cmd_state(argc - 2, argv + 2);
  return bad_usage("unknown command", cmd);
}
