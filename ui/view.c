/* The whole view: a responsive layout, the cards, and what crosses
 * between cards — the saved-ESP arrow between the stacks, the IDT →
 * handler arrow through the gaps, the live ESP marker and the values that
 * fly from registers to stack slots and back. */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "cards.h"
#include "describe.h"

struct rs_view_cache {
  rs_text_cache *text;
};

rs_view_cache *rs_view_cache_new(void) {
  rs_view_cache *c = calloc(1, sizeof *c);
  if (c && !(c->text = rs_text_cache_new())) {
    free(c);
    return NULL;
  }
  return c;
}

void rs_view_cache_free(rs_view_cache *c) {
  if (!c) return;
  rs_text_cache_free(c->text);
  free(c);
}

/* ---- layout ----------------------------------------------------------- */

/* Widths of the fixed columns at 1280 px, and how far they grow. */
#define CPU_W 180.0
#define STACK_W 244.0
#define IDT_W 244.0
#define WIDE_MIN 1180.0

static bool has_console(const rs_view_input *in) {
  size_t len = 0;
  rs_machine_console(rs_session_machine(in->session), &len);
  return len > 0;
}

/* The layout in design px (zoom 1) for a w x h canvas. */
static void layout_design(double w, double h, bool console, rs_view_layout *l) {
  memset(l, 0, sizeof *l);
  l->show_console = console;
  l->narrow = w < WIDE_MIN;
  double m = l->narrow ? 8 : 12, gap = m;
  double tl_h = !l->narrow && h >= 700 ? 74 : 64;
  l->timeline = (rs_rect){ 0, h - tl_h, w, tl_h };
  /* The narration: three lines of 18 px, or two of 20 (the mockup has
   * 104 px for two). */
  double bottom_h = l->narrow ? 180 : h >= 1000 ? 128 : 120;
  double cards_h = fmax(120, h - m - gap - bottom_h - (l->narrow ? gap : 10) - tl_h);
  double y = m, by = y + cards_h + gap;
  if (!l->narrow) {
    double extra = fmax(0, w - 1280);
    double cpu = fmin(CPU_W + extra * 0.08, 230), stack = fmin(STACK_W + extra * 0.1, 320);
    double idt = fmin(IDT_W + extra * 0.14, 340);
    double code = w - 2 * m - 4 * gap - cpu - 2 * stack - idt;
    double x = m;
    l->code = (rs_rect){ x, y, code, cards_h };
    l->cpu = (rs_rect){ x += code + gap, y, cpu, cards_h };
    l->user_stack = (rs_rect){ x += cpu + gap, y, stack, cards_h };
    l->kernel_stack = (rs_rect){ x += stack + gap, y, stack, cards_h };
    double tss_h = 96;
    l->idt = (rs_rect){ x += stack + gap, y, idt, cards_h - tss_h - gap };
    l->tss = (rs_rect){ x, y + cards_h - tss_h, idt, tss_h };
    l->narration = (rs_rect){ m, by, w - 2 * m, bottom_h };
  } else {
    double cpu = 176, stack = 236;
    double code = fmax(200, w - 2 * m - 3 * gap - cpu - 2 * stack);
    double x = m;
    l->code = (rs_rect){ x, y, code, cards_h };
    l->cpu = (rs_rect){ x += code + gap, y, cpu, cards_h };
    l->user_stack = (rs_rect){ x += cpu + gap, y, stack, cards_h };
    l->kernel_stack = (rs_rect){ x += stack + gap, y, stack, cards_h };
    double idt = fmin(440, w * 0.43);
    l->idt = (rs_rect){ w - m - idt, by, idt, bottom_h };
    l->narration = (rs_rect){ m, by, w - 2 * m - gap - idt, bottom_h };
  }
  if (console) {
    double ch = l->narrow ? 96 : 120;
    l->console = (rs_rect){ l->code.x, l->code.y + l->code.h - ch, l->code.w, ch };
    l->code.h -= ch + gap;
  }
}

static rs_rect scale_rect(rs_rect r, double k) { return (rs_rect){ r.x * k, r.y * k, r.w * k, r.h * k }; }

static double zoom_of(const rs_view_input *in) { return in->zoom > 0 ? in->zoom : 1; }

