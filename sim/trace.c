/* Trace output: the text and JSON-lines renderings of step records
 * (format in include/ringside/trace.h). */
#include <ringside/trace.h>

#include <inttypes.h>
#include <string.h>

static const char *event_name(unsigned kind) {
  switch (kind) {
  case RS_EV_EXTERNAL: return "external";
  case RS_EV_EXCEPTION: return "exception";
  case RS_EV_SOFT_INT: return "software-interrupt";
  case RS_EV_SOFT_EXCEPTION: return "software-exception";
  default: return "none";
  }
}

static bool is_delivery(const rs_step_record *r) {
  return r->kind == RS_STEP_INTERRUPT || r->kind == RS_STEP_SOFTWARE_INTERRUPT ||
         r->kind == RS_STEP_EXCEPTION || r->kind == RS_STEP_SHUTDOWN;
}

void rs_step_text(const rs_step_record *r, char *buf, size_t len, rs_symbol_fn sym, void *ud) {
  if (r->kind == RS_STEP_INSTRUCTION && r->insn_len) {
    rs_disasm(r->insn, r->insn_len, r->eip, buf, len, sym, ud);
  } else if (r->kind == RS_STEP_IDLE) {
    snprintf(buf, len, "idle: wait for an interrupt");
  } else if (r->kind == RS_STEP_SHUTDOWN) {
    snprintf(buf, len, "shutdown: triple fault");
  } else if (is_delivery(r)) {
    snprintf(buf, len, "deliver vector %u (%s)", r->vector, event_name(r->event_kind));
  } else {
    snprintf(buf, len, "(fetch faulted)");
  }
}

/* ---- JSON ---- */

static void json_string(FILE *out, const char *s) {
  fputc('"', out);
  for (; *s; s++) {
    unsigned char ch = (unsigned char)*s;
    if (ch == '"' || ch == '\\') fprintf(out, "\\%c", ch);
    else if (ch == '\n') fputs("\\n", out);
    else if (ch == '\t') fputs("\\t", out);
    else if (ch < 0x20) fprintf(out, "\\u%04x", ch);
    else fputc(ch, out);
  }
  fputc('"', out);
}

static void json_effect(FILE *out, const rs_effect *e) {
  fprintf(out, "{\"kind\":\"%s\"", rs_effect_kind_name(e->kind));
  switch ((rs_effect_kind)e->kind) {
  case RS_EFF_REG:
    fprintf(out, ",\"name\":\"%s\",\"old\":%" PRIu32 ",\"new\":%" PRIu32, rs_loc_name(e->target),
            e->old_val, e->new_val);
    break;
  case RS_EFF_MEM:
    if (e->addr == UINT32_MAX) fputs(",\"addr\":null", out);
    else fprintf(out, ",\"addr\":%" PRIu32, e->addr);
    fprintf(out, ",\"phys\":%" PRIu32 ",\"size\":%u,\"old\":%" PRIu32 ",\"new\":%" PRIu32, e->phys,
            e->size, e->old_val, e->new_val);
    break;
  case RS_EFF_DEV:
    fprintf(out, ",\"name\":\"%s\",\"old\":%" PRIu32 ",\"new\":%" PRIu32, rs_dev_field_name(e->target),
            e->old_val, e->new_val);
    break;
  case RS_EFF_READ:
    fprintf(out, ",\"addr\":%" PRIu32 ",\"size\":%u,\"value\":%" PRIu32, e->addr, e->size, e->new_val);
    break;
  case RS_EFF_IDT_READ:
    fprintf(out, ",\"vector\":%u,\"addr\":%" PRIu32 ",\"low\":%" PRIu32 ",\"high\":%" PRIu32, e->target,
            e->addr, e->old_val, e->new_val);
    break;
  case RS_EFF_GDT_READ:
    fprintf(out, ",\"selector\":%u,\"addr\":%" PRIu32 ",\"low\":%" PRIu32 ",\"high\":%" PRIu32,
            e->target, e->addr, e->old_val, e->new_val);
    break;
  case RS_EFF_TSS_READ:
    fprintf(out, ",\"offset\":%u,\"addr\":%" PRIu32 ",\"value\":%" PRIu32, e->target, e->addr, e->new_val);
    break;
  case RS_EFF_CHECK:
    fprintf(out, ",\"passed\":%s,\"a\":%" PRIu32 ",\"b\":%" PRIu32, e->aux & 1 ? "true" : "false",
            e->old_val, e->new_val);
    break;
  case RS_EFF_RAISE:
    fprintf(out, ",\"event\":\"%s\",\"vector\":%u,", event_name(e->aux & 0xff), e->target);
    if (e->aux & 0x100) fprintf(out, "\"error_code\":%" PRIu32, e->new_val);
    else fputs("\"error_code\":null", out);
    fprintf(out, ",\"return_eip\":%" PRIu32, e->addr);
    break;
  case RS_EFF_CONSOLE:
    fprintf(out, ",\"port\":%u,\"byte\":%" PRIu32, e->target, e->new_val);
    break;
  case RS_EFF_NKINDS:
    break;
  }
  fputs(",\"why\":", out);
  json_string(out, rs_why_text(e->why));
  fputc('}', out);
}

