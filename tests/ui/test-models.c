/* The views' models as numbers and strings, on a fixture whose addresses
 * are the mockup's: main pushes fname and calls open, whose stub runs
 * int $0x40 at 0x08048025; the gate (trap, DPL 3) is at 0xc0104200 and
 * leads to syscall_entry at 0xc0101000; ESP0 = 0xc0108000. */
#include <glib.h>
#include <string.h>

#include "beats.h"
#include "code-model.h"
#include "cpu-model.h"
#include "describe.h"
#include "idt-model.h"
#include "stack-model.h"
#include "timeline-model.h"
#include "ui-fixture.h"

#define FIXTURE "tests/ui/data/open-int40.json"
/* Positions in the fixture's run. */
#define POS_INT 4        /* int $0x40 ran (raised vector 64) */
#define POS_DELIVERED 5  /* vector 64 delivered */
#define POS_PUSHAL 7     /* pushl $0 and pushal ran */

typedef struct models {
  ui_fixture f;
  rs_beats b;
  rs_stack_model user, kernel;
} models;

static void setup(models *m, uint64_t pos) {
  g_assert_true(ui_fixture_open(&m->f, FIXTURE));
  ui_fixture_seek(&m->f, pos);
  g_assert_true(rs_beats_init(&m->b, m->f.in.step));
  rs_stack_models_build(&m->f.in, &m->b, &m->user, &m->kernel);
}

static void teardown(models *m) {
  rs_beats_free(&m->b);
  ui_fixture_close(&m->f);
}

static void check_word(const rs_stack_word *w, uint32_t addr, uint32_t value, const char *what, const char *by) {
  g_assert_cmphex(w->addr, ==, addr);
  g_assert_cmphex(w->value, ==, value);
  g_assert_cmpstr(w->what, ==, what);
  g_assert_cmpstr(w->by, ==, by);
}

