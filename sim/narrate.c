/* Narration: one or two sentences per step, in plain words, from the
 * step's effects (what the CPU read, checked, pushed and changed) or from
 * the scenario author's note for the instruction's label. Terms follow
 * the textbook (OSPP ch. 2) and the SDM: IDT, gate, DPL, CPL, TSS, ESP0,
 * trap frame, error code, IRET. */
#include <ringside/narrate.h>
#include <ringside/disasm.h>
#include <ringside/vectors.h>

#include "insn.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* ---- a small string builder ---- */

typedef struct sb {
  char *s;
  size_t len, cap;
  bool oom;
} sb;

static void sb_add(sb *b, const char *fmt, ...) {
  va_list ap;
  va_start(ap, fmt);
  char tmp[512];
  int n = vsnprintf(tmp, sizeof tmp, fmt, ap);
  va_end(ap);
  if (n < 0) return;
  size_t need = b->len + (size_t)n + 1;
  if (need > b->cap) {
    size_t cap = b->cap ? b->cap * 2 : 256;
    while (cap < need) cap *= 2;
    char *g = realloc(b->s, cap);
    if (!g) {
      b->oom = true;
      return;
    }
    b->s = g;
    b->cap = cap;
  }
  memcpy(b->s + b->len, tmp, (size_t)n < sizeof tmp ? (size_t)n : sizeof tmp - 1);
  b->len += (size_t)n < sizeof tmp ? (size_t)n : sizeof tmp - 1;
  b->s[b->len] = 0;
}

/* Appends text with the markup characters escaped. */
static void sb_text(sb *b, const char *t) {
  for (; *t; t++) {
    switch (*t) {
    case '&': sb_add(b, "&amp;"); break;
    case '<': sb_add(b, "&lt;"); break;
    case '>': sb_add(b, "&gt;"); break;
    default: sb_add(b, "%c", *t); break;
    }
  }
}

/* Appends author text: <b> and </b> pass through, everything else is
 * escaped, so a note can only ever be valid markup. */
static void sb_note(sb *b, const char *t) {
  while (*t) {
    if (!strncmp(t, "<b>", 3) || !strncmp(t, "</b>", 4)) {
      size_t n = t[1] == '/' ? 4 : 3;
      sb_add(b, "%.*s", (int)n, t);
      t += n;
      continue;
    }
    char one[2] = { *t++, 0 };
    sb_text(b, one);
  }
}

static char *sb_take(sb *b) {
  if (b->oom) {
    free(b->s);
    return NULL;
  }
  return b->s ? b->s : strdup("");
}

/* ---- facts gathered from a step's effects ---- */

typedef struct facts {
  const rs_effect *idt, *raise, *gdt_code;
  const rs_effect *tss_esp0;
  const rs_effect *dpl_check, *present_check, *type_check, *limit_check, *code_check;
  const rs_effect *io_check, *priv_check, *double_fault;
  bool stack_switch, if_cleared, timer_fired, irq_lost, event_fired, console, shadow_on;
  bool halted, woke, eoi, iret_outer, nulled_seg;
  unsigned frame_words, console_byte, fired_irq;
  uint32_t new_esp;
} facts;

