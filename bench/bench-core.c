/* ringside-bench: speed of the simulator core.
 *
 *   ringside-bench [--quick] [--only fast|recording|interrupts|seek] [DIR]
 *
 * Measures, on the scenarios in DIR (default: the bench/scenarios folder
 * of the source tree): instructions per second on the fast path and with
 * effect recording; interrupt round trips per second (int $0x40 + iret);
 * and the time to seek to step 10^6 and around it. Numbers, not pass/fail:
 * targets live in the README, not in a timed test. --only runs one
 * measurement, so that callgrind's instruction count covers just it. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include <ringside/history.h>
#include <ringside/scenario.h>

static double now(void) {
  struct timespec ts;
  clock_gettime(CLOCK_MONOTONIC, &ts);
  return (double)ts.tv_sec + ts.tv_nsec * 1e-9;
}

static rs_scenario *load(const char *dir, const char *name) {
  char path[4096];
  snprintf(path, sizeof path, "%s/%s", dir, name);
  rs_diags d;
  rs_diags_init(&d);
  rs_scenario *s = rs_scenario_load_file(path, &d);
  rs_diags_print(&d, stderr);
  rs_diags_free(&d);
  if (!s) exit(1);
  return s;
}

/* Fast-path instructions per second over `steps` steps. */
static void bench_fast(const rs_scenario *s, uint64_t steps) {
  rs_machine *m = rs_scenario_new_machine(s);
  double t0 = now();
  uint64_t done = rs_machine_run(m, steps, UINT32_MAX);
  double dt = now() - t0;
  printf("fast path:        %6.1f M instructions/s  (%llu steps, %llu instructions, %.3f s)\n",
         rs_machine_icount(m) / dt / 1e6, (unsigned long long)done,
         (unsigned long long)rs_machine_icount(m), dt);
  rs_machine_free(m);
}

static void bench_recorded(const rs_scenario *s, uint64_t steps) {
  rs_machine *m = rs_scenario_new_machine(s);
  rs_step_record r;
  rs_step_record_init(&r);
  uint64_t effects = 0;
  double t0 = now();
  for (uint64_t i = 0; i < steps && rs_machine_step(m, &r); i++) effects += r.n_effects;
  double dt = now() - t0;
  printf("recording:        %6.1f M instructions/s  (%.1f effects per step, %.3f s)\n",
         rs_machine_icount(m) / dt / 1e6, (double)effects / (double)steps, dt);
  rs_step_record_free(&r);
  rs_machine_free(m);
}

/* Each round trip is four steps: int (raise), delivery, iret, jmp. */
static void bench_round_trips(const rs_scenario *s, uint64_t trips) {
  rs_machine *m = rs_scenario_new_machine(s);
  double t0 = now();
  rs_machine_run(m, 4 * trips, UINT32_MAX);
  double dt = now() - t0;
  printf("interrupts:       %6.2f M round trips/s (int $0x40 + iret; %llu trips, %.3f s)\n",
         trips / dt / 1e6, (unsigned long long)trips, dt);
  rs_machine_free(m);
}

static void bench_seek(const rs_scenario *s, uint64_t target) {
  rs_machine *m = rs_scenario_new_machine(s);
  rs_history *h = rs_history_new(m, 0);
  rs_history_set_end(h, rs_scenario_max_steps(s), UINT32_MAX);
  double t0 = now();
  rs_history_seek(h, target);
  double cold = now() - t0;
  const uint64_t probes[] = { target / 2, target - 1, 17, target - 5000, target, target / 3 };
  double worst = 0, total = 0;
  for (size_t i = 0; i < sizeof probes / sizeof probes[0]; i++) {
    double t1 = now();
    rs_history_seek(h, probes[i]);
    double dt = now() - t1;
    total += dt;
    if (dt > worst) worst = dt;
  }
  printf("seek to %llu: first %.1f ms (replays and checkpoints); later seeks %.2f ms average, %.2f ms worst; %.1f MB held\n",
         (unsigned long long)target, cold * 1e3, total / 6 * 1e3, worst * 1e3,
         rs_history_memory(h) / 1048576.0);
  rs_history_free(h);
  rs_machine_free(m);
}

int main(int argc, char **argv) {
  bool quick = false;
  const char *dir = RINGSIDE_BENCH_DIR, *only = NULL;
  for (int i = 1; i < argc; i++) {
    if (!strcmp(argv[i], "--quick")) quick = true;
    else if (!strcmp(argv[i], "--only") && i + 1 < argc) only = argv[++i];
    else dir = argv[i];
  }
  uint64_t scale = quick ? 10 : 1;
  rs_scenario *loop = load(dir, "loop.json");
  rs_scenario *sys = load(dir, "syscall-loop.json");
#define WANT(name) (!only || !strcmp(only, name))
  if (WANT("fast")) bench_fast(loop, 50000000 / scale);
  if (WANT("recording")) bench_recorded(loop, 5000000 / scale);
  if (WANT("interrupts")) bench_round_trips(sys, 5000000 / scale);
  if (WANT("seek")) bench_seek(loop, 1000000);
#undef WANT
  rs_scenario_free(loop);
  rs_scenario_free(sys);
  return 0;
}
