/* The stack models: words with their provenance, and the fitted layout. */
#include "stack-model.h"

#include <ctype.h>
#include <stdio.h>
#include <string.h>

#include "describe.h"

/* ---- which region, which ESP ---------------------------------------- */

/* The first stack region of the given privilege that contains addr, or
 * the first one at all. */
static const rs_region *find_stack(const rs_scenario *s, bool user, uint32_t addr, bool use_addr) {
  const rs_region *first = NULL;
  for (size_t i = 0; i < rs_scenario_region_count(s); i++) {
    const rs_region *r = rs_scenario_region(s, i);
    if (r->kind != RS_REGION_STACK || r->user != user) continue;
    if (!first) first = r;
    if (use_addr && addr - r->base <= r->size) return r;
  }
  return first;
}

bool rs_stack_model_contains(const rs_stack_model *m, uint32_t addr) {
  return m->present && addr >= m->base && addr - m->base <= m->top - m->base;
}

static uint32_t tss_esp0(const rs_machine *mach) {
  const rs_cpu *c = rs_machine_cpu_const(mach);
  uint32_t v = 0;
  rs_machine_peek32(mach, c->tr_cache.base + 4, &v);
  return v;
}

/* ---- words ------------------------------------------------------------ */

/* Mnemonic and operand of the instruction at eip, from the source. */
static void insn_parts(const rs_program *p, uint32_t eip, char *insn, size_t len, char *comment,
                       size_t clen) {
  insn[0] = 0;
  if (comment) comment[0] = 0;
  int block;
  size_t li;
  if (!rs_program_line_at(p, eip, &block, &li)) return;
  const rs_asm_line *l = rs_program_line(p, block, li);
  rs_source_parts parts;
  if (!l || l->addr != eip || !rs_describe_split_source(l->text, &parts)) return;
  snprintf(insn, len, "%s", parts.plain);
  if (comment) snprintf(comment, clen, "%s", parts.comment);
}

/* The mnemonic of an instruction text ("pushal"). */
static void mnemonic_of(const char *insn, char *out, size_t len) {
  size_t n = strcspn(insn, " ");
  if (n >= len) n = len - 1;
  memcpy(out, insn, n);
  out[n] = 0;
}

static const char *frame_what(rs_why w) {
  switch ((unsigned)w) {
  case RS_WHY_FRAME_SS: return "saved SS";
  case RS_WHY_FRAME_ESP: return "saved ESP";
  case RS_WHY_FRAME_EFLAGS: return "saved EFLAGS";
  case RS_WHY_FRAME_CS: return "saved CS";
  case RS_WHY_FRAME_EIP: return "saved EIP";
  case RS_WHY_FRAME_ERROR: return "error code";
  default: return NULL;
  }
}

static const char *pushad_what(rs_why w) {
  switch ((unsigned)w) {
  case RS_WHY_PUSHAD_EAX: return "EAX";
  case RS_WHY_PUSHAD_ECX: return "ECX";
  case RS_WHY_PUSHAD_EDX: return "EDX";
  case RS_WHY_PUSHAD_EBX: return "EBX";
  case RS_WHY_PUSHAD_ESP: return "ESP before pushal";
  case RS_WHY_PUSHAD_EBP: return "EBP";
  case RS_WHY_PUSHAD_ESI: return "ESI";
  case RS_WHY_PUSHAD_EDI: return "EDI";
  default: return NULL;
  }
}

/* What a value pushed by `pushl <operand>` is, from the operand. Returns
 * false for a register ("saved EBP"), true for an immediate or memory. */
static bool push_operand_what(const rs_program *p, const char *insn, uint32_t value, char *out,
                              size_t len) {
  const char *op = strchr(insn, ' ');
  op = op ? op + 1 : "";
  if (op[0] == '%') {
    snprintf(out, len, "saved ");
    size_t at = strlen(out);
    for (const char *q = op + 1; *q && at + 1 < len; q++) out[at++] = (char)toupper((unsigned char)*q);
    out[at] = 0;
    return false;
  }
  uint32_t off = 1;
  const char *label = rs_program_label_for(p, value, &off);
  if (label && off == 0 && op[0] == '$')
    snprintf(out, len, "address of %s", label);
  else
    snprintf(out, len, "%s", op[0] ? op : "value");
  return true;
}