static void gather(const rs_step_record *r, facts *f) {
  memset(f, 0, sizeof *f);
  for (uint32_t i = 0; i < r->n_effects; i++) {
    const rs_effect *e = &r->effects[i];
    switch (e->why) {
    case RS_WHY_IDT_READ: f->idt = e; break;
    case RS_WHY_GDT_READ: f->gdt_code = e; break;
    case RS_WHY_TSS_READ_ESP0: f->tss_esp0 = e; break;
    case RS_WHY_CHECK_GATE_DPL: f->dpl_check = e; break;
    case RS_WHY_CHECK_GATE_PRESENT: f->present_check = e; break;
    case RS_WHY_CHECK_GATE_TYPE: f->type_check = e; break;
    case RS_WHY_CHECK_IDT_LIMIT: f->limit_check = e; break;
    case RS_WHY_CHECK_CODE_SEGMENT: f->code_check = e; break;
    case RS_WHY_CHECK_IO: f->io_check = e; break;
    case RS_WHY_CHECK_PRIVILEGE: f->priv_check = e; break;
    case RS_WHY_DOUBLE_FAULT: f->double_fault = e; break;
    case RS_WHY_STACK_SWITCH_ESP: f->stack_switch = true; break;
    case RS_WHY_CLEAR_IF: f->if_cleared = true; break;
    case RS_WHY_TIMER_FIRES: f->timer_fired = true; f->fired_irq = 0; break;
    case RS_WHY_EVENT_FIRES:
      if (e->kind == RS_EFF_DEV && e->target == RS_DEV_PIC_IRR) {
        f->event_fired = true;
        f->fired_irq = (unsigned)__builtin_ctz((e->new_val ^ e->old_val) | 0x100);
      }
      break;
    case RS_WHY_IRQ_LOST: f->irq_lost = true; f->fired_irq = e->aux; break;
    case RS_WHY_CONSOLE: f->console = true; f->console_byte = e->new_val; break;
    case RS_WHY_STI_SHADOW: f->shadow_on = true; break;
    case RS_WHY_HLT: f->halted = true; break;
    case RS_WHY_WAKE: f->woke = true; break;
    case RS_WHY_EOI: f->eoi = true; break;
    case RS_WHY_IRET_SS: f->iret_outer = true; break;
    case RS_WHY_IRET_NULL_SEG: f->nulled_seg = true; break;
    case RS_WHY_FRAME_SS: case RS_WHY_FRAME_ESP: case RS_WHY_FRAME_EFLAGS:
    case RS_WHY_FRAME_CS: case RS_WHY_FRAME_EIP: case RS_WHY_FRAME_ERROR:
      if (e->kind == RS_EFF_MEM) f->frame_words++;
      else f->new_esp = e->new_val;
      break;
    default: break;
    }
    if (e->kind == RS_EFF_RAISE) f->raise = e;
  }
}

static const char *ring_word(unsigned cpl) { return cpl == 0 ? "kernel" : cpl == 3 ? "user" : "ring"; }

/* "#GP (General Protection)" */
static void vector_phrase(sb *b, unsigned v) {
  const rs_vector_info *vi = rs_vector_info_of(v);
  if (v < 32) sb_add(b, "<b>%s</b> (%s, vector %u)", vi->mnemonic[0] ? vi->mnemonic : "vector", vi->name, v);
  else sb_add(b, "<b>vector %u</b>", v);
}

static const char *label_for(const rs_scenario *s, uint32_t addr, uint32_t *off) {
  return rs_program_label_for(rs_scenario_program(s), addr, off);
}

static const char *disasm_label(uint32_t addr, uint32_t *offset, void *ud) {
  return label_for(ud, addr, offset);
}

static void insn_text(const rs_scenario *s, const rs_step_record *r, char *buf, size_t len) {
  if (!r->insn_len || !rs_disasm(r->insn, r->insn_len, r->eip, buf, len, disasm_label, (void *)s))
    snprintf(buf, len, "the instruction at 0x%08x", r->eip);
}

/* ---- deliveries ---- */

static void narrate_failed_delivery(sb *b, const rs_step_record *r, const facts *f) {
  unsigned v = r->vector, nv = f->raise ? f->raise->target : 13;
  sb_add(b, "The CPU tried to deliver vector %u", v);
  if (f->limit_check && !(f->limit_check->aux & 1)) {
    sb_add(b, ", but the entry lies beyond the IDT limit,");
  } else if (f->type_check && !(f->type_check->aux & 1)) {
    sb_add(b, ", but IDT entry %u is not an interrupt or trap gate,", v);
  } else if (f->dpl_check && !(f->dpl_check->aux & 1)) {
    sb_add(b, ": the gate's <b>DPL is %u</b> but the <b>int</b> came from <b>ring %u</b>, "
              "so user code may not use it,", f->dpl_check->new_val, f->dpl_check->old_val);
  } else if (f->present_check && !(f->present_check->aux & 1)) {
    sb_add(b, ", but IDT entry %u is <b>not present</b>,", v);
  } else if (f->code_check && !(f->code_check->aux & 1)) {
    sb_add(b, ", but the gate's selector is not a usable code segment,");
  } else {
    sb_add(b, ", but writing the frame on the handler's stack failed,");
  }
  if (!f->raise) {
    sb_add(b, " and a fault during a double fault is a <b>triple fault</b>: the processor shuts down.");
    return;
  }
  sb_add(b, " so it raised ");
  vector_phrase(b, nv);
  if (f->raise->aux & 0x100) sb_add(b, " with error code <b>0x%x</b>", f->raise->new_val);
  if (f->double_fault) sb_add(b, " — a second fault while delivering the first becomes a double fault");
  sb_add(b, ". The saved EIP will point at the instruction that caused it.");
}