static void test_stack_delivery(void) {
  models *m = g_new0(models, 1);
  setup(m, POS_DELIVERED);
  const rs_stack_model *k = &m->kernel, *u = &m->user;
  g_assert_true(k->present);
  g_assert_cmphex(k->top, ==, 0xc0108000);
  g_assert_cmpstr(k->top_label, ==, "ESP0");
  g_assert_cmpstr(k->subtitle, ==, "TSS.ESP0 = 0xc0108000");
  g_assert_true(k->has_esp && k->esp_live);
  g_assert_cmphex(k->esp, ==, 0xc0107fec);
  g_assert_cmpuint(k->n_in_use, ==, 5);
  g_assert_cmpuint(k->n, ==, 5);
  check_word(&k->words[0], 0xc0107ffc, 0x23, "saved SS", "pushed by CPU");
  check_word(&k->words[1], 0xc0107ff8, 0xbfffefec, "saved ESP", "pushed by CPU");
  check_word(&k->words[2], 0xc0107ff4, 0x202, "saved EFLAGS", "pushed by CPU");
  check_word(&k->words[3], 0xc0107ff0, 0x1b, "saved CS", "pushed by CPU");
  check_word(&k->words[4], 0xc0107fec, 0x08048027, "saved EIP", "pushed by CPU");
  for (int i = 0; i < 5; i++) {
    g_assert_true(k->words[i].written && k->words[i].pushed && !k->words[i].popped);
    g_assert_cmpint(k->words[i].group, ==, RS_GROUP_FRAME);
  }
  /* A value is coloured by what it points to: user selectors and the user
   * addresses blue, EFLAGS plain. */
  g_assert_cmpint(k->words[0].hue, ==, RS_HUE_USER);
  g_assert_cmpint(k->words[1].hue, ==, RS_HUE_USER);
  g_assert_cmpint(k->words[2].hue, ==, RS_HUE_NONE);
  g_assert_cmpint(k->words[4].hue, ==, RS_HUE_USER);
  g_assert_cmpint(k->link, ==, 1);
  g_assert_cmphex(k->link_value, ==, 0xbfffefec);
  g_assert_cmpstr(k->free_text, ==, "next: pushl $0");
  g_assert_cmpstr(k->note_title, ==, "Why a second stack?");

  /* The user stack is seen through the saved ESP. */
  g_assert_true(u->present && u->has_esp && !u->esp_live && u->esp_in_kernel_frame);
  g_assert_cmphex(u->top, ==, 0xbffff000);
  g_assert_cmphex(u->esp, ==, 0xbfffefec);
  g_assert_cmpuint(u->n_in_use, ==, 5);
  for (int i = 0; i < 3; i++) g_assert_true(u->words[i].startup);
  check_word(&u->words[3], 0xbfffeff0, 0x08048028, "argument: fname", "pushed by main");
  check_word(&u->words[4], 0xbfffefec, 0x0804800a, "return to main", "pushed by call open");
  g_assert_false(u->words[4].written);
  g_assert_cmpstr(u->note_title, ==, "Untouched by this step");

  /* Layout: the start-up words fold into one row, every slot fits the
   * mockup's card, and the saved ESP lines up with the slot it points to. */
  rs_stack_layout *lu = g_new0(rs_stack_layout, 1), *lk = g_new0(rs_stack_layout, 1);
  rs_stack_layout_compute(u, 457, lu);
  rs_stack_layout_compute(k, 457, lk);
  g_assert_cmpint(lu->rows[0].kind, ==, RS_ROW_TOP);
  g_assert_cmpint(lu->rows[1].kind, ==, RS_ROW_FOLD);
  g_assert_cmpint(lu->rows[1].count, ==, 3);
  g_assert_cmpstr(lu->rows[1].label, ==, "3 start-up words");
  g_assert_cmpint(lk->rows[1].kind, ==, RS_ROW_GROUP);
  g_assert_cmpstr(lk->rows[1].label, ==, "interrupt frame");
  int ru = rs_stack_layout_row_of(u, lu, 0xbfffefec), rk = rs_stack_layout_row_of(k, lk, 0xc0107ff8);
  g_assert_cmpint(lu->rows[ru].kind, ==, RS_ROW_WORD);
  g_assert_cmpint(lk->rows[rk].kind, ==, RS_ROW_WORD);
  g_assert_cmpfloat(lu->rows[ru].y, ==, lk->rows[rk].y);
  g_assert_cmpfloat(rs_stack_layout_esp_y(k, lk, 0xc0107fec), ==, lk->rows[6].y + RS_SLOT_H / 2 - RS_ESP_ADDR_DY);
  g_assert_cmpint(lk->rows[lk->n - 1].kind, ==, RS_ROW_FREE);
  /* At 1024 x 768 the kernel card still shows the whole frame, in 56 px
   * slots (rows start 58 px under the card's top, 10 px margin). */
  rs_view_layout vl;
  rs_view_layout_compute(1024, 721, &m->f.in, &vl);
  g_assert_true(vl.narrow);
  rs_stack_layout_compute(k, vl.kernel_stack.h - 68, lk);
  int slots = 0;
  for (size_t r = 0; r < lk->n; r++) slots += lk->rows[r].kind == RS_ROW_WORD;
  g_assert_cmpint(slots, ==, 5);
  g_free(lu);
  g_free(lk);
  teardown(m);
  g_free(m);
}

