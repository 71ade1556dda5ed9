/* The IDT card (gates, the lookup worked out) and the TSS card. In the
 * narrow layout the IDT card sits under the others, wide and short: one
 * line per gate, the lookup at its right and the TSS fields at its
 * bottom. */
#include <math.h>
#include <stdio.h>

#include "cards.h"
#include "describe.h"

#define PAD 12.0
#define ROW_PITCH 41.0
#define NARROW_PITCH 25.0
#define LOOKUP_H 98.0
#define LOOKUP_DETAIL_H 150.0 /* with the gate's bytes decoded */

static double idt_beat(const rs_frame *f) {
  return f->idt.idt_effect >= 0 ? rs_beat(&f->beats, (uint32_t)f->idt.idt_effect, f->progress) : 1;
}

/* The gate type chip; solid violet for the gate this step used. */
static void type_chip(const rs_frame *f, const rs_idt_row *r, double cx, double cy, double k) {
  if (!r->present) {
    rs_draw_text(&f->p, RS_FONT_NAME, "—", cx, rs_baseline_for(RS_FONT_NAME, cy), RS_ALIGN_CENTER, f->p.theme->dim, 0);
    return;
  }
  const char *type = r->trap ? "trap" : "interrupt";
  if (r->used && k > 0)
    rs_draw_pill(&f->p, RS_FONT_TAG, type, cx, cy, RS_ALIGN_CENTER, RS_PILL_SOLID, RS_HUE_STEP, k);
  else
    rs_draw_pill(&f->p, RS_FONT_TAG, type, cx, cy, RS_ALIGN_CENTER, RS_PILL_TINT, RS_HUE_NONE, 1);
}

static void used_box(rs_frame *f, rs_rect box, double k) {
  const rs_theme *t = f->p.theme;
  rs_draw_box(&f->p, box, 8, rs_theme_tint(t, RS_HUE_STEP, t->tint_strong * k),
              rs_rgba_fade(t->hue[RS_HUE_STEP].fill, k), t->line, false);
  f->idt_row_cy = box.y + (box.h > 30 ? 16 : box.h / 2);
  f->idt_row_x = box.x;
}

static void paint_row_tall(rs_frame *f, rs_rect card, const rs_idt_row *r, double y) {
  const rs_painter *p = &f->p;
  const rs_theme *t = p->theme;
  double k = r->used ? idt_beat(f) : 0;
  if (r->used) used_box(f, (rs_rect){ card.x + 6, y - 4, card.w - 12, ROW_PITCH - 3 }, k);
  double cy = y + 8;
  rs_rgba vc = r->used && k > 0 ? t->hue[RS_HUE_STEP].text : t->text;
  char vec[8], dpl[4];
  snprintf(vec, sizeof vec, "%u", r->vector);
  snprintf(dpl, sizeof dpl, "%u", r->dpl);
  double name_x = card.x + 51, dpl_x = card.x + card.w - 24, type_x = rs_lerp(name_x, dpl_x, 0.55) + 6;
  rs_draw_text(p, RS_FONT_VEC, vec, card.x + PAD, rs_baseline_for(RS_FONT_VEC, cy), RS_ALIGN_LEFT, vc, 0);
  rs_draw_text(p, RS_FONT_NAME, r->name[0] ? r->name : "—", name_x, rs_baseline_for(RS_FONT_NAME, cy),
               RS_ALIGN_LEFT, r->present ? t->text : t->dim, type_x - name_x - 34);
  type_chip(f, r, type_x, cy, k);
  rs_draw_text(p, RS_FONT_ADDR, r->present ? dpl : "—", dpl_x, rs_baseline_for(RS_FONT_ADDR, cy),
               RS_ALIGN_CENTER, vc, 0);
  char h[64];
  if (r->present)
    snprintf(h, sizeof h, "→ %s", r->handler_label);
  else
    snprintf(h, sizeof h, "not present → #NP");
  rs_hue hh = rs_describe_addr_hue(rs_session_scenario(f->in->session), r->handler);
  rs_draw_text(p, r->present ? RS_FONT_SMALL_MONO : RS_FONT_TAG, h, name_x,
               rs_baseline_for(RS_FONT_SMALL_MONO, cy + 17), RS_ALIGN_LEFT,
               r->present ? t->hue[hh == RS_HUE_NONE ? RS_HUE_KERNEL : hh].text : t->dim,
               card.x + card.w - PAD - name_x);
}