static void narrate_delivery(sb *b, const rs_scenario *s, const rs_step_record *r, const facts *f) {
  unsigned v = r->vector;
  if (f->raise || r->kind == RS_STEP_SHUTDOWN) {
    narrate_failed_delivery(b, r, f);
    return;
  }
  if (r->kind == RS_STEP_INTERRUPT) {
    sb_add(b, "The interrupt controller handed <b>IRQ %u</b> to the CPU as vector %u%s. ",
           v >= 32 ? v - 32 : v, v, f->woke ? ", waking it from hlt" : "");
  } else if (r->kind == RS_STEP_EXCEPTION) {
    sb_add(b, "The CPU now delivers ");
    vector_phrase(b, v);
    if (r->has_error) sb_add(b, " with error code <b>0x%x</b>", r->error_code);
    sb_add(b, ". ");
  }
  bool trap = f->idt && ((f->idt->new_val >> 8) & 0xf) == 0xf;
  unsigned dpl = f->idt ? (f->idt->new_val >> 13) & 3 : 0;
  uint32_t off = 0;
  uint32_t handler = f->idt ? (f->idt->old_val & 0xffff) | (f->idt->new_val & 0xffff0000u) : 0;
  const char *hl = label_for(s, handler, &off);
  sb_add(b, "IDT entry %u is %s <b>%s gate</b> (DPL %u", v, trap ? "a" : "an",
         trap ? "trap" : "interrupt", dpl);
  if (f->dpl_check) sb_add(b, ", so %s code may use it", dpl == 3 ? "user" : "only kernel");
  sb_add(b, ")");
  if (hl && off == 0) sb_add(b, " leading to <b>%s</b>", hl);
  if (f->stack_switch) {
    sb_add(b, " in ring %u: the CPU <b>switched to the kernel stack</b> (TSS.ESP0 = 0x%08x), "
              "pushed <b>SS, ESP, EFLAGS, CS and EIP</b>",
           r->cpl_after, f->tss_esp0 ? f->tss_esp0->new_val : 0);
  } else {
    sb_add(b, "; already in ring %u, the CPU <b>stayed on this stack</b>, pushed only "
              "<b>EFLAGS, CS and EIP</b>", r->cpl_before);
  }
  if (r->has_error) sb_add(b, ", then the <b>error code</b>");
  sb_add(b, "%s", f->if_cleared ? ", and <b>cleared IF</b> so no other interrupt can cut in."
                                : "; a trap gate <b>leaves IF as it was</b>.");
}

/* ---- instructions ---- */

static void narrate_raise(sb *b, const rs_scenario *s, const rs_step_record *r, const facts *f,
                          const char *text) {
  unsigned v = f->raise->target;
  unsigned ek = f->raise->aux & 0xff;
  if (ek == RS_EV_SOFT_INT || ek == RS_EV_SOFT_EXCEPTION) {
    sb_add(b, "<b>");
    sb_text(b, text);
    sb_add(b, "</b> asks the CPU for a <b>software interrupt</b> on vector %u. The CPU will save "
              "the address of the next instruction (0x%08x), so the handler's iret resumes after it.",
           v, f->raise->addr);
    return;
  }
  sb_add(b, "<b>");
  sb_text(b, text);
  sb_add(b, "</b> ");
  if (v == 14) {
    uint32_t ec = f->raise->new_val;
    sb_add(b, "%s address that %s: the CPU raises ",
           ec & RS_PFEC_W ? "writes to an" : "reads an",
           !(ec & RS_PFEC_P) ? "is <b>not present</b> in the page tables"
           : (ec & RS_PFEC_U) ? "user code may not touch" : "is read-only");
    vector_phrase(b, v);
    sb_add(b, " with error code <b>0x%x</b> (P=%u W/R=%u U/S=%u).", ec, ec & 1, (ec >> 1) & 1, (ec >> 2) & 1);
  } else if (v == 0) {
    sb_add(b, "divides by zero (or its quotient does not fit): the CPU raises ");
    vector_phrase(b, v);
    sb_add(b, ".");
  } else if (v == 13 && (f->priv_check || f->io_check)) {
    sb_add(b, "is privileged and the CPU runs in <b>ring %u</b>: it raises ", r->cpl_before);
    vector_phrase(b, v);
    sb_add(b, " with error code 0.");
  } else if (v == 6) {
    sb_add(b, "is not an instruction this CPU knows: it raises ");
    vector_phrase(b, v);
    sb_add(b, ".");
  } else {
    sb_add(b, "raises ");
    vector_phrase(b, v);
    if (f->raise->aux & 0x100) sb_add(b, " with error code 0x%x", f->raise->new_val);
    sb_add(b, ".");
  }
  (void)s;
  sb_add(b, " It is a fault: the saved EIP will point at this same instruction, so it can be restarted.");
}

