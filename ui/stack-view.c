/* A stack card. The user stack has its addresses at the left and the
 * kernel stack at the right, so the two face each other across the gap
 * where the saved-ESP arrow runs; one painter draws both, mirrored. */
#include <math.h>
#include <stdio.h>
#include <string.h>

#include "cards.h"
#include "describe.h"

#define PAD 10.0
#define ADDR_W 78.0
#define GROWS_H 20.0

static rs_hue stack_hue(int which) { return which == RS_STACK_USER ? RS_HUE_USER : RS_HUE_KERNEL; }

void rs_draw_esp_pill(const rs_painter *p, const char *label, double x, double cy, int dir,
                      bool solid, rs_hue hue, double alpha) {
  const rs_theme *t = p->theme;
  cairo_t *cr = p->cr;
  double h = 19, point = 8, w = rs_text_width(p, RS_FONT_TAG_BOLD, label) + 20;
  /* Body from the far end to the base of the point, then the point. */
  double tip = x, base = x - dir * point, far = base - dir * w, r = h / 2;
  double lo = fmin(far, base);
  cairo_new_path(cr);
  if (dir > 0) {
    cairo_arc(cr, lo + r, cy, r, RS_PI / 2, 3 * RS_PI / 2);
    cairo_line_to(cr, base, cy - r);
    cairo_line_to(cr, tip, cy);
    cairo_line_to(cr, base, cy + r);
  } else {
    cairo_move_to(cr, tip, cy);
    cairo_line_to(cr, base, cy - r);
    cairo_arc(cr, base + w - r, cy, r, -RS_PI / 2, RS_PI / 2);
    cairo_line_to(cr, base, cy + r);
  }
  cairo_close_path(cr);
  const rs_hue_colors *hc = &t->hue[hue];
  if (solid) {
    rs_set_color(cr, rs_rgba_fade(hc->pill, alpha));
    cairo_fill(cr);
  } else {
    rs_set_color(cr, rs_rgba_fade(t->card, alpha));
    cairo_fill_preserve(cr);
    rs_set_color(cr, rs_rgba_fade(hc->text, alpha));
    cairo_set_line_width(cr, t->line);
    cairo_stroke(cr);
  }
  double cx = lo + w / 2 + (dir > 0 ? 0 : point);
  rs_draw_text(p, RS_FONT_TAG_BOLD, label, cx, rs_baseline_for(RS_FONT_TAG_BOLD, cy), RS_ALIGN_CENTER,
               rs_rgba_fade(solid ? hc->pill_text : hc->text, alpha), 0);
}

static void geometry(rs_frame *f, int which, rs_rect card) {
  rs_stack_geom *g = &f->stack_geom[which];
  g->rows_y = card.y + 58;
  g->slot_w = card.w - ADDR_W - 2 * PAD - 4;
  if (which == RS_STACK_USER) {
    g->slot_x = card.x + card.w - PAD - g->slot_w;
    g->addr_x = g->slot_x - 6;
  } else {
    g->slot_x = card.x + PAD;
    g->addr_x = g->slot_x + g->slot_w + 6;
  }
}

/* An address in the address column, centred on cy. */
static void paint_addr(const rs_frame *f, int which, uint32_t addr, double cy, bool strong) {
  const rs_painter *p = &f->p;
  const rs_stack_geom *g = &f->stack_geom[which];
  char hex[16];
  rs_hex(hex, sizeof hex, addr, 8);
  rs_font font = strong ? RS_FONT_SMALL_MONO_BOLD : RS_FONT_SMALL_MONO;
  rs_align a = which == RS_STACK_USER ? RS_ALIGN_RIGHT : RS_ALIGN_LEFT;
  rs_draw_text(p, font, hex, g->addr_x, rs_baseline_for(font, cy), a,
               strong ? p->theme->text : p->theme->dim, 0);
}