static void paint_row_wide(rs_frame *f, rs_rect area, const rs_idt_row *r, double y) {
  const rs_painter *p = &f->p;
  const rs_theme *t = p->theme;
  double k = r->used ? idt_beat(f) : 0;
  double cy = y + NARROW_PITCH / 2;
  if (r->used) used_box(f, (rs_rect){ area.x - 6, y + 1, area.w + 12, NARROW_PITCH - 2 }, k);
  rs_rgba vc = r->used && k > 0 ? t->hue[RS_HUE_STEP].text : t->text;
  char vec[8], dpl[8];
  snprintf(vec, sizeof vec, "%u", r->vector);
  snprintf(dpl, sizeof dpl, "DPL %u", r->dpl);
  double x = area.x;
  rs_draw_text(p, RS_FONT_VEC, vec, x, rs_baseline_for(RS_FONT_VEC, cy), RS_ALIGN_LEFT, vc, 0);
  x += 32;
  type_chip(f, r, x + 32, cy, k);
  x += 70;
  rs_draw_text(p, RS_FONT_TAG, r->present ? dpl : "", x, rs_baseline_for(RS_FONT_TAG, cy), RS_ALIGN_LEFT, vc, 0);
  x += 42;
  /* The handler, without the arrow the tall card has: room is short. */
  rs_draw_text(p, r->present ? RS_FONT_SMALL_MONO : RS_FONT_TAG, r->present ? r->handler_label : "not present", x,
               rs_baseline_for(RS_FONT_SMALL_MONO, cy), RS_ALIGN_LEFT,
               r->present ? t->hue[RS_HUE_KERNEL].text : t->dim, area.x + area.w - x);
}

static void paint_lookup(const rs_frame *f, rs_rect box, bool detail) {
  const rs_painter *p = &f->p;
  const rs_theme *t = p->theme;
  const rs_idt_model *m = &f->idt;
  double k = rs_ease(idt_beat(f));
  if (k <= 0) return;
  rs_draw_box(p, box, 8, rs_theme_tint(t, RS_HUE_STEP, t->tint * k), t->card, 0, false);
  rs_rgba vi = rs_rgba_fade(t->hue[RS_HUE_STEP].text, k), tx = rs_rgba_fade(t->text, k);
  double x = box.x + 10, y = box.y + 18, w = box.w - 20;
  rs_draw_text(p, RS_FONT_TAG_BOLD, "LOOKUP", x, y, RS_ALIGN_LEFT, vi, 0);
  rs_draw_text(p, RS_FONT_TAG, "this step", box.x + box.w - 10, y, RS_ALIGN_RIGHT, vi, 0);
  char line[64];
  snprintf(line, sizeof line, "IDTR.base + %u×8", m->vector);
  rs_draw_text(p, RS_FONT_SMALL_MONO, line, x, y += 18, RS_ALIGN_LEFT, tx, w);
  snprintf(line, sizeof line, "= 0x%08x + 0x%x", m->base, m->vector * 8);
  rs_draw_text(p, RS_FONT_SMALL_MONO, line, x, y += 16, RS_ALIGN_LEFT, tx, w);
  snprintf(line, sizeof line, "= 0x%08x", m->gate_addr);
  rs_draw_text(p, RS_FONT_SMALL_MONO, line, x, y += 16, RS_ALIGN_LEFT, tx, w);
  if (detail) {
    /* The 8 bytes the CPU read, decoded. */
    uint32_t lo = m->gate_lo, hi = m->gate_hi;
    snprintf(line, sizeof line, "gate: %08x %08x", hi, lo);
    rs_draw_text(p, RS_FONT_SMALL_MONO, line, x, y += 22, RS_ALIGN_LEFT, tx, w);
    snprintf(line, sizeof line, "sel 0x%04x · off 0x%08x", lo >> 16, (lo & 0xffff) | (hi & 0xffff0000u));
    rs_draw_text(p, RS_FONT_SMALL_MONO, line, x, y += 16, RS_ALIGN_LEFT, tx, w);
    unsigned type = (hi >> 8) & 0x1f;
    snprintf(line, sizeof line, "P=%u DPL=%u %s (0x%X)", (hi >> 15) & 1, (hi >> 13) & 3,
             type == 0xf ? "trap" : type == 0xe ? "interrupt" : "type", type);
    rs_draw_text(p, RS_FONT_SMALL_MONO, line, x, y += 16, RS_ALIGN_LEFT, tx, w);
  }
  /* The check, as it plays. */
  double kc = m->check_effect >= 0 ? rs_ease(rs_beat(&f->beats, (uint32_t)m->check_effect, f->progress)) : k;
  bool ok = true;
  if (m->present_failed) {
    snprintf(line, sizeof line, "not present: #NP");
    ok = false;
  } else if (m->dpl_checked) {
    ok = m->dpl_ok;
    snprintf(line, sizeof line, ok ? "CPL %u ≤ DPL %u: allowed" : "CPL %u > DPL %u: #GP", m->cpl, m->dpl);
  } else {
    snprintf(line, sizeof line, "hardware: no DPL check");
  }
  if (kc <= 0) return;
  y += 18;
  rs_rgba c = rs_rgba_fade(t->text, kc);
  if (ok)
    rs_draw_check(p->cr, x + 5, y - 4, 10, c);
  else
    rs_draw_text(p, RS_FONT_TAG_BOLD, "✗", x + 5, y, RS_ALIGN_CENTER, c, 0);
  rs_draw_text(p, RS_FONT_TAG, line, x + 15, y, RS_ALIGN_LEFT, c, w - 15);
}