/* The value an effect of kind `kind` and reason `why` wrote or read. */
static const rs_effect *find_effect(const rs_step_record *r, rs_effect_kind kind, int why) {
  for (uint32_t i = 0; i < r->n_effects; i++)
    if (r->effects[i].kind == kind && (why < 0 || r->effects[i].why == why)) return &r->effects[i];
  return NULL;
}

/* The last value written to a register by the step, if any. */
static const rs_effect *reg_effect(const rs_step_record *r, rs_loc loc) {
  const rs_effect *found = NULL;
  for (uint32_t i = 0; i < r->n_effects; i++)
    if (r->effects[i].kind == RS_EFF_REG && r->effects[i].target == loc) found = &r->effects[i];
  return found;
}

/* "0x08048027 (main+13)" or "0x00000005". */
static void value_phrase(sb *b, const rs_scenario *s, uint32_t v) {
  uint32_t off = 0;
  const char *l = v >= 0x1000 ? label_for(s, v, &off) : NULL;
  if (l && off < 0x100) {
    sb_add(b, "0x%08x (", v);
    sb_text(b, l);
    if (off) sb_add(b, "+%u", off);
    sb_add(b, ")");
  } else {
    sb_add(b, "0x%x", v);
  }
}

/* The comment of the source line that assembled the instruction at `addr`
 * ("tell the interrupt controller: done (EOI)"), or NULL. */
static const char *source_comment(const rs_scenario *s, uint32_t addr, size_t *len) {
  int block;
  size_t line;
  const rs_program *p = rs_scenario_program(s);
  if (!rs_program_line_at(p, addr, &block, &line)) return NULL;
  const char *text = rs_program_line(p, block, line)->text, *hash = NULL;
  bool quoted = false;
  for (const char *c = text; *c && !hash; c++) {
    if (*c == '"' && (c == text || c[-1] != '\\')) quoted = !quoted;
    else if (*c == '#' && !quoted) hash = c;
  }
  if (!hash) return NULL;
  hash++;
  while (*hash == ' ' || *hash == '\t') hash++;
  *len = strlen(hash);
  while (*len && (hash[*len - 1] == ' ' || hash[*len - 1] == '\t')) (*len)--;
  return *len ? hash : NULL;
}

static const char *const reg_names[3][8] = {
  { "AL", "CL", "DL", "BL", "AH", "CH", "DH", "BH" },
  { "AX", "CX", "DX", "BX", "SP", "BP", "SI", "DI" },
  { "EAX", "ECX", "EDX", "EBX", "ESP", "EBP", "ESI", "EDI" },
};