void rs_view_layout_compute(double w, double h, const rs_view_input *in, rs_view_layout *out) {
  double z = zoom_of(in);
  layout_design(w / z, h / z, has_console(in), out);
  rs_rect *rects[] = { &out->code, &out->cpu, &out->user_stack, &out->kernel_stack, &out->idt,
                       &out->tss, &out->narration, &out->console, &out->timeline };
  for (size_t i = 0; i < sizeof rects / sizeof *rects; i++) *rects[i] = scale_rect(*rects[i], z);
}

/* ---- overlays --------------------------------------------------------- */

/* The IDT → handler arrow: out of the used gate's row, along the gaps
 * between cards, into the code card at the handler's label. */
static void idt_arrow(rs_frame *f) {
  const rs_code_model *c = &f->code;
  if (f->idt_row_cy < 0 || f->handler_y < 0 || c->eip_effect < 0) return;
  double k = rs_beat(&f->beats, (uint32_t)c->eip_effect, f->progress);
  if (k <= 0) return;
  const rs_view_layout *l = &f->layout;
  double gap = l->narrow ? 8 : 12;
  double code_right = l->code.x + l->code.w;
  double gx1 = l->idt.x - gap / 2, gx2 = code_right + gap / 2;
  double gy = l->cpu.y + l->cpu.h + gap / 2;
  const double pts[6][2] = {
    { f->idt_row_x, f->idt_row_cy }, { gx1, f->idt_row_cy }, { gx1, gy },
    { gx2, gy },                     { gx2, f->handler_y },  { code_right + 1, f->handler_y },
  };
  rs_draw_arrow(&f->p, pts, 6, rs_ease(k), f->p.theme->hue[RS_HUE_STEP].fill, 2, true, true);
}

/* The saved-ESP link: from the slot holding a saved user ESP to the user
 * slot it points to, across the gap between the stacks. */
static void link_arrow(rs_frame *f) {
  const rs_stack_model *k = &f->stacks[RS_STACK_KERNEL];
  if (k->link < 0) return;
  const rs_stack_word *w = &k->words[k->link];
  double t = w->effect >= 0 ? rs_beat(&f->beats, (uint32_t)w->effect, f->progress) : 1;
  if (t < 1) return;
  rs_rect from, to;
  if (!rs_stack_view_slot_rect(f, RS_STACK_KERNEL, w->addr, &from) ||
      !rs_stack_view_slot_rect(f, RS_STACK_USER, k->link_value, &to))
    return;
  double y0 = from.y + from.h / 2, y1 = to.y + to.h / 2;
  double x0 = from.x, x1 = to.x + to.w + 1, mid = (f->layout.user_stack.x + f->layout.user_stack.w +
                                                   f->layout.kernel_stack.x) / 2;
  rs_rgba c = f->p.theme->hue[RS_HUE_USER].fill;
  if (fabs(y0 - y1) < 1) {
    const double pts[2][2] = { { x0, y0 }, { x1, y0 } };
    rs_draw_arrow(&f->p, pts, 2, 1, c, 2, true, true);
  } else {
    const double pts[4][2] = { { x0, y0 }, { mid, y0 }, { mid, y1 }, { x1, y1 } };
    rs_draw_arrow(&f->p, pts, 4, 1, c, 2, true, true);
  }
}

/* Where the live ESP marker goes for ESP value v: which stack, and y. */
static bool esp_place(const rs_frame *f, uint32_t v, int *which, double *y) {
  for (int s = RS_STACK_KERNEL; s >= RS_STACK_USER; s--)
    if (rs_stack_view_esp_y(f, s, v, y)) {
      *which = s;
      return true;
    }
  return false;
}

static double esp_tip_x(const rs_frame *f, int which) {
  const rs_stack_geom *g = &f->stack_geom[which];
  return which == RS_STACK_USER ? g->slot_x - 3 : g->slot_x + g->slot_w + 3;
}

/* The live ESP marker, sliding from slot to slot as ESP changes: the
 * effect on ESP playing now moves it from its old to its new value. */