static void test_stack_pushal(void) {
  models *m = g_new0(models, 1);
  setup(m, POS_PUSHAL);
  const rs_stack_model *k = &m->kernel;
  g_assert_cmphex(k->esp, ==, 0xc0107fc8);
  g_assert_cmpuint(k->n_in_use, ==, 14);
  check_word(&k->words[5], 0xc0107fe8, 0, "$0", "pushed by pushl $0");
  g_assert_false(k->words[5].written);
  static const char *const regs[] = { "EAX", "ECX", "EDX", "EBX", "ESP before pushal", "EBP", "ESI", "EDI" };
  for (int i = 0; i < 8; i++) {
    const rs_stack_word *w = &k->words[6 + i];
    g_assert_cmphex(w->addr, ==, 0xc0107fe4 - 4 * (uint32_t)i);
    g_assert_cmpstr(w->what, ==, regs[i]);
    g_assert_cmpstr(w->by, ==, "pushed by pushal");
    g_assert_true(w->written);
  }
  g_assert_cmphex(k->words[6].value, ==, 15);          /* EAX = SYS_open */
  g_assert_cmphex(k->words[10].value, ==, 0xc0107fe8); /* ESP before pushal */
  g_assert_cmpint(k->words[10].hue, ==, RS_HUE_KERNEL);
  g_assert_cmpint(k->link, ==, 1);                     /* still the frame's saved ESP */

  /* 14 words do not fit in 473 px: ESP's word and the words this step
   * pushed nearest to it keep their slots, the rest fold into one row. */
  rs_stack_layout *l = g_new0(rs_stack_layout, 1);
  rs_stack_layout_compute(k, 473, l);
  g_assert_cmpfloat(l->height, <=, 473);
  int esp_row = rs_stack_layout_row_of(k, l, 0xc0107fc8);
  g_assert_cmpint(l->rows[esp_row].kind, ==, RS_ROW_WORD);
  int words = 0, folded = 0;
  for (size_t r = 0; r < l->n; r++) {
    if (l->rows[r].kind == RS_ROW_WORD) words++;
    if (l->rows[r].kind == RS_ROW_FOLD) folded += l->rows[r].count;
  }
  g_assert_cmpint(words + folded, ==, 14);
  g_assert_cmpint(l->rows[1].kind, ==, RS_ROW_FOLD);
  g_assert_cmpint(l->rows[1].count, ==, 8);
  g_assert_cmpstr(l->rows[1].label, ==, "8 words");
  g_assert_cmpint(words, ==, 6);
  g_free(l);
  teardown(m);
  g_free(m);
}

static void test_stack_iret(void) {
  models *m = g_new0(models, 1);
  g_assert_true(ui_fixture_open(&m->f, FIXTURE));
  uint64_t pos = ui_fixture_find_transfer(&m->f, 0, 0);
  g_assert_cmpuint(pos, >, POS_PUSHAL);
  ui_fixture_close(&m->f);
  setup(m, pos);
  const rs_stack_model *k = &m->kernel, *u = &m->user;
  /* Back in user mode: the kernel stack is empty, with the frame iret
   * popped still shown under ESP0; the user ESP is live again. */
  g_assert_false(k->has_esp);
  g_assert_cmpuint(k->n_in_use, ==, 0);
  g_assert_cmpuint(k->n, ==, 5);
  for (int i = 0; i < 5; i++) g_assert_true(k->words[i].popped);
  g_assert_true(u->has_esp && u->esp_live && !u->esp_in_kernel_frame);
  g_assert_cmphex(u->esp, ==, 0xbfffefec);
  g_assert_cmpstr(u->note_title, ==, "Live again");
  teardown(m);
  g_free(m);
}