/* Fills what/by/group/hue of one word from its tag. */
static void describe_word(const rs_scenario *s, rs_stack_word *w, bool tagged, rs_word_tag tag) {
  const rs_program *p = rs_scenario_program(s);
  w->why = tagged ? (rs_why)tag.why : RS_WHY_NONE;
  w->startup = !tagged || w->why == RS_WHY_LOAD;
  w->hue = rs_describe_addr_hue(s, w->value);
  if (w->startup) {
    snprintf(w->what, sizeof w->what, "start-up word");
    snprintf(w->by, sizeof w->by, "set by the scenario");
    return;
  }
  char insn[80], comment[96], mn[16];
  insn_parts(p, tag.eip, insn, sizeof insn, comment, sizeof comment);
  mnemonic_of(insn, mn, sizeof mn);
  const char *fw = frame_what(w->why), *pw = pushad_what(w->why);
  if (fw) {
    w->group = RS_GROUP_FRAME;
    snprintf(w->what, sizeof w->what, "%s", fw);
    snprintf(w->by, sizeof w->by, "pushed by CPU");
    if (w->why == RS_WHY_FRAME_SS || w->why == RS_WHY_FRAME_CS)
      w->hue = rs_describe_selector_hue((uint16_t)w->value);
    else if (w->why == RS_WHY_FRAME_EFLAGS || w->why == RS_WHY_FRAME_ERROR)
      w->hue = RS_HUE_NONE;
    return;
  }
  if (pw) {
    w->group = RS_GROUP_PUSHAD;
    snprintf(w->what, sizeof w->what, "%s", pw);
    snprintf(w->by, sizeof w->by, "pushed by %s", mn[0] ? mn : "pushal");
    return;
  }
  switch ((unsigned)w->why) {
  case RS_WHY_CALL_RETURN_ADDR: {
    uint32_t off;
    const char *label = rs_program_label_for(p, w->value, &off);
    snprintf(w->what, sizeof w->what, "return to %s", label ? label : "caller");
    snprintf(w->by, sizeof w->by, "pushed by %s", insn[0] ? insn : "call");
    return;
  }
  case RS_WHY_PUSH: {
    if (comment[0])
      snprintf(w->what, sizeof w->what, "%s", comment);
    else
      w->from_operand = push_operand_what(p, insn, w->value, w->what, sizeof w->what);
    /* Who: the routine ("pushed by main") or the instruction ("pushed by
     * pushl %ds"), whichever is shorter. */
    uint32_t off;
    const char *fn = rs_program_label_for(p, tag.eip, &off);
    const char *who = fn && (!insn[0] || strlen(fn) <= strlen(insn)) ? fn : insn[0] ? insn : "push";
    snprintf(w->by, sizeof w->by, "pushed by %s", who);
    return;
  }
  case RS_WHY_PUSHFD:
    snprintf(w->what, sizeof w->what, "saved EFLAGS");
    snprintf(w->by, sizeof w->by, "pushed by %s", mn[0] ? mn : "pushfl");
    w->hue = RS_HUE_NONE;
    return;
  default:
    snprintf(w->what, sizeof w->what, "%s", comment[0] ? comment : "data");
    snprintf(w->by, sizeof w->by, "written by %s", insn[0] ? insn : "the program");
    return;
  }
}

/* An argument: the word right above a return address, pushed from an
 * immediate or from memory (a pushed register is more likely saved), when
 * the author's comment does not say what it is. */
static void name_arguments(const rs_scenario *s, rs_stack_model *m) {
  const rs_program *p = rs_scenario_program(s);
  for (size_t i = 1; i < m->n_in_use; i++) {
    rs_stack_word *w = &m->words[i - 1];
    if (m->words[i].why != RS_WHY_CALL_RETURN_ADDR || w->why != RS_WHY_PUSH || !w->from_operand) continue;
    uint32_t off = 1;
    const char *label = rs_program_label_for(p, w->value, &off);
    if (label && off == 0)
      snprintf(w->what, sizeof w->what, "argument: %s", label);
    else
      snprintf(w->what, sizeof w->what, "argument: %d", (int)w->value);
  }
}