/* One TSS field: "ESP0 0xc0108000 … read". */
static void tss_field(const rs_frame *f, rs_rect r, const char *name, const char *value, int effect,
                      rs_font value_font) {
  const rs_painter *p = &f->p;
  const rs_theme *t = p->theme;
  double k = effect >= 0 ? rs_ease(rs_beat(&f->beats, (uint32_t)effect, f->progress)) : 0;
  if (k > 0) rs_draw_box(p, r, 6, rs_theme_tint(t, RS_HUE_STEP, t->tint_strong * k), t->card, 0, false);
  double cy = r.y + r.h / 2;
  rs_rgba nc = rs_rgba_mix(t->dim, t->hue[RS_HUE_STEP].text, k);
  double x = r.x + 8;
  x += rs_draw_text(p, RS_FONT_ADDR_BOLD, name, x, rs_baseline_for(RS_FONT_ADDR_BOLD, cy), RS_ALIGN_LEFT, nc, 0);
  rs_draw_text(p, value_font, value, x + 10, rs_baseline_for(value_font, cy), RS_ALIGN_LEFT,
               t->hue[RS_HUE_KERNEL].text, 0);
  if (k > 0)
    rs_draw_text(p, RS_FONT_TAG, "read", r.x + r.w - 8, rs_baseline_for(RS_FONT_TAG, cy), RS_ALIGN_RIGHT,
                 rs_rgba_fade(t->hue[RS_HUE_STEP].text, k), 0);
}

static void paint_tall(rs_frame *f, rs_rect card) {
  const rs_painter *p = &f->p;
  const rs_theme *t = p->theme;
  const rs_idt_model *m = &f->idt;
  char sub[48];
  snprintf(sub, sizeof sub, "IDTR.base = 0x%08x", m->base);
  rs_draw_card_title(p, card, "IDT", sub, true);
  double hy = card.y + 76, name_x = card.x + 51, dpl_x = card.x + card.w - 24;
  rs_draw_text(p, RS_FONT_TAG, "VEC", card.x + PAD, hy, RS_ALIGN_LEFT, t->dim, 0);
  rs_draw_text(p, RS_FONT_TAG, "NAME", name_x, hy, RS_ALIGN_LEFT, t->dim, 0);
  rs_draw_text(p, RS_FONT_TAG, "TYPE", rs_lerp(name_x, dpl_x, 0.55) + 6, hy, RS_ALIGN_CENTER, t->dim, 0);
  rs_draw_text(p, RS_FONT_TAG, "DPL", dpl_x, hy, RS_ALIGN_CENTER, t->dim, 0);
  cairo_rectangle(p->cr, card.x + 8, hy + 6, card.w - 16, 1);
  rs_set_color(p->cr, t->faint);
  cairo_fill(p->cr);
  double top = hy + 18, bottom = card.y + card.h - 8 - (m->lookup ? LOOKUP_H + 8 : 0);
  size_t max = bottom > top ? (size_t)((bottom - top) / ROW_PITCH) : 0;
  int vis[RS_IDT_MAX_ROWS];
  size_t n = rs_idt_model_visible(m, max, vis);
  for (size_t i = 0; i < n; i++) paint_row_tall(f, card, &m->rows[vis[i]], top + ROW_PITCH * (double)i);
  if (m->n == 0)
    rs_draw_text(p, RS_FONT_BODY, "No gate is present.", card.x + PAD, top + 10, RS_ALIGN_LEFT, t->dim, 0);
  /* The lookup right under the rows, with the gate decoded when there
   * is room. */
  double ly = top + ROW_PITCH * (double)n, room = card.y + card.h - 10 - ly;
  bool detail = room >= LOOKUP_DETAIL_H;
  double lh = detail ? LOOKUP_DETAIL_H : LOOKUP_H;
  if (m->lookup) paint_lookup(f, (rs_rect){ card.x + 10, fmin(ly, card.y + card.h - 10 - lh), card.w - 20, lh }, detail);
}