static void test_code_delivery(void) {
  models *m = g_new0(models, 1);
  setup(m, POS_DELIVERED);
  rs_code_model c;
  g_assert_true(rs_code_model_build(&m->f.in, &c));
  g_assert_cmpint(c.rows[0].kind, ==, RS_CODE_SECTION);
  g_assert_cmpint(c.rows[0].hue, ==, RS_HUE_USER);
  g_assert_cmphex(c.rows[0].addr, ==, 0x08048000);
  g_assert_cmpint(c.rows[1].kind, ==, RS_CODE_LABEL);
  g_assert_cmpstr(c.rows[1].text, ==, "main");
  g_assert_cmpint(c.rows[2].kind, ==, RS_CODE_LINE);
  g_assert_cmpstr(c.rows[2].text, ==, "pushl $fname");
  for (size_t i = 0; i < c.n; i++) g_assert_null(strstr(c.rows[i].text, ".align"));
  g_assert_cmpint(c.just_ran, >=, 0);
  g_assert_cmphex(c.rows[c.just_ran].addr, ==, 0x08048025);
  g_assert_cmpstr(c.rows[c.just_ran].text, ==, "int   $0x40");
  g_assert_cmpstr(c.just_ran_tag, ==, "just ran");
  g_assert_cmphex(c.rows[c.next].addr, ==, 0xc0101000);
  g_assert_cmpstr(c.rows[c.next].text, ==, "pushl $0");
  g_assert_cmpint(c.rows[c.next].hue, ==, RS_HUE_KERNEL);
  g_assert_cmpint(c.next_hue, ==, RS_HUE_KERNEL);
  g_assert_cmpstr(c.next_tag, ==, "EIP · next");
  g_assert_cmpint(c.next_before, ==, c.just_ran);
  g_assert_cmpint(c.handler, ==, c.next - 1);
  g_assert_cmpstr(c.rows[c.handler].text, ==, "syscall_entry");
  g_assert_cmpuint(c.vector, ==, 64);
  /* The kernel section starts with its header. */
  g_assert_cmpint(c.rows[c.handler - 1].kind, ==, RS_CODE_SECTION);
  g_assert_cmpint(c.rows[c.handler - 1].hue, ==, RS_HUE_KERNEL);
  /* Scrolled to show both marked rows. */
  double view = 300, s = rs_code_model_scroll(&c, view);
  g_assert_cmpfloat(c.rows[c.just_ran].y, >=, s);
  g_assert_cmpfloat(c.rows[c.next].y + RS_CODE_ROW_H, <=, s + view);
  g_assert_cmpfloat(rs_code_model_scroll(&c, c.height + 10), ==, 0);
  rs_code_model_free(&c);
  teardown(m);
  g_free(m);
}

static void test_code_raise(void) {
  models *m = g_new0(models, 1);
  setup(m, POS_INT);
  rs_code_model c;
  g_assert_true(rs_code_model_build(&m->f.in, &c));
  /* int ran and raised: EIP still on it, and a delivery comes next. */
  g_assert_cmpint(c.just_ran, ==, c.next);
  g_assert_cmpstr(c.next_tag, ==, "EIP · delivery next");
  g_assert_cmpint(c.handler, ==, -1);
  rs_code_model_free(&c);
  teardown(m);
  g_free(m);
}

static void test_idt_delivery(void) {
  models *m = g_new0(models, 1);
  setup(m, POS_DELIVERED);
  rs_idt_model *i = g_new0(rs_idt_model, 1);
  rs_idt_model_build(&m->f.in, &m->b, i);
  g_assert_cmphex(i->base, ==, 0xc0104000);
  static const unsigned vectors[] = { 0, 13, 14, 32, 64 };
  g_assert_cmpuint(i->n, ==, 5);
  for (size_t k = 0; k < 5; k++) g_assert_cmpuint(i->rows[k].vector, ==, vectors[k]);
  g_assert_cmpstr(i->rows[0].name, ==, "#DE");
  g_assert_cmpstr(i->rows[0].handler_label, ==, "divide_error");
  g_assert_false(i->rows[0].trap);
  g_assert_cmpint(i->used, ==, 4);
  const rs_idt_row *r = &i->rows[4];
  g_assert_true(r->used && r->present && r->trap);
  g_assert_cmpuint(r->dpl, ==, 3);
  g_assert_cmpstr(r->name, ==, "syscall");
  g_assert_cmpstr(r->handler_label, ==, "syscall_entry");
  g_assert_cmphex(r->handler, ==, 0xc0101000);
  g_assert_true(i->lookup);
  g_assert_cmpuint(i->vector, ==, 64);
  g_assert_cmphex(i->gate_addr, ==, 0xc0104200);
  g_assert_true(i->dpl_checked && i->dpl_ok);
  g_assert_cmpuint(i->cpl, ==, 3);
  g_assert_cmpuint(i->dpl, ==, 3);
  g_assert_cmpuint(i->tr, ==, 0x28);
  g_assert_cmphex(i->esp0, ==, 0xc0108000);
  g_assert_cmphex(i->ss0, ==, 0x10);
  g_assert_cmpint(i->esp0_effect, >=, 0);
  g_assert_cmpint(i->ss0_effect, >=, 0);
  /* Fewer rows than gates: a window that keeps the used one. */
  int vis[RS_IDT_MAX_ROWS];
  g_assert_cmpuint(rs_idt_model_visible(i, 2, vis), ==, 2);
  g_assert_cmpint(vis[0], ==, 3);
  g_assert_cmpint(vis[1], ==, 4);
  g_free(i);
  teardown(m);
  g_free(m);
}