static void paint_word(const rs_frame *f, int which, const rs_stack_word *w, double y) {
  const rs_painter *p = &f->p;
  const rs_theme *t = p->theme;
  const rs_stack_geom *g = &f->stack_geom[which];
  const rs_stack_model *m = &f->stacks[which];
  double k = w->effect >= 0 ? rs_beat(&f->beats, (uint32_t)w->effect, f->progress) : 1;
  rs_rect slot = { g->slot_x, y, g->slot_w, RS_SLOT_H };
  rs_hue sh = stack_hue(which);
  /* The address of the slot ESP points to is bold, and moves up for the
   * ESP marker under it. */
  bool esp = m->has_esp && w->addr == (m->esp_live ? f->esp_now : m->esp);
  paint_addr(f, which, w->addr, slot.y + slot.h / 2 - (esp ? RS_ESP_ADDR_DY : 0), esp);
  if (w->pushed && k < 1) {
    /* Not pushed yet: an empty slot the value flies into. */
    rs_draw_box(p, slot, 8, rs_rgba_fade(t->card, 0), t->faint, 1.2, true);
    return;
  }
  bool popped = w->popped && k > 0;
  double alpha = popped ? 0.55 : 1;
  rs_rgba border = rs_rgba_fade(t->hue[sh].fill, 0.55);
  double line = 1;
  if (w->written || popped) {
    border = rs_rgba_mix(border, t->hue[RS_HUE_STEP].fill, rs_ease(k));
    line = t->line + 0.5;
  }
  rs_draw_box(p, slot, 8, rs_theme_tint(t, sh, popped ? t->tint * 0.5 : t->tint), border, line, popped);
  uint32_t v = (w->written && !w->pushed && k < 0.5) ? w->old : w->value;
  char hex[16];
  rs_hex(hex, sizeof hex, v, 8);
  double x = slot.x + 9, tw = slot.w - 12;
  rs_rgba vc = w->hue == RS_HUE_NONE ? t->text : t->hue[w->hue].text;
  rs_draw_text(p, w->written ? RS_FONT_VALUE_BOLD : RS_FONT_VALUE, hex, x, slot.y + 19, RS_ALIGN_LEFT,
               rs_rgba_fade(vc, alpha), tw);
  rs_draw_text(p, RS_FONT_NAME, w->what, x, slot.y + 35, RS_ALIGN_LEFT, rs_rgba_fade(t->text, alpha), tw);
  char by[80];
  if (popped) {
    char insn[64];
    const rs_program *prog = rs_scenario_program(rs_session_scenario(f->in->session));
    if (!rs_describe_insn(prog, f->in->step->eip, false, insn, sizeof insn)) snprintf(insn, sizeof insn, "this step");
    snprintf(by, sizeof by, "popped by %s", insn);
  }
  rs_draw_text(p, RS_FONT_TAG, popped ? by : w->by, x, slot.y + 50, RS_ALIGN_LEFT,
               rs_rgba_fade(t->dim, alpha), tw);
}

static void paint_row(const rs_frame *f, int which, const rs_stack_row *row) {
  const rs_painter *p = &f->p;
  const rs_theme *t = p->theme;
  const rs_stack_geom *g = &f->stack_geom[which];
  const rs_stack_model *m = &f->stacks[which];
  rs_hue sh = stack_hue(which);
  double y = g->rows_y + row->y;
  switch (row->kind) {
  case RS_ROW_TOP: {
    double ly = y + RS_TOP_LINE_Y;
    cairo_rectangle(p->cr, g->slot_x, ly - 1, g->slot_w, 2);
    rs_set_color(p->cr, t->hue[sh].fill);
    cairo_fill(p->cr);
    double lx = which == RS_STACK_USER ? g->slot_x + g->slot_w : g->slot_x;
    rs_draw_text(p, RS_FONT_TAG_BOLD, m->top_label, lx, ly - 6,
                 which == RS_STACK_USER ? RS_ALIGN_RIGHT : RS_ALIGN_LEFT, t->hue[sh].text, 0);
    paint_addr(f, which, m->top, ly, m->has_esp && (m->esp_live ? f->esp_now : m->esp) >= m->top);
    break;
  }
  case RS_ROW_GROUP: {
    const rs_stack_word *w = &m->words[row->word];
    double k = w->effect >= 0 ? rs_beat(&f->beats, (uint32_t)w->effect, f->progress) : 1;
    if (k <= 0) break;
    rs_rect r = { g->slot_x, y, fmin(g->slot_w, 150), RS_GROUP_H - 2 };
    rs_draw_box(p, r, 6, rs_theme_tint(t, RS_HUE_STEP, t->tint_strong * 1.2 * k), t->card, 0, false);
    double base = rs_baseline_for(RS_FONT_TAG_BOLD, r.y + r.h / 2);
    double x = r.x + 10;
    x += rs_draw_text(p, RS_FONT_TAG_BOLD, row->label, x, base, RS_ALIGN_LEFT,
                      rs_rgba_fade(t->hue[RS_HUE_STEP].text, k), 0);
    rs_draw_text(p, RS_FONT_TAG, "new", x + 6, base, RS_ALIGN_LEFT, rs_rgba_fade(t->hue[RS_HUE_STEP].text, k), 0);
    break;
  }
  case RS_ROW_WORD: paint_word(f, which, &m->words[row->word], y); break;
  case RS_ROW_FOLD: {
    rs_rect r = { g->slot_x, y, g->slot_w, RS_FOLD_H };
    rs_draw_box(p, r, 6, t->faint, t->card, 0, false);
    char label[80];
    snprintf(label, sizeof label, "⋮  %s", row->label);
    rs_draw_text(p, RS_FONT_TAG, label, r.x + 12, rs_baseline_for(RS_FONT_TAG, r.y + r.h / 2), RS_ALIGN_LEFT,
                 t->dim, r.w - 18);
    if (row->count > 0) paint_addr(f, which, m->words[row->word + row->count - 1].addr, r.y + r.h / 2, false);
    break;
  }
  case RS_ROW_FREE: {
    rs_rect r = { g->slot_x, y, g->slot_w, RS_FREE_H };
    rs_draw_box(p, r, 6, rs_rgba_fade(t->card, 0), rs_rgba_fade(t->dim, 0.45), 1.2, true);
    rs_draw_text(p, RS_FONT_TAG, m->free_text, r.x + 12, rs_baseline_for(RS_FONT_TAG, r.y + r.h / 2),
                 RS_ALIGN_LEFT, t->dim, r.w - 18);
    uint32_t lowest = m->n ? m->words[m->n - 1].addr : m->top;
    paint_addr(f, which, lowest - 4, r.y + r.h / 2, false);
    break;
  }
  }
}