/* The pop that read word addr in this step, or -1. */
static int pop_of(const rs_step_record *st, uint32_t addr) {
  for (uint32_t i = 0; st && i < st->n_effects; i++) {
    const rs_effect *e = &st->effects[i];
    if (e->kind == RS_EFF_READ && e->addr == addr && rs_why_is_pop((rs_why)e->why)) return (int)i;
  }
  return -1;
}

static void add_word(const rs_view_input *in, const rs_beats *b, rs_stack_model *m, uint32_t addr) {
  const rs_machine *mach = rs_session_machine(in->session);
  rs_stack_word *w = &m->words[m->n++];
  memset(w, 0, sizeof *w);
  w->addr = addr;
  rs_machine_peek32(mach, addr, &w->value);
  rs_word_tag tag;
  bool tagged = rs_machine_word_tag(mach, addr, &tag);
  describe_word(rs_session_scenario(in->session), w, tagged, tag);
  w->effect = rs_beats_last_write(b, addr);
  w->old = w->value;
  if (w->effect >= 0) {
    const rs_effect *e = &in->step->effects[w->effect];
    w->written = true;
    w->pushed = rs_why_is_push((rs_why)e->why);
    if (e->size == 4) w->old = e->old_val;
  }
}

/* Fills the words from top-4 down to `esp`, then the words under it that
 * this step popped. */
static void collect_words(const rs_view_input *in, const rs_beats *b, rs_stack_model *m,
                          uint32_t esp) {
  uint32_t lo = esp < m->base ? m->base : esp;
  if (lo > m->top) lo = m->top;
  uint32_t count = (m->top - lo) / 4;
  if (count > RS_STACK_MAX_WORDS - 16) {
    m->hidden_above = count - (RS_STACK_MAX_WORDS - 16);
    count = RS_STACK_MAX_WORDS - 16;
  }
  for (uint32_t k = count; k > 0; k--) add_word(in, b, m, lo + 4 * (k - 1));
  m->n_in_use = m->n;
  for (uint32_t a = lo - 4; a >= m->base && a < lo && m->n < RS_STACK_MAX_WORDS; a -= 4) {
    int e = pop_of(in->step, a);
    if (e < 0) break;
    add_word(in, b, m, a);
    m->words[m->n - 1].popped = true;
    m->words[m->n - 1].effect = e;
  }
}

/* "next: pushl $0" when the live stack's next instruction pushes. */
static void free_slot_text(const rs_view_input *in, rs_stack_model *m) {
  snprintf(m->free_text, sizeof m->free_text, "free");
  if (!m->esp_live) return;
  const rs_machine *mach = rs_session_machine(in->session);
  if (rs_machine_pending_event(mach)->kind != RS_EV_NONE) return;
  char insn[56];
  const rs_cpu *c = rs_machine_cpu_const(mach);
  if (!rs_describe_insn(rs_scenario_program(rs_session_scenario(in->session)), c->eip, false, insn,
                        sizeof insn))
    return;
  if (strncmp(insn, "push", 4) == 0 || strncmp(insn, "call", 4) == 0)
    snprintf(m->free_text, sizeof m->free_text, "next: %s", insn);
}

static void set_region(rs_stack_model *m, const rs_region *r, bool user) {
  m->user = user;
  m->present = r != NULL;
  if (!r) return;
  m->base = r->base;
  m->top = r->base + r->size;
}