static void test_cpu_delivery(void) {
  models *m = g_new0(models, 1);
  setup(m, POS_DELIVERED);
  rs_cpu_model c;
  rs_cpu_model_build(&m->f.in, &m->b, &c);
  g_assert_cmpuint(c.cpl_before, ==, 3);
  g_assert_cmpuint(c.cpl, ==, 0);
  g_assert_cmpint(c.cs_effect, >=, 0);
  static const struct {
    rs_cpu_row row;
    uint32_t old, value;
    rs_hue hue;
  } changed[] = {
    { RS_CPU_ESP, 0xbfffefec, 0xc0107fec, RS_HUE_KERNEL },
    { RS_CPU_EIP, 0x08048025, 0xc0101000, RS_HUE_KERNEL },
    { RS_CPU_CS, 0x1b, 0x08, RS_HUE_KERNEL },
    { RS_CPU_SS, 0x23, 0x10, RS_HUE_KERNEL },
  };
  for (size_t k = 0; k < G_N_ELEMENTS(changed); k++) {
    const rs_cpu_reg *r = &c.regs[changed[k].row];
    g_assert_true(r->changed);
    g_assert_cmphex(r->old, ==, changed[k].old);
    g_assert_cmphex(r->value, ==, changed[k].value);
    g_assert_cmpint(r->hue, ==, changed[k].hue);
    /* The old values were user ones: blue while they are shown. */
    g_assert_cmpint(rs_cpu_model_hue(rs_session_scenario(m->f.session), changed[k].row, r->old), ==, RS_HUE_USER);
  }
  g_assert_cmpuint(c.regs[RS_CPU_CS].digits, ==, 4);
  g_assert_false(c.regs[RS_CPU_EAX].changed);
  g_assert_cmphex(c.regs[RS_CPU_EAX].value, ==, 15);
  g_assert_false(c.regs[RS_CPU_EFLAGS].changed); /* a trap gate leaves IF */
  g_assert_true(c.flags[5].set);                 /* IF */
  g_assert_cmpstr(c.flags[5].name, ==, "IF");
  /* Laid out in the mockup's card: every wanted row fits, changed rows
   * are taller (they carry "was …"). */
  rs_cpu_model_layout(&c, 525);
  g_assert_false(c.compact);
  g_assert_cmpfloat(c.height, <=, 525);
  g_assert_cmpfloat(c.regs[RS_CPU_ESP].h, ==, RS_CPU_CHANGED_H);
  g_assert_cmpfloat(c.regs[RS_CPU_EAX].h, ==, RS_CPU_ROW_H);
  g_assert_cmpfloat(c.regs[RS_CPU_EIP].y, ==, c.regs[RS_CPU_ESP].y + RS_CPU_CHANGED_H);
  rs_cpu_model_layout(&c, 470);
  g_assert_true(c.compact);
  g_assert_cmpfloat(c.height, <=, 470);
  /* Tall cards show the optional rows too. */
  rs_cpu_model_layout(&c, 900);
  g_assert_true(c.regs[RS_CPU_DS].shown && c.regs[RS_CPU_TR].shown);
  teardown(m);
  g_free(m);
}