static void esp_marker(rs_frame *f) {
  uint32_t from = rs_machine_cpu_const(rs_session_machine(f->in->session))->gpr[RS_ESP], to = from;
  double k = 1;
  const rs_step_record *st = f->in->step;
  bool seen = false;
  for (uint32_t i = 0; st && i < st->n_effects && f->progress < 1; i++) {
    const rs_effect *e = &st->effects[i];
    if (e->kind != RS_EFF_REG || e->target != RS_LOC_ESP) continue;
    double b = rs_beat(&f->beats, i, f->progress);
    if (b <= 0) {
      if (!seen) from = to = e->old_val;
      break;
    }
    seen = true;
    from = e->old_val;
    to = e->new_val;
    k = b;
    if (b < 1) break;
  }
  int w0, w1;
  double y0, y1;
  if (!esp_place(f, to, &w1, &y1)) return;
  if (!esp_place(f, from, &w0, &y0)) {
    w0 = w1;
    y0 = y1;
  }
  double e = rs_ease(k);
  double x = rs_lerp(esp_tip_x(f, w0), esp_tip_x(f, w1), e), y = rs_lerp(y0, y1, e) + RS_ESP_MARK_DY;
  int which = e < 0.5 ? w0 : w1;
  rs_draw_esp_pill(&f->p, "ESP", x, y, which == RS_STACK_USER ? 1 : -1, true,
                   which == RS_STACK_USER ? RS_HUE_USER : RS_HUE_KERNEL, 1);
}

/* The CPU row a pushed value comes from, or a popped one goes to. */
static int cpu_row_for(const rs_frame *f, uint32_t i) {
  const rs_step_record *st = f->in->step;
  const rs_effect *e = &st->effects[i];
  switch (e->why) { /* by number: most reasons take the default */
  case RS_WHY_FRAME_SS:
  case RS_WHY_IRET_SS: return RS_CPU_SS;
  case RS_WHY_FRAME_ESP:
  case RS_WHY_IRET_ESP:
  case RS_WHY_PUSHAD_ESP: return RS_CPU_ESP;
  case RS_WHY_FRAME_EFLAGS:
  case RS_WHY_IRET_EFLAGS:
  case RS_WHY_PUSHFD:
  case RS_WHY_POPFD: return RS_CPU_EFLAGS;
  case RS_WHY_FRAME_CS:
  case RS_WHY_IRET_CS: return RS_CPU_CS;
  case RS_WHY_FRAME_EIP:
  case RS_WHY_IRET_EIP:
  case RS_WHY_CALL_RETURN_ADDR:
  case RS_WHY_RET_POP: return RS_CPU_EIP;
  case RS_WHY_PUSHAD_EAX: return RS_CPU_EAX;
  case RS_WHY_PUSHAD_ECX: return RS_CPU_ECX;
  case RS_WHY_PUSHAD_EDX: return RS_CPU_EDX;
  case RS_WHY_PUSHAD_EBX: return RS_CPU_EBX;
  case RS_WHY_PUSHAD_EBP: return RS_CPU_EBP;
  case RS_WHY_PUSHAD_ESI: return RS_CPU_ESI;
  case RS_WHY_PUSHAD_EDI: return RS_CPU_EDI;
  case RS_WHY_POP:
  case RS_WHY_POPAD:
    /* The register the pop loads comes next in the effects. */
    for (uint32_t j = i + 1; j < st->n_effects; j++)
      if (st->effects[j].kind == RS_EFF_REG && st->effects[j].why == e->why && st->effects[j].target != RS_LOC_ESP)
        return rs_cpu_model_row_of((rs_loc)st->effects[j].target);
    return -1;
  case RS_WHY_PUSH: {
    char insn[64];
    const rs_program *p = rs_scenario_program(rs_session_scenario(f->in->session));
    if (!rs_describe_insn(p, st->eip, false, insn, sizeof insn)) return -1;
    const char *op = strchr(insn, '%');
    if (!op) return -1;
    static const char *const names[] = { "eax", "ebx", "ecx", "edx", "esi", "edi", "ebp", "esp" };
    for (int r = 0; r < 8; r++)
      if (strncmp(op + 1, names[r], 3) == 0) return r; /* same order as rs_cpu_row */
    return -1;
  }
  default: return -1;
  }
}