/* The note under the slots, if there is room for it; returns its height. */
static double note_height(const rs_frame *f, const rs_stack_model *m, double w) {
  if (!m->note[0]) return 0;
  return 30 + rs_wrapped_height(&f->p, RS_FONT_BODY, m->note, w - 24);
}

static void paint_note(const rs_frame *f, const rs_stack_model *m, rs_rect r) {
  const rs_painter *p = &f->p;
  rs_draw_box(p, r, 8, p->theme->faint, p->theme->card, 0, false);
  rs_draw_text(p, RS_FONT_NAME, m->note_title, r.x + 12, r.y + 20, RS_ALIGN_LEFT, p->theme->text, r.w - 24);
  rs_draw_wrapped(p, RS_FONT_BODY, m->note, r.x + 12, r.y + 26, r.w - 24, p->theme->dim);
}

void rs_stack_view_paint(rs_frame *f, int which) {
  const rs_painter *p = &f->p;
  const rs_theme *t = p->theme;
  rs_rect card = which == RS_STACK_USER ? f->layout.user_stack : f->layout.kernel_stack;
  const rs_stack_model *m = &f->stacks[which];
  rs_stack_geom *g = &f->stack_geom[which];
  rs_draw_card(p, card);
  geometry(f, which, card);
  g->layout.n = 0;
  bool user = which == RS_STACK_USER;
  rs_draw_card_title(p, card, user ? "User stack" : "Kernel stack", m->present ? m->subtitle : NULL, true);
  rs_draw_pill(p, RS_FONT_TAG_BOLD, user ? "ring 3" : "ring 0", card.x + card.w - 12, card.y + 21,
               RS_ALIGN_RIGHT, RS_PILL_TINT, stack_hue(which), 1);
  if (!m->present) {
    rs_draw_text(p, RS_FONT_BODY, "No stack region in this scenario.", card.x + 14, card.y + 76,
                 RS_ALIGN_LEFT, t->dim, card.w - 28);
    return;
  }
  double avail = card.y + card.h - 10 - g->rows_y;
  double nw = card.w - 20, nh = note_height(f, m, nw);
  rs_stack_layout_compute(m, avail, &g->layout);
  bool note = nh > 0 && g->layout.height + nh + 10 <= avail;
  cairo_save(p->cr);
  cairo_rectangle(p->cr, card.x, card.y, card.w, card.h);
  cairo_clip(p->cr);
  for (size_t r = 0; r < g->layout.n; r++) paint_row(f, which, &g->layout.rows[r]);
  if (note) paint_note(f, m, (rs_rect){ card.x + 10, card.y + card.h - 10 - nh, nw, nh });
  if (g->layout.height + GROWS_H + (note ? nh + 10 : 0) <= avail)
    rs_draw_text(p, RS_FONT_TAG, "↓ grows down", g->slot_x + g->slot_w / 2,
                 rs_baseline_for(RS_FONT_TAG, g->rows_y + g->layout.height + GROWS_H / 2 - 4), RS_ALIGN_CENTER,
                 t->dim, 0);
  /* A saved user ESP: an outlined pill, shown once the CPU pushed it. */
  if (m->esp_in_kernel_frame) {
    const rs_stack_model *k = &f->stacks[RS_STACK_KERNEL];
    double a = 1;
    if (k->link >= 0 && k->words[k->link].effect >= 0)
      a = rs_beat(&f->beats, (uint32_t)k->words[k->link].effect, f->progress) >= 1 ? 1 : 0;
    double y;
    if (a > 0 && rs_stack_view_esp_y(f, which, m->esp, &y))
      rs_draw_esp_pill(p, "user ESP", g->slot_x - 3, y + RS_ESP_MARK_DY, 1, false, RS_HUE_USER, a);
  }
  cairo_restore(p->cr);
}

bool rs_stack_view_slot_rect(const rs_frame *f, int which, uint32_t addr, rs_rect *out) {
  const rs_stack_model *m = &f->stacks[which];
  const rs_stack_geom *g = &f->stack_geom[which];
  if (!m->present) return false;
  int r = rs_stack_layout_row_of(m, &g->layout, addr);
  if (r < 0 || g->layout.rows[r].kind != RS_ROW_WORD) return false;
  *out = (rs_rect){ g->slot_x, g->rows_y + g->layout.rows[r].y, g->slot_w, RS_SLOT_H };
  return true;
}

bool rs_stack_view_esp_y(const rs_frame *f, int which, uint32_t esp, double *y) {
  const rs_stack_model *m = &f->stacks[which];
  const rs_stack_geom *g = &f->stack_geom[which];
  if (!m->present || !rs_stack_model_contains(m, esp) || !g->layout.n) return false;
  *y = g->rows_y + rs_stack_layout_esp_y(m, &g->layout, esp);
  return true;
}