/* A generic sentence: the registers and memory the instruction changed. */
static void narrate_changes(sb *b, const rs_step_record *r) {
  rs_insn in;
  if (rs_decode(r->insn, r->insn_len, r->eip, &in) && in.nopnd && in.o[0].kind == RS_OPND_REG &&
      in.o[0].size < 4 && in.op != RS_OP_OUT) {
    /* A byte or word destination: name the part that changed. */
    const rs_effect *e = reg_effect(r, (rs_loc)(RS_LOC_EAX + (in.o[0].size == 1 ? in.o[0].reg & 3 : in.o[0].reg)));
    if (e) {
      unsigned shift = in.o[0].size == 1 && in.o[0].reg >= 4 ? 8 : 0;
      uint32_t mask = in.o[0].size == 1 ? 0xff : 0xffff;
      sb_add(b, " <b>%s</b> becomes 0x%x.", reg_names[in.o[0].size - 1][in.o[0].reg],
             (e->new_val >> shift) & mask);
      return;
    }
  }
  unsigned shown = 0;
  for (uint32_t i = 0; i < r->n_effects && shown < 3; i++) {
    const rs_effect *e = &r->effects[i];
    if (e->kind == RS_EFF_REG && e->target != RS_LOC_EIP && e->target != RS_LOC_EFLAGS &&
        !rs_loc_is_hidden(e->target)) {
      char name[16];
      const char *n = rs_loc_name(e->target);
      size_t k = 0;
      for (; n[k] && k < sizeof name - 1; k++) name[k] = (char)(n[k] >= 'a' && n[k] <= 'z' ? n[k] - 32 : n[k]);
      name[k] = 0;
      sb_add(b, "%s<b>%s</b> becomes 0x%x", shown ? ", " : " ", name, e->new_val);
      shown++;
    } else if (e->kind == RS_EFF_MEM && e->addr != UINT32_MAX) {
      sb_add(b, "%s[0x%08x] becomes 0x%x", shown ? ", " : " ", e->addr, e->new_val);
      shown++;
    }
  }
  sb_add(b, shown ? "." : " nothing changes but EIP, which moves on.");
}

/* Sentences for the instructions every scenario uses, from their effects. */
static bool narrate_known(sb *b, const rs_scenario *s, const rs_step_record *r, const rs_machine *after,
                          const char *text) {
  rs_insn in;
  if (!rs_decode(r->insn, r->insn_len, r->eip, &in)) return false;
  const rs_effect *mem = find_effect(r, RS_EFF_MEM, -1);
  const rs_effect *rd = find_effect(r, RS_EFF_READ, -1);
  uint32_t new_esp = rs_machine_cpu_const(after)->gpr[RS_ESP];
  switch (in.op) {
  case RS_OP_PUSH:
    if (!mem) return false;
    sb_add(b, "<b>push</b> puts ");
    value_phrase(b, s, mem->new_val);
    sb_add(b, " on the stack: ESP goes down by %u to 0x%08x.", in.osize, new_esp);
    return true;
  case RS_OP_POP:
    if (!rd) return false;
    sb_add(b, "<b>pop</b> takes ");
    value_phrase(b, s, rd->new_val);
    sb_add(b, " off the stack into <b>");
    sb_text(b, text + 4);
    sb_add(b, "</b>; ESP goes up by %u.", in.osize);
    return true;
  case RS_OP_PUSHA:
    sb_add(b, "<b>pushal</b> saves all eight general registers on the stack — EAX first, EDI last, "
              "and ESP as it was before the instruction — 32 bytes: ESP is now 0x%08x.", new_esp);
    return true;
  case RS_OP_POPA:
    sb_add(b, "<b>popal</b> restores EDI, ESI, EBP, EBX, EDX, ECX and EAX from the stack and skips the "
              "saved ESP: ESP goes up by 32 to 0x%08x.", new_esp);
    return true;
  case RS_OP_CALL:
    if (!mem) return false;
    sb_add(b, "<b>call</b> pushes the return address ");
    value_phrase(b, s, mem->new_val);
    sb_add(b, " and jumps to ");
    value_phrase(b, s, rs_machine_cpu_const(after)->eip);
    sb_add(b, ".");
    return true;
  case RS_OP_RET:
    if (!rd) return false;
    sb_add(b, "<b>ret</b> pops the return address and continues at ");
    value_phrase(b, s, rd->new_val);
    sb_add(b, ".");
    return true;
  case RS_OP_JMP:
    sb_add(b, "<b>jmp</b> continues at ");
    value_phrase(b, s, rs_machine_cpu_const(after)->eip);
    sb_add(b, ".");
    return true;
  case RS_OP_JCC:
  case RS_OP_JECXZ:
  case RS_OP_LOOP:
    if (rs_machine_cpu_const(after)->eip == r->eip + r->insn_len)
      sb_add(b, "The condition does not hold: <b>no jump</b>, execution falls through.");
    else {
      sb_add(b, "The condition holds: <b>jump</b> to ");
      value_phrase(b, s, rs_machine_cpu_const(after)->eip);
      sb_add(b, ".");
    }
    return true;
  case RS_OP_CMP:
  case RS_OP_TEST: {
    uint32_t f = rs_machine_cpu_const(after)->eflags;
    sb_add(b, "<b>");
    sb_text(b, text);
    sb_add(b, "</b> only sets the flags: ZF=%u CF=%u SF=%u OF=%u, for the conditional jump that follows.",
           (f >> 6) & 1, f & 1, (f >> 7) & 1, (f >> 11) & 1);
    return true;
  }
  case RS_OP_CLI:
    sb_add(b, "<b>cli</b> clears IF: interrupts stay <b>pending</b> until the kernel enables them again.");
    return true;
  case RS_OP_STI:
    sb_add(b, "<b>sti</b> sets IF: interrupts may be delivered again.");
    return true;
  case RS_OP_IRET:
    sb_add(b, "<b>iret</b> popped EIP, CS and EFLAGS and stays in ring %u: execution continues at ",
           r->cpl_after);
    value_phrase(b, s, rs_machine_cpu_const(after)->eip);
    sb_add(b, " and ESP goes up by 12.");
    return true;
  case RS_OP_LODS:
    if (!rd) return false;
    sb_add(b, "<b>lods</b> reads 0x%x from [ESI] into AL/EAX, and ESI moves on.", rd->new_val);
    return true;
  default:
    return false;
  }
}