/* The end of a flight away from the stacks: a CPU row, the instruction
 * that pushed an immediate, or the top of the CPU card. */
static rs_rect cpu_end(const rs_frame *f, uint32_t i) {
  int row = cpu_row_for(f, i);
  if (row >= 0 && f->cpu.regs[row].shown) return rs_cpu_view_value_rect(f, (rs_cpu_row)row);
  rs_rect r;
  if (f->in->step->effects[i].why == RS_WHY_PUSH && rs_code_view_row_rect(f, f->in->step->eip, &r))
    return (rs_rect){ r.x + r.w - 110, r.y, 100, r.h };
  rs_rect c = f->layout.cpu;
  return (rs_rect){ c.x + c.w / 2 - 48, c.y + f->cpu.ring_cy - 10, 96, 20 };
}

/* Values moving between the CPU and the stacks in their beats. */
static void flights(rs_frame *f) {
  const rs_step_record *st = f->in->step;
  const rs_theme *t = f->p.theme;
  if (!st || f->progress >= 1) return;
  for (uint32_t i = 0; i < st->n_effects; i++) {
    const rs_effect *e = &st->effects[i];
    bool push = e->kind == RS_EFF_MEM && rs_why_is_push((rs_why)e->why);
    bool pop = e->kind == RS_EFF_READ && rs_why_is_pop((rs_why)e->why);
    if (!push && !pop) continue;
    double k = rs_beat(&f->beats, i, f->progress);
    if (k <= 0 || k >= 1) continue;
    rs_rect slot;
    bool found = false;
    for (int s = 0; s < 2 && !found; s++) found = rs_stack_view_slot_rect(f, s, e->addr, &slot);
    if (!found) continue;
    rs_rect src = cpu_end(f, i), dst = slot;
    if (pop) {
      dst = src;
      src = slot;
    }
    double ek = rs_ease(k);
    double x = rs_lerp(src.x + src.w / 2, dst.x + dst.w / 2, ek);
    double y = rs_lerp(src.y + src.h / 2, dst.y + dst.h / 2, ek) - sin(ek * RS_PI) * 24;
    char hex[16];
    rs_hex(hex, sizeof hex, e->new_val, 8);
    double w = rs_text_width(&f->p, RS_FONT_VALUE_BOLD, hex) + 18;
    rs_rect box = { x - w / 2, y - 13, w, 26 };
    rs_draw_box(&f->p, box, 8, t->card, t->hue[RS_HUE_STEP].fill, t->line + 0.5, false);
    rs_draw_text(&f->p, RS_FONT_VALUE_BOLD, hex, x, rs_baseline_for(RS_FONT_VALUE_BOLD, y), RS_ALIGN_CENTER,
                 t->hue[RS_HUE_STEP].text, 0);
  }
}

/* ---- the frame -------------------------------------------------------- */

static bool frame_build(rs_frame *f, const rs_view_input *in, double w, double h) {
  f->in = in;
  f->progress = in->progress < 0 ? 0 : in->progress > 1 ? 1 : in->progress;
  f->p.theme = rs_theme_get(in->theme);
  layout_design(w, h, has_console(in), &f->layout);
  f->narrow = f->layout.narrow;
  if (!rs_beats_init(&f->beats, in->step)) return false;
  if (!rs_code_model_build(in, &f->code)) return false;
  rs_cpu_model_build(in, &f->beats, &f->cpu);
  rs_stack_models_build(in, &f->beats, &f->stacks[RS_STACK_USER], &f->stacks[RS_STACK_KERNEL]);
  rs_idt_model_build(in, &f->beats, &f->idt);
  f->esp_now = rs_beats_loc_value(&f->beats, RS_LOC_ESP, f->progress,
                                  rs_machine_cpu_const(rs_session_machine(in->session))->gpr[RS_ESP]);
  return true;
}

static double now_ms(void) {
  struct timespec ts;
  clock_gettime(CLOCK_MONOTONIC, &ts);
  return (double)ts.tv_sec * 1e3 + (double)ts.tv_nsec / 1e6;
}