static void test_beats(void) {
  models *m = g_new0(models, 1);
  setup(m, POS_DELIVERED);
  const rs_step_record *st = m->f.in.step;
  const rs_beats *b = &m->b;
  g_assert_cmpuint(b->n, ==, st->n_effects);
  for (uint32_t i = 0; i < b->n; i++) {
    g_assert_cmpfloat(b->span[i][0], >=, 0);
    g_assert_cmpfloat(b->span[i][1], <=, 1.0001);
    g_assert_cmpfloat(b->span[i][0], <=, b->span[i][1]);
    if (i) g_assert_cmpfloat(b->span[i][0], >=, b->span[i - 1][0]);
  }
  /* The gate is read first, the pushes follow in order, CS:EIP last. */
  int idt = rs_beats_find(b, RS_EFF_IDT_READ, RS_WHY_NONE);
  int ss = rs_beats_find(b, RS_EFF_MEM, RS_WHY_FRAME_SS), eip = rs_beats_find(b, RS_EFF_MEM, RS_WHY_FRAME_EIP);
  int cs = rs_beats_last_reg(b, RS_LOC_CS);
  g_assert_cmpfloat(b->span[idt][1], <=, b->span[ss][0]);
  g_assert_cmpfloat(b->span[ss][1], <=, b->span[eip][0]);
  g_assert_cmpfloat(b->span[eip][1], <=, b->span[cs][0]);
  g_assert_cmpfloat(rs_beat(b, (uint32_t)ss, 0), ==, 0);
  g_assert_cmpfloat(rs_beat(b, (uint32_t)ss, 1), ==, 1);
  /* ESP: the user value before, each push's value in its beat, the final
   * one at the end. */
  g_assert_cmphex(rs_beats_loc_value(b, RS_LOC_ESP, 0, 0xc0107fec), ==, 0xbfffefec);
  g_assert_cmphex(rs_beats_loc_value(b, RS_LOC_ESP, b->span[ss][1], 0xc0107fec), ==, 0xc0107ffc);
  g_assert_cmphex(rs_beats_loc_value(b, RS_LOC_ESP, 1, 0xc0107fec), ==, 0xc0107fec);
  g_assert_cmpfloat(rs_view_step_duration(st), ==, 1.5);
  g_assert_cmpfloat(rs_view_step_duration(NULL), ==, 0);
  teardown(m);
  setup(m, 1); /* pushl $fname: a simple step */
  g_assert_cmpfloat(rs_view_step_duration(m->f.in.step), ==, 0.6);
  teardown(m);
  g_free(m);
}

static void test_timeline(void) {
  ui_fixture f;
  g_assert_true(ui_fixture_open(&f, FIXTURE));
  size_t n;
  const rs_step_summary *tl = rs_session_timeline(f.session, &n);
  g_assert_cmpuint(n, >, 10);
  rs_timeline_geom g;
  rs_timeline_geom_compute((rs_rect){ 0, 679, 1280, 74 }, n, &g);
  g_assert_cmpfloat(g.track.x, >=, 60);
  g_assert_cmpfloat(g.track.x + g.track.w, <=, g.legend_x);
  uint64_t pos;
  double x = rs_timeline_tick_x(&g, POS_DELIVERED - 1) + 2;
  g_assert_true(rs_timeline_position_at(&g, x, g.kernel_cy, &pos));
  g_assert_cmpuint(pos, ==, POS_DELIVERED);
  g_assert_false(rs_timeline_position_at(&g, x, g.bar.y - 30, &pos));
  g_assert_false(rs_timeline_position_at(&g, 10, g.kernel_cy, &pos));
  g_assert_true(rs_timeline_position_at(&g, g.track.x + g.track.w, g.user_cy, &pos));
  g_assert_cmpuint(pos, ==, n);
  rs_timeline_marker mk[8];
  size_t nm = rs_timeline_markers(f.session, mk, 8);
  g_assert_cmpuint(nm, ==, 2);
  g_assert_cmpuint(mk[0].step, ==, POS_DELIVERED - 1);
  g_assert_true(mk[0].into_kernel);
  g_assert_false(mk[1].into_kernel);
  g_assert_cmpuint(tl[mk[1].step].cpl_after, ==, 3);
  char buf[64];
  rs_describe_step(f.session, POS_DELIVERED - 1, buf, sizeof buf);
  g_assert_cmpstr(buf, ==, "int $0x40");
  rs_view_timeline_tooltip(&f.in, POS_DELIVERED, buf, sizeof buf);
  g_assert_cmpstr(buf, ==, "5 · int $0x40");
  rs_view_timeline_tooltip(&f.in, 2, buf, sizeof buf);
  g_assert_cmpstr(buf, ==, "2 · call open");
  ui_fixture_close(&f);
}