static void narrate_instruction(sb *b, const rs_scenario *s, const rs_step_record *r,
                                const rs_machine *after, const facts *f) {
  char text[128];
  insn_text(s, r, text, sizeof text);
  if (f->raise) {
    narrate_raise(b, s, r, f, text);
    return;
  }
  uint32_t off = 1;
  const char *label = label_for(s, r->eip, &off);
  const char *note = label && off == 0 ? rs_scenario_note_for_label(s, label) : NULL;
  if (note) {
    sb_note(b, note);
  } else if (r->cpl_after > r->cpl_before) {
    sb_add(b, "<b>iret</b> popped <b>EIP, CS and EFLAGS</b> and, because the saved CS has RPL %u, "
              "also <b>ESP and SS</b>: the CPU is back in <b>%s mode (ring %u)</b> at 0x%08x, on the "
              "interrupted program's stack.",
           r->cpl_after, ring_word(r->cpl_after), r->cpl_after, rs_machine_cpu_const(after)->eip);
  } else if (f->halted) {
    sb_add(b, "<b>hlt</b> stops the CPU until an interrupt arrives; the saved EIP of that interrupt "
              "will be the instruction after hlt.");
  } else if (f->console) {
    char ch = (char)f->console_byte;
    sb_add(b, "The kernel writes the byte 0x%02x", f->console_byte);
    if (ch >= 0x20 && ch < 0x7f) {
      sb_add(b, " (<b>'");
      char one[2] = { ch, 0 };
      sb_text(b, one);
      sb_add(b, "'</b>)");
    }
    sb_add(b, " to the serial port 0x3f8: it appears in the console.");
  } else if (f->eoi) {
    sb_add(b, "The kernel tells the interrupt controller the interrupt is handled (<b>end of "
              "interrupt</b>), so the line can interrupt again.");
  } else {
    if (!narrate_known(b, s, r, after, text)) {
      sb_add(b, "<b>");
      sb_text(b, text);
      sb_add(b, "</b>:");
      narrate_changes(b, r);
    }
    size_t clen;
    const char *comment = source_comment(s, r->eip, &clen);
    if (comment) {
      sb_add(b, " <i>(");
      char buf[256];
      snprintf(buf, sizeof buf, "%.*s", (int)clen, comment);
      sb_text(b, buf);
      sb_add(b, ")</i>");
    }
  }
  if (f->shadow_on) sb_add(b, " Interrupts are enabled, but the CPU takes none before the next "
                              "instruction completes (the STI shadow).");
}

