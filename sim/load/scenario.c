/* Ringside — scenario files: the public entry points and accessors. */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "load-internal.h"

/* A new scenario holding a NUL-terminated copy of text[0..len). */
static rs_scenario *rs_scenario_new(const char *text, size_t len, const char *file,
                                    const char *dir)
{
  rs_scenario *s = rs_ld_xmalloc(sizeof *s);
  memset(s, 0, sizeof *s);
  rs_arena_init(&s->arena);
  s->file = rs_ld_xstrdup(file ? file : "(scenario)");
  s->dir = dir ? rs_ld_xstrdup(dir) : NULL;
  s->text = rs_ld_xmalloc(len + 1);
  if (len)
    memcpy(s->text, text, len);
  s->text[len] = '\0';
  s->len = len;
  return s;
}

rs_scenario *rs_scenario_load_text(const char *text, size_t len, const char *file,
                                   const char *dir, rs_diags *diags)
{
  size_t first = diags->count;
  rs_scenario *s = rs_scenario_new(text, text ? len : 0, file, dir);
  if (rs_ld_parse(s, diags))
    rs_ld_build(s, diags, first);
  rs_diags_sort(diags, first, s->file);
  if (diags->count > first || !s->initial) {
    rs_scenario_free(s);
    return NULL;
  }
  return s;
}

rs_scenario *rs_scenario_load_file(const char *path, rs_diags *diags)
{
  FILE *f = fopen(path, "rb");
  char *buf = NULL;
  size_t len = 0, cap = 0;
  while (f) {
    rs_ld_reserve((void **)&buf, &cap, len + 65536, 1);
    size_t got = fread(buf + len, 1, cap - len, f);
    len += got;
    if (got == 0 || len > RS_LD_MAX_FILE)
      break;
  }
  if (!f || ferror(f)) {
    rs_diags_add(diags, path, 0, 0, NULL, "cannot read: %s", strerror(errno));
    if (f)
      fclose(f);
    free(buf);
    return NULL;
  }
  fclose(f);
  const char *slash = strrchr(path, '/');
  char *dir = slash ? rs_ld_xstrdup(path) : rs_ld_xstrdup(".");
  if (slash)
    dir[slash == path ? 1 : slash - path] = '\0';
  rs_scenario *s = rs_scenario_load_text(buf ? buf : "", len, path, dir, diags);
  free(dir);
  free(buf);
  return s;
}

void rs_scenario_free(rs_scenario *s)
{
  if (!s)
    return;
  rs_machine_free(s->initial);
  rs_program_free(s->program);
  rs_jpos_free(s->pos);
  free(s->model.exprs);
  rs_arena_free(&s->arena);
  free(s->text);
  free(s->dir);
  free(s->file);
  free(s);
}

const char *rs_scenario_file(const rs_scenario *s)
{
  return s->file;
}

const char *rs_scenario_title(const rs_scenario *s)
{
  return s->model.title;
}

const char *rs_scenario_summary(const rs_scenario *s)
{
  return s->model.summary;
}

const char *rs_scenario_source(const rs_scenario *s)
{
  return s->model.source;
}

size_t rs_scenario_teaches_count(const rs_scenario *s)
{
  return s->model.nteaches;
}

const char *rs_scenario_teaches(const rs_scenario *s, size_t i)
{
  return i < s->model.nteaches ? s->model.teaches[i] : NULL;
}

const rs_program *rs_scenario_program(const rs_scenario *s)
{
  return s->program;
}

size_t rs_scenario_region_count(const rs_scenario *s)
{
  return s->model.nregions;
}

const rs_region *rs_scenario_region(const rs_scenario *s, size_t i)
{
  return i < s->model.nregions ? &s->model.regions[i].r : NULL;
}

const rs_region *rs_scenario_region_at(const rs_scenario *s, uint32_t addr)
{
  for (size_t k = 0; k < s->model.nregions; k++) {
    const rs_region *r = &s->model.regions[k].r;
    if (addr >= r->base && addr - r->base < r->size)
      return r;
  }
  return NULL;
}

rs_machine *rs_scenario_new_machine(const rs_scenario *s)
{
  return rs_machine_clone(s->initial);
}

const char *rs_scenario_note_for_label(const rs_scenario *s, const char *label)
{
  for (size_t k = 0; k < s->model.nnotes; k++)
    if (strcmp(s->model.notes[k].label, label) == 0)
      return s->model.notes[k].text;
  return NULL;
}

const char *rs_scenario_note_at(const rs_scenario *s, uint32_t addr)
{
  for (size_t k = 0; k < s->model.nnotes; k++)
    if (s->model.notes[k].addr == addr)
      return s->model.notes[k].text;
  return NULL;
}

size_t rs_scenario_stop_count(const rs_scenario *s)
{
  return s->model.nstops;
}

const rs_stop *rs_scenario_stop(const rs_scenario *s, size_t i)
{
  return i < s->model.nstops ? &s->model.stops[i].s : NULL;
}

uint64_t rs_scenario_max_steps(const rs_scenario *s)
{
  return s->model.max_steps;
}

bool rs_scenario_end_addr(const rs_scenario *s, uint32_t *addr)
{
  if (s->model.has_end_at && addr)
    *addr = s->model.end_at.value;
  return s->model.has_end_at;
}

size_t rs_scenario_expect_count(const rs_scenario *s)
{
  return s->model.nexpects;
}

bool rs_scenario_finished(const rs_scenario *s, const rs_machine *m)
{
  return rs_machine_step_count(m) >= s->model.max_steps || rs_machine_stopped(m) ||
         (s->model.has_end_at && rs_machine_cpu_const(m)->eip == s->model.end_at.value);
}