static void paint_wide(rs_frame *f, rs_rect card) {
  const rs_painter *p = &f->p;
  const rs_theme *t = p->theme;
  const rs_idt_model *m = &f->idt;
  rs_draw_text(p, RS_FONT_TITLE, "IDT", card.x + 14, card.y + 24, RS_ALIGN_LEFT, t->text, 0);
  char sub[48];
  snprintf(sub, sizeof sub, "IDTR.base = 0x%08x", m->base);
  rs_draw_text(p, RS_FONT_ADDR, sub, card.x + 50, card.y + 24, RS_ALIGN_LEFT, t->dim, 0);
  double lookup_w = 176;
  rs_rect rows = { card.x + 14, card.y + 34, card.w - 28 - lookup_w - 12, card.h - 34 - 40 };
  size_t max = (size_t)(rows.h / NARROW_PITCH);
  int vis[RS_IDT_MAX_ROWS];
  size_t n = rs_idt_model_visible(m, max, vis);
  for (size_t i = 0; i < n; i++) paint_row_wide(f, rows, &m->rows[vis[i]], rows.y + NARROW_PITCH * (double)i);
  if (m->lookup)
    paint_lookup(f, (rs_rect){ card.x + card.w - 10 - lookup_w, card.y + 10, lookup_w, LOOKUP_H }, false);
  /* The TSS fields along the bottom. */
  double ty = card.y + card.h - 34;
  rs_draw_text(p, RS_FONT_TITLE, "TSS", card.x + 14, rs_baseline_for(RS_FONT_TITLE, ty + 12), RS_ALIGN_LEFT,
               t->text, 0);
  char v[16];
  rs_hex(v, sizeof v, m->ss0, 4);
  double fw = (card.w - 70 - 24) / 2;
  tss_field(f, (rs_rect){ card.x + 60, ty, fw - 40, 24 }, "SS0", v, m->ss0_effect, RS_FONT_ADDR);
  rs_hex(v, sizeof v, m->esp0, 8);
  tss_field(f, (rs_rect){ card.x + 60 + fw - 30, ty, fw + 40, 24 }, "ESP0", v, m->esp0_effect, RS_FONT_ADDR);
}

void rs_idt_view_paint(rs_frame *f) {
  rs_rect card = f->layout.idt;
  rs_draw_card(&f->p, card);
  f->idt_row_cy = -1;
  cairo_save(f->p.cr);
  cairo_rectangle(f->p.cr, card.x, card.y, card.w, card.h);
  cairo_clip(f->p.cr);
  if (f->narrow)
    paint_wide(f, card);
  else
    paint_tall(f, card);
  cairo_restore(f->p.cr);
}

void rs_tss_view_paint(rs_frame *f) {
  rs_rect card = f->layout.tss;
  if (card.w <= 0 || card.h <= 0) return;
  const rs_painter *p = &f->p;
  const rs_theme *t = p->theme;
  const rs_idt_model *m = &f->idt;
  rs_draw_card(p, card);
  rs_draw_text(p, RS_FONT_TITLE, "TSS", card.x + 14, card.y + 26, RS_ALIGN_LEFT, t->text, 0);
  char tr[24], v[16];
  snprintf(tr, sizeof tr, "TR = 0x%04x", m->tr);
  rs_draw_text(p, RS_FONT_ADDR, tr, card.x + card.w - 14, card.y + 26, RS_ALIGN_RIGHT, t->dim, 0);
  double w = card.w - 16;
  rs_hex(v, sizeof v, m->ss0, 4);
  tss_field(f, (rs_rect){ card.x + 8, card.y + 38, w, 24 }, "SS0 ", v, m->ss0_effect, RS_FONT_VALUE);
  rs_hex(v, sizeof v, m->esp0, 8);
  tss_field(f, (rs_rect){ card.x + 8, card.y + 65, w, 24 }, "ESP0", v, m->esp0_effect, RS_FONT_VALUE);
}