static void test_split_source(void) {
  rs_source_parts p;
  g_assert_true(rs_describe_split_source("main:   pushl $fname   # the argument", &p));
  g_assert_cmpstr(p.label, ==, "main");
  g_assert_cmpstr(p.insn, ==, "pushl $fname");
  g_assert_cmpstr(p.comment, ==, "the argument");
  g_assert_true(rs_describe_split_source("        movl  $SYS_open, 28(%esp)", &p));
  g_assert_cmpstr(p.insn, ==, "movl  $SYS_open,28(%esp)");
  g_assert_cmpstr(p.plain, ==, "movl $SYS_open,28(%esp)");
  g_assert_true(rs_describe_split_source("int $0x40", &p));
  g_assert_cmpstr(p.insn, ==, "int   $0x40");
  g_assert_true(rs_describe_split_source("msg: .asciz \"a # b,  c\"  # text", &p));
  g_assert_cmpstr(p.insn, ==, ".asciz \"a # b,  c\"");
  g_assert_cmpstr(p.comment, ==, "text");
  g_assert_true(rs_describe_split_source("ret", &p));
  g_assert_cmpstr(p.insn, ==, "ret");
  g_assert_false(rs_describe_split_source("syscall_entry:", &p));
  g_assert_cmpstr(p.label, ==, "syscall_entry");
  g_assert_false(rs_describe_split_source("   # only a comment", &p));
  g_assert_false(rs_describe_split_source("", &p));
}

static bool inside(rs_rect r, double w, double h) {
  return r.x >= 0 && r.y >= 0 && r.x + r.w <= w + 1e-9 && r.y + r.h <= h + 1e-9 && r.w > 0 && r.h > 0;
}

static bool overlap(rs_rect a, rs_rect b) {
  return a.w > 0 && b.w > 0 && a.x < b.x + b.w && b.x < a.x + a.w && a.y < b.y + b.h && b.y < a.y + a.h;
}