static void narrate_device_news(sb *b, const facts *f) {
  if (f->irq_lost)
    sb_add(b, " Meanwhile IRQ %u fired again while still pending: the controller keeps one request "
              "per line, so this one is <b>lost</b>.", f->fired_irq);
  else if (f->timer_fired)
    sb_add(b, " Meanwhile the <b>timer fired</b>: IRQ 0 is now pending.");
  else if (f->event_fired)
    sb_add(b, " Meanwhile <b>IRQ %u</b> was raised and is now pending.", f->fired_irq);
}

static char *headline(const rs_scenario *s, const rs_step_record *r) {
  sb b = { 0 };
  char text[128];
  switch ((rs_step_kind)r->kind) {
  case RS_STEP_INSTRUCTION: insn_text(s, r, text, sizeof text); sb_text(&b, text); break;
  case RS_STEP_INTERRUPT: sb_add(&b, "IRQ %u · interrupt delivery", r->vector - 32u); break;
  case RS_STEP_SOFTWARE_INTERRUPT: sb_add(&b, "vector %u · software interrupt delivery", r->vector); break;
  case RS_STEP_EXCEPTION: {
    const rs_vector_info *vi = rs_vector_info_of(r->vector);
    sb_add(&b, "%s · exception delivery", vi->mnemonic[0] ? vi->mnemonic : "exception");
    break;
  }
  case RS_STEP_IDLE: sb_add(&b, "idle · waiting for an interrupt"); break;
  case RS_STEP_SHUTDOWN: sb_add(&b, "shutdown · triple fault"); break;
  case RS_STEP_NKINDS: break;
  }
  if (r->cpl_after != r->cpl_before)
    sb_add(&b, " · ring %u → ring %u", r->cpl_before, r->cpl_after);
  return sb_take(&b);
}

/* Fills `out` from a headline and a body; false (and nothing kept) if
 * either could not be allocated. */
static bool finish(const rs_scenario *s, rs_narration *out, char *head, sb *body) {
  out->headline = head;
  out->body = sb_take(body);
  out->source = rs_scenario_source(s);
  if (!out->headline || !out->body) {
    rs_narration_clear(out);
    return false;
  }
  return true;
}

bool rs_narrate(const rs_scenario *s, const rs_step_record *r, const rs_machine *after, rs_narration *out) {
  memset(out, 0, sizeof *out);
  facts f;
  gather(r, &f);
  sb b = { 0 };
  switch ((rs_step_kind)r->kind) {
  case RS_STEP_INSTRUCTION: narrate_instruction(&b, s, r, after, &f); break;
  case RS_STEP_INTERRUPT:
  case RS_STEP_SOFTWARE_INTERRUPT:
  case RS_STEP_EXCEPTION:
  case RS_STEP_SHUTDOWN: narrate_delivery(&b, s, r, &f); break;
  case RS_STEP_IDLE:
    sb_add(&b, "The CPU is halted: no instruction runs while time passes until the next interrupt.");
    break;
  case RS_STEP_NKINDS: break;
  }
  narrate_device_news(&b, &f);
  return finish(s, out, headline(s, r), &b);
}

bool rs_narrate_start(const rs_scenario *s, rs_narration *out) {
  memset(out, 0, sizeof *out);
  sb b = { 0 };
  sb_note(&b, rs_scenario_summary(s));
  return finish(s, out, strdup("Step 0 · the machine before the first instruction"), &b);
}

void rs_narration_clear(rs_narration *n) {
  free(n->headline);
  free(n->body);
  memset(n, 0, sizeof *n);
}

char *rs_markup_to_plain(const char *markup) {
  size_t n = strlen(markup);
  char *out = malloc(n + 1), *o = out;
  if (!out) return NULL;
  for (const char *p = markup; *p;) {
    if (!strncmp(p, "<b>", 3) || !strncmp(p, "<i>", 3)) p += 3;
    else if (!strncmp(p, "</b>", 4) || !strncmp(p, "</i>", 4)) p += 4;
    else if (!strncmp(p, "&amp;", 5)) { *o++ = '&'; p += 5; }
    else if (!strncmp(p, "&lt;", 4)) { *o++ = '<'; p += 4; }
    else if (!strncmp(p, "&gt;", 4)) { *o++ = '>'; p += 4; }
    else *o++ = *p++;
  }
  *o = 0;
  return out;
}