static void json_regs(FILE *out, const rs_machine *m) {
  static const rs_loc shown[] = {
    RS_LOC_EAX, RS_LOC_EBX, RS_LOC_ECX, RS_LOC_EDX, RS_LOC_ESI, RS_LOC_EDI, RS_LOC_EBP, RS_LOC_ESP,
    RS_LOC_EIP, RS_LOC_EFLAGS, RS_LOC_CS, RS_LOC_SS, RS_LOC_DS, RS_LOC_ES, RS_LOC_FS, RS_LOC_GS,
    RS_LOC_CR2,
  };
  const rs_cpu *c = rs_machine_cpu_const(m);
  fputs("\"regs\":{", out);
  for (size_t i = 0; i < sizeof shown / sizeof shown[0]; i++)
    fprintf(out, "%s\"%s\":%" PRIu32, i ? "," : "", rs_loc_name(shown[i]), rs_cpu_loc(c, shown[i]));
  fputc('}', out);
}

static void write_jsonl(FILE *out, const rs_step_record *r, const rs_machine *after) {
  char text[160];
  rs_step_text(r, text, sizeof text, NULL, NULL);
  fprintf(out, "{\"step\":%" PRIu64 ",\"kind\":\"%s\",\"eip\":%" PRIu32 ",\"cpl\":%u,\"text\":", r->index,
          rs_step_kind_name(r->kind), r->eip, r->cpl_before);
  json_string(out, text);
  if (is_delivery(r)) {
    fprintf(out, ",\"vector\":%u,", r->vector);
    if (r->has_error) fprintf(out, "\"error_code\":%" PRIu32, r->error_code);
    else fputs("\"error_code\":null", out);
  } else {
    fputs(",\"vector\":null,\"error_code\":null", out);
  }
  fputs(",\"effects\":[", out);
  for (uint32_t i = 0; i < r->n_effects; i++) {
    if (i) fputc(',', out);
    json_effect(out, &r->effects[i]);
  }
  fputs("],", out);
  json_regs(out, after);
  fputs("}\n", out);
}

/* ---- text ---- */