void rs_stack_models_build(const rs_view_input *in, const rs_beats *b, rs_stack_model *user,
                           rs_stack_model *kernel) {
  const rs_scenario *s = rs_session_scenario(in->session);
  const rs_machine *mach = rs_session_machine(in->session);
  const rs_cpu *c = rs_machine_cpu_const(mach);
  uint32_t esp = c->gpr[RS_ESP], esp0 = tss_esp0(mach);
  bool kernel_mode = rs_cpu_cpl(c) == 0;
  memset(user, 0, sizeof *user);
  memset(kernel, 0, sizeof *kernel);
  user->link = kernel->link = -1;

  /* The kernel stack: the one holding the live ESP in kernel mode, else
   * the one under ESP0. Its top is ESP0 when ESP0 lies inside. */
  set_region(kernel, find_stack(s, false, kernel_mode ? esp : esp0 - 1, true), false);
  if (kernel->present) {
    if (esp0 > kernel->base && esp0 <= kernel->top) kernel->top = esp0;
    kernel->top_label = "ESP0";
    snprintf(kernel->subtitle, sizeof kernel->subtitle, "TSS.ESP0 = 0x%08x", esp0);
    kernel->has_esp = kernel_mode && rs_stack_model_contains(kernel, esp);
    kernel->esp = kernel->has_esp ? esp : kernel->top;
    kernel->esp_live = kernel->has_esp;
    collect_words(in, b, kernel, kernel->esp);
  }

  /* The user stack: live ESP in user mode; in kernel mode the ESP the CPU
   * saved in the outermost frame, right under ESP0. */
  uint32_t user_esp = esp;
  bool have_user_esp = !kernel_mode;
  if (kernel_mode && kernel->present) {
    rs_word_tag tag;
    uint32_t saved;
    if (rs_machine_word_tag(mach, kernel->top - 8, &tag) && tag.why == RS_WHY_FRAME_ESP &&
        rs_machine_peek32(mach, kernel->top - 8, &saved)) {
      user_esp = saved;
      have_user_esp = true;
    }
  }
  set_region(user, find_stack(s, true, user_esp, have_user_esp), true);
  if (user->present) {
    user->top_label = "top";
    snprintf(user->subtitle, sizeof user->subtitle, "top = 0x%08x", user->top);
    user->has_esp = have_user_esp && rs_stack_model_contains(user, user_esp);
    user->esp = user->has_esp ? user_esp : user->top;
    user->esp_live = !kernel_mode;
    user->esp_in_kernel_frame = kernel_mode && user->has_esp;
    collect_words(in, b, user, user->esp);
  }

  rs_stack_model *both[2] = { user, kernel };
  for (int k = 0; k < 2; k++) {
    rs_stack_model *m = both[k], *other = both[1 - k];
    if (!m->present) continue;
    name_arguments(s, m);
    free_slot_text(in, m);
    for (size_t i = 0; i < m->n_in_use && m->link < 0; i++) {
      const rs_stack_word *w = &m->words[i];
      if ((w->why == RS_WHY_FRAME_ESP || w->why == RS_WHY_PUSHAD_ESP) &&
          rs_stack_model_contains(other, w->value) && !rs_stack_model_contains(m, w->value)) {
        m->link = (int)i;
        m->link_value = w->value;
      }
    }
  }

  /* Notes. */
  const rs_step_record *st = in->step;
  bool switched = st && rs_beats_find(b, RS_EFF_REG, RS_WHY_STACK_SWITCH_ESP) >= 0;
  bool returned = st && rs_beats_find(b, RS_EFF_REG, RS_WHY_IRET_SS) >= 0;
  if (kernel->present && switched) {
    snprintf(kernel->note_title, sizeof kernel->note_title, "Why a second stack?");
    snprintf(kernel->note, sizeof kernel->note,
             "User ESP can't be trusted, so the CPU loads ESP0 from the TSS.");
  } else if (kernel->present && !kernel_mode) {
    snprintf(kernel->note_title, sizeof kernel->note_title, "Empty in user mode");
    snprintf(kernel->note, sizeof kernel->note,
             "The next interrupt builds its frame under ESP0 = 0x%08x.", kernel->top);
  }
  if (user->present && returned) {
    snprintf(user->note_title, sizeof user->note_title, "Live again");
    snprintf(user->note, sizeof user->note,
             "iret popped the saved SS:ESP, so this stack is the CPU's stack again.");
  } else if (user->present && user->esp_in_kernel_frame) {
    bool touched = false;
    for (size_t i = 0; i < user->n; i++) touched |= user->words[i].written || user->words[i].popped;
    snprintf(user->note_title, sizeof user->note_title,
             touched ? "Written by the kernel" : "Untouched by this step");
    snprintf(user->note, sizeof user->note,
             "The kernel reaches this stack through the saved ESP, 0x%08x.", user->esp);
  }
}