void rs_view_draw(cairo_t *cr, double w, double h, const rs_view_input *in) {
  if (!in || !in->session || w <= 0 || h <= 0) return;
  double z = zoom_of(in);
  rs_view_cache *own = in->cache ? NULL : rs_view_cache_new();
  rs_view_cache *cache = in->cache ? in->cache : own;
  rs_frame *f = calloc(1, sizeof *f);
  if (!cache || !f) goto done;
  cairo_save(cr);
  cairo_rectangle(cr, 0, 0, w, h);
  cairo_clip(cr);
  cairo_scale(cr, z, z);
  f->p.cr = cr;
  f->p.text = cache->text;
  rs_text_cache_begin(cache->text, cr);
  double t = in->timings ? now_ms() : 0;
/* Runs `call`, adding its time to `part` when timings are wanted. */
#define TIMED(part, call)                            \
  do {                                               \
    call;                                            \
    if (in->timings) {                               \
      double t1_ = now_ms();                         \
      in->timings->ms[part] += t1_ - t;              \
      t = t1_;                                       \
    }                                                \
  } while (0)
  bool built;
  TIMED(RS_PART_MODELS, if ((built = frame_build(f, in, w / z, h / z))) {
    rs_set_color(cr, f->p.theme->window);
    cairo_paint(cr);
  });
  if (built) {
    TIMED(RS_PART_CODE, rs_code_view_paint(f));
    TIMED(RS_PART_CPU, rs_cpu_view_paint(f));
    TIMED(RS_PART_STACKS, rs_stack_view_paint(f, RS_STACK_USER); rs_stack_view_paint(f, RS_STACK_KERNEL));
    TIMED(RS_PART_IDT, rs_idt_view_paint(f));
    TIMED(RS_PART_TSS, rs_tss_view_paint(f));
    TIMED(RS_PART_NARRATION, rs_narration_view_paint(f));
    TIMED(RS_PART_CONSOLE, if (f->layout.show_console) rs_console_view_paint(f));
    TIMED(RS_PART_TIMELINE, rs_timeline_view_paint(f));
    TIMED(RS_PART_OVERLAYS, link_arrow(f); idt_arrow(f); esp_marker(f); flights(f));
  }
#undef TIMED
  rs_text_cache_end(cache->text);
  cairo_restore(cr);
done:
  if (f) {
    rs_code_model_free(&f->code);
    rs_beats_free(&f->beats);
  }
  free(f);
  rs_view_cache_free(own);
}

/* ---- timeline and timing ---------------------------------------------- */

bool rs_view_timeline_hit(const rs_view_layout *l, const rs_view_input *in, double x, double y, uint64_t *step) {
  double z = zoom_of(in);
  size_t n;
  rs_session_timeline(in->session, &n);
  rs_timeline_geom g;
  rs_timeline_geom_compute(scale_rect(l->timeline, 1 / z), n, &g);
  return rs_timeline_position_at(&g, x / z, y / z, step);
}

void rs_view_timeline_tooltip(const rs_view_input *in, uint64_t step, char *buf, size_t len) {
  char what[96];
  if (!len) return;
  if (step == 0) {
    snprintf(buf, len, "start");
    return;
  }
  rs_describe_step(in->session, (size_t)step - 1, what, sizeof what);
  snprintf(buf, len, "%llu · %s", (unsigned long long)step, what);
}

double rs_view_step_duration(const rs_step_record *step) {
  if (!step) return 0;
  switch ((rs_step_kind)step->kind) {
  case RS_STEP_INTERRUPT:
  case RS_STEP_SOFTWARE_INTERRUPT:
  case RS_STEP_EXCEPTION: return 1.5;
  case RS_STEP_SHUTDOWN:
  case RS_STEP_IDLE: return 0.6;
  case RS_STEP_INSTRUCTION:
  case RS_STEP_NKINDS: break;
  }
  if (step->cpl_before != step->cpl_after) return 1.5; /* iret to another level */
  /* Longer for steps with many stack words to watch (pushal, popal, iret). */
  unsigned moves = 0;
  for (uint32_t i = 0; i < step->n_effects; i++)
    if (step->effects[i].kind == RS_EFF_MEM || step->effects[i].kind == RS_EFF_READ) moves++;
  return moves > 2 ? fmin(1.2, 0.6 + 0.07 * moves) : 0.6;
}