static void text_effect(FILE *out, const rs_effect *e) {
  const char *why = rs_why_text(e->why);
  switch ((rs_effect_kind)e->kind) {
  case RS_EFF_REG:
    if (rs_loc_is_hidden(e->target)) return; /* descriptor caches: JSONL only */
    fprintf(out, "    %-8s %-8s 0x%08" PRIx32 " -> 0x%08" PRIx32, "reg", rs_loc_name(e->target),
            e->old_val, e->new_val);
    break;
  case RS_EFF_MEM:
    if (e->addr == UINT32_MAX)
      fprintf(out, "    %-8s phys[0x%08" PRIx32 "] 0x%08" PRIx32 " -> 0x%08" PRIx32, "mem", e->phys,
              e->old_val, e->new_val);
    else
      fprintf(out, "    %-8s [0x%08" PRIx32 "] 0x%0*" PRIx32 " -> 0x%0*" PRIx32, "mem", e->addr,
              2 * e->size, e->old_val, 2 * e->size, e->new_val);
    break;
  case RS_EFF_DEV:
    fprintf(out, "    %-8s %-8s %" PRIu32 " -> %" PRIu32, "dev", rs_dev_field_name(e->target), e->old_val,
            e->new_val);
    break;
  case RS_EFF_READ:
    fprintf(out, "    %-8s [0x%08" PRIx32 "] = 0x%0*" PRIx32, "read", e->addr, 2 * e->size, e->new_val);
    break;
  case RS_EFF_IDT_READ:
    fprintf(out, "    %-8s vector %u gate @0x%08" PRIx32 " = %08" PRIx32 " %08" PRIx32, "idt", e->target,
            e->addr, e->new_val, e->old_val);
    break;
  case RS_EFF_GDT_READ:
    fprintf(out, "    %-8s selector 0x%02x @0x%08" PRIx32 " = %08" PRIx32 " %08" PRIx32, "gdt", e->target,
            e->addr, e->new_val, e->old_val);
    break;
  case RS_EFF_TSS_READ:
    fprintf(out, "    %-8s +%u @0x%08" PRIx32 " = 0x%08" PRIx32, "tss", e->target, e->addr, e->new_val);
    break;
  case RS_EFF_CHECK:
    fprintf(out, "    %-8s %s (%" PRIu32 ", %" PRIu32 ")", "check", e->aux & 1 ? "pass" : "FAIL",
            e->old_val, e->new_val);
    break;
  case RS_EFF_RAISE:
    fprintf(out, "    %-8s vector %u", "raise", e->target);
    if (e->aux & 0x100) fprintf(out, " error code 0x%" PRIx32, e->new_val);
    fprintf(out, ", saved EIP 0x%08" PRIx32, e->addr);
    break;
  case RS_EFF_CONSOLE:
    fprintf(out, "    %-8s 0x%02" PRIx32, "console", e->new_val);
    break;
  case RS_EFF_NKINDS:
    return;
  }
  if (*why) fprintf(out, "   ; %s", why);
  fputc('\n', out);
}

static void write_text(FILE *out, const rs_step_record *r, const rs_machine *after, rs_symbol_fn sym,
                       void *ud) {
  char text[160];
  rs_step_text(r, text, sizeof text, sym, ud);
  fprintf(out, "%6" PRIu64 "  %-18s cpl %u", r->index, rs_step_kind_name(r->kind), r->cpl_before);
  if (r->cpl_after != r->cpl_before) fprintf(out, "->%u", r->cpl_after);
  fprintf(out, "  %08" PRIx32 "  %s", r->eip, text);
  if (is_delivery(r) && r->has_error) fprintf(out, "  error code 0x%" PRIx32, r->error_code);
  fputc('\n', out);
  for (uint32_t i = 0; i < r->n_effects; i++) text_effect(out, &r->effects[i]);
  (void)after;
}

void rs_trace_write_step(FILE *out, rs_trace_format fmt, const rs_step_record *r,
                         const rs_machine *after, rs_symbol_fn sym, void *ud) {
  if (fmt == RS_TRACE_JSONL) write_jsonl(out, r, after);
  else write_text(out, r, after, sym, ud);
}

void rs_trace_write_state(FILE *out, const rs_machine *m, const rs_mem_range *ranges, size_t n) {
  fprintf(out, "{\"step\":%" PRIu64 ",", rs_machine_step_count(m));
  json_regs(out, m);
  fputs(",\"mem\":[", out);
  for (size_t i = 0; i < n; i++) {
    fprintf(out, "%s{\"addr\":%" PRIu32 ",\"hex\":\"", i ? "," : "", ranges[i].addr);
    for (uint32_t j = 0; j < ranges[i].len; j++) {
      uint8_t b;
      if (rs_machine_peek(m, ranges[i].addr + j, &b, 1)) fprintf(out, "%02x", b);
      else fputs("??", out);
    }
    fputs("\"}", out);
  }
  fputs("]}\n", out);
}