static void test_layout(void) {
  ui_fixture f;
  g_assert_true(ui_fixture_open(&f, FIXTURE));
  rs_view_layout l;
  /* The mockup's columns at 1280 x 800 minus the 47 px header bar; the
   * narration is 16 px taller than the mockup's (three lines of 18 px). */
  rs_view_layout_compute(1280, 753, &f.in, &l);
  g_assert_false(l.narrow);
  g_assert_cmpfloat(l.code.x, ==, 12);
  g_assert_cmpfloat(l.code.w, ==, 296);
  g_assert_cmpfloat(l.code.h, ==, 525);
  g_assert_cmpfloat(l.cpu.x, ==, 320);
  g_assert_cmpfloat(l.cpu.w, ==, 180);
  g_assert_cmpfloat(l.user_stack.x, ==, 512);
  g_assert_cmpfloat(l.kernel_stack.x, ==, 768);
  g_assert_cmpfloat(l.idt.x, ==, 1024);
  g_assert_cmpfloat(l.narration.y, ==, 549);
  g_assert_cmpfloat(l.narration.h, ==, 120);
  g_assert_cmpfloat(l.timeline.y, ==, 679);
  g_assert_false(l.show_console);
  /* Every size: inside the canvas, no two parts overlapping. */
  static const struct {
    double w, h, zoom;
    bool narrow;
  } sizes[] = { { 1024, 721, 1, true }, { 1280, 753, 1, false }, { 1920, 1033, 1, false },
                { 3840, 2066, 2, false }, { 2048, 1442, 2, true } };
  for (size_t s = 0; s < G_N_ELEMENTS(sizes); s++) {
    f.in.zoom = sizes[s].zoom;
    rs_view_layout_compute(sizes[s].w, sizes[s].h, &f.in, &l);
    g_assert_cmpint(l.narrow, ==, sizes[s].narrow);
    rs_rect parts[] = { l.code, l.cpu, l.user_stack, l.kernel_stack, l.idt, l.tss, l.narration, l.timeline };
    for (size_t i = 0; i < G_N_ELEMENTS(parts); i++) {
      if (l.narrow && parts[i].w == 0) continue; /* the TSS lives in the IDT card */
      g_assert_true(inside(parts[i], sizes[s].w, sizes[s].h));
      for (size_t j = 0; j < i; j++) g_assert_false(overlap(parts[i], parts[j]));
    }
    /* Stacks keep their width for 56 px slots with labels. */
    g_assert_cmpfloat(l.user_stack.w / sizes[s].zoom, >=, 230);
    g_assert_cmpfloat(l.code.w / sizes[s].zoom, >=, 280);
  }
  /* A scenario that printed gets a console under the code. */
  ui_fixture io;
  g_assert_true(ui_fixture_open(&io, "scenarios/syscalls/linux-int80-write.json"));
  ui_fixture_seek(&io, rs_session_length(io.session));
  rs_view_layout_compute(1280, 753, &io.in, &l);
  g_assert_true(l.show_console);
  g_assert_cmpfloat(l.console.x, ==, l.code.x);
  g_assert_cmpfloat(l.console.w, ==, l.code.w);
  g_assert_cmpfloat(l.console.y, >, l.code.y + l.code.h);
  g_assert_cmpfloat(l.console.y + l.console.h, ==, l.cpu.y + l.cpu.h);
  ui_fixture_close(&io);
  /* Zoom 2 on a 4K canvas is the 1920 layout, doubled. */
  rs_view_layout a, b;
  f.in.zoom = 1;
  rs_view_layout_compute(1920, 1033, &f.in, &a);
  f.in.zoom = 2;
  rs_view_layout_compute(3840, 2066, &f.in, &b);
  g_assert_cmpfloat(b.kernel_stack.x, ==, 2 * a.kernel_stack.x);
  g_assert_cmpfloat(b.timeline.h, ==, 2 * a.timeline.h);
  ui_fixture_close(&f);
}

int main(int argc, char **argv) {
  g_test_init(&argc, &argv, NULL);
  g_test_add_func("/ui/stack/delivery", test_stack_delivery);
  g_test_add_func("/ui/stack/pushal", test_stack_pushal);
  g_test_add_func("/ui/stack/iret", test_stack_iret);
  g_test_add_func("/ui/code/delivery", test_code_delivery);
  g_test_add_func("/ui/code/raise", test_code_raise);
  g_test_add_func("/ui/idt/delivery", test_idt_delivery);
  g_test_add_func("/ui/cpu/delivery", test_cpu_delivery);
  g_test_add_func("/ui/beats/delivery", test_beats);
  g_test_add_func("/ui/timeline", test_timeline);
  g_test_add_func("/ui/describe/split-source", test_split_source);
  g_test_add_func("/ui/layout", test_layout);
  return g_test_run();
}