/* ---- layout ----------------------------------------------------------- */

typedef struct fit {
  const rs_stack_model *m;
  bool keep[RS_STACK_MAX_WORDS];
  bool headers;          /* "interrupt frame  new" above new groups */
} fit;

/* True when word i starts a group pushed by this step (it gets a header). */
static bool group_starts(const rs_stack_model *m, size_t i) {
  const rs_stack_word *w = &m->words[i];
  if (w->group == RS_GROUP_NONE || !w->written) return false;
  return i == 0 || m->words[i - 1].group != w->group || !m->words[i - 1].written;
}

static const char *group_name(rs_word_group g) {
  return g == RS_GROUP_FRAME ? "interrupt frame" : g == RS_GROUP_PUSHAD ? "pushal" : "";
}

/* Rows being emitted; with rows NULL they are only measured. */
typedef struct row_sink {
  rs_stack_row *rows;
  size_t n;
  double y;
} row_sink;

static void put(row_sink *s, rs_stack_row_kind kind, int word, int count, double h) {
  if (s->rows && s->n < RS_STACK_MAX_ROWS)
    s->rows[s->n++] = (rs_stack_row){ .kind = kind, .word = word, .count = count, .y = s->y, .h = h };
  s->y += h;
}

/* Emits the rows for the current choice of kept words (into out, or
 * only measured when out is NULL). Returns the height. */
static double emit(const fit *f, rs_stack_layout *out) {
  const rs_stack_model *m = f->m;
  row_sink s = { out ? out->rows : NULL, 0, 0 };
  /* An empty stack's ESP points at the top line: room for its marker. */
  put(&s, RS_ROW_TOP, -1, 0, RS_TOP_H + (m->has_esp && m->esp >= m->top ? RS_ESP_MARK_DY : 0));
  if (m->hidden_above) put(&s, RS_ROW_FOLD, 0, -(int)m->hidden_above, RS_FOLD_H + RS_SLOT_GAP);
  size_t i = 0;
  while (i < m->n) {
    if (f->keep[i]) {
      if (f->headers && group_starts(m, i)) put(&s, RS_ROW_GROUP, (int)i, 0, RS_GROUP_H + RS_SLOT_GAP);
      /* A little space between the live words and the popped ones. */
      if (m->words[i].popped && i == m->n_in_use && i > 0) s.y += 4;
      put(&s, RS_ROW_WORD, (int)i, 0, RS_SLOT_H + RS_SLOT_GAP);
      i++;
      continue;
    }
    size_t j = i;
    while (j < m->n && !f->keep[j] && m->words[j].popped == m->words[i].popped) j++;
    put(&s, RS_ROW_FOLD, (int)i, (int)(j - i), RS_FOLD_H + RS_SLOT_GAP);
    i = j;
  }
  put(&s, RS_ROW_FREE, -1, 0, RS_FREE_H + RS_SLOT_GAP);
  if (out) {
    out->n = s.n;
    out->height = s.y;
  }
  return s.y;
}

/* How much a word deserves a slot of its own: ESP's word, then what the
 * step touched, then a saved ESP that links the stacks, then the rest,
 * each nearest ESP first. -1: never (start-up words fold). */
static int priority(const rs_stack_model *m, size_t i) {
  const rs_stack_word *w = &m->words[i];
  int near = (int)(i < m->n_in_use ? m->n_in_use - i : i - m->n_in_use + 1);
  int p = 1000 - near;
  if (w->startup) return -1;
  if (w->written || w->popped) p += 4000;
  if (m->has_esp && w->addr == m->esp) p += 8000;
  if ((int)i == m->link) p += 2000;
  return p;
}

/* Chooses the words that keep a slot: the best first while they fit,
 * stopping at the first that does not (a less important word squeezed
 * into the room left would split the folds). Returns whether every word
 * the step touched got one. */
static bool choose(fit *f, double avail) {
  const rs_stack_model *m = f->m;
  memset(f->keep, 0, sizeof f->keep);
  /* A lone start-up word gets a slot; runs of them fold. */
  for (size_t i = 0; i < m->n; i++) {
    bool lone = m->words[i].startup && (i == 0 || !m->words[i - 1].startup) &&
                (i + 1 >= m->n || !m->words[i + 1].startup);
    if (lone) f->keep[i] = true;
  }
  int order[RS_STACK_MAX_WORDS];
  size_t n = 0;
  for (size_t i = 0; i < m->n; i++)
    if (!f->keep[i] && priority(m, i) >= 0) order[n++] = (int)i;
  for (size_t a = 1; a < n; a++)
    for (size_t b = a; b > 0 && priority(m, (size_t)order[b - 1]) < priority(m, (size_t)order[b]); b--) {
      int t = order[b];
      order[b] = order[b - 1];
      order[b - 1] = t;
    }
  for (size_t k = 0; k < n; k++) {
    f->keep[order[k]] = true;
    if (emit(f, NULL) > avail) {
      f->keep[order[k]] = false;
      break;
    }
  }
  for (size_t i = 0; i < m->n; i++)
    if ((m->words[i].written || m->words[i].popped) && !f->keep[i]) return false;
  return true;
}

void rs_stack_layout_compute(const rs_stack_model *m, double avail, rs_stack_layout *out) {
  /* Group headers only when they cost no slot to a word the step touched. */
  fit f = { .m = m, .headers = true };
  if (!choose(&f, avail)) {
    f.headers = false;
    choose(&f, avail);
  }
  emit(&f, out);
  for (size_t r = 0; r < out->n; r++) {
    rs_stack_row *row = &out->rows[r];
    if (row->kind == RS_ROW_GROUP) {
      snprintf(row->label, sizeof row->label, "%s", group_name(m->words[row->word].group));
    } else if (row->kind == RS_ROW_FOLD && row->count < 0) {
      snprintf(row->label, sizeof row->label, "%d older words", -row->count);
    } else if (row->kind == RS_ROW_FOLD) {
      bool startup = true;
      rs_word_group g = m->words[row->word].group;
      for (int k = 0; k < row->count; k++) {
        startup &= m->words[row->word + k].startup;
        if (m->words[row->word + k].group != g) g = RS_GROUP_NONE;
      }
      const char *unit = row->count == 1 ? "word" : "words";
      if (row->count == 1 && !startup)
        snprintf(row->label, sizeof row->label, "%s", m->words[row->word].what);
      else if (startup)
        snprintf(row->label, sizeof row->label, "%d start-up %s", row->count, unit);
      else if (g != RS_GROUP_NONE)
        snprintf(row->label, sizeof row->label, "%d %s: %s", row->count, unit, group_name(g));
      else
        snprintf(row->label, sizeof row->label, "%d %s", row->count, unit);
    }
  }
}

int rs_stack_layout_row_of(const rs_stack_model *m, const rs_stack_layout *l, uint32_t addr) {
  for (size_t r = 0; r < l->n; r++) {
    const rs_stack_row *row = &l->rows[r];
    if (row->kind == RS_ROW_WORD && m->words[row->word].addr == addr) return (int)r;
    if (row->kind == RS_ROW_FOLD && row->count > 0)
      for (int k = 0; k < row->count; k++)
        if (m->words[row->word + k].addr == addr) return (int)r;
  }
  return -1;
}

double rs_stack_layout_esp_y(const rs_stack_model *m, const rs_stack_layout *l, uint32_t esp) {
  int r = rs_stack_layout_row_of(m, l, esp);
  if (r >= 0) return l->rows[r].y + (l->rows[r].h - RS_SLOT_GAP) / 2 - RS_ESP_ADDR_DY;
  for (size_t k = 0; k < l->n; k++) {
    const rs_stack_row *row = &l->rows[k];
    if (row->kind == RS_ROW_TOP && esp >= m->top) return row->y + RS_TOP_LINE_Y;
    if (row->kind == RS_ROW_FREE) return row->y + RS_FREE_H / 2;
  }
  return 0;
}
