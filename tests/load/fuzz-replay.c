/* Ringside — replays a fuzz corpus through the scenario loader.
 *
 * Usage: fuzz-replay DIR|FILE...  Every regular file in each directory (and
 * its subdirectories) is fed to LLVMFuzzerTestOneInput; prints TAP, one
 * line per file. A crash, leak or sanitizer report fails the run.
 */
#include <dirent.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "fuzz-scenario.h"

typedef struct replay {
  char **paths;
  size_t n, cap;
} replay;

static void replay_add(replay *r, const char *path)
{
  if (r->n == r->cap) {
    r->cap = r->cap ? 2 * r->cap : 64;
    r->paths = realloc(r->paths, r->cap * sizeof *r->paths);
    if (!r->paths)
      abort();
  }
  r->paths[r->n++] = strdup(path);
}

/* Collects the regular files under path. */
static void replay_collect(replay *r, const char *path)
{
  struct stat st;
  if (stat(path, &st) != 0)
    return;
  if (S_ISREG(st.st_mode)) {
    replay_add(r, path);
    return;
  }
  DIR *d = S_ISDIR(st.st_mode) ? opendir(path) : NULL;
  if (!d)
    return;
  for (struct dirent *e; (e = readdir(d)) != NULL;) {
    if (e->d_name[0] == '.')
      continue;
    size_t len = strlen(path) + strlen(e->d_name) + 2;
    char *sub = malloc(len);
    snprintf(sub, len, "%s/%s", path, e->d_name);
    replay_collect(r, sub);
    free(sub);
  }
  closedir(d);
}

static int replay_cmp(const void *a, const void *b)
{
  return strcmp(*(char *const *)a, *(char *const *)b);
}

/* Reads a whole file; NULL on error. */
static unsigned char *replay_read(const char *path, size_t *len)
{
  FILE *f = fopen(path, "rb");
  if (!f)
    return NULL;
  unsigned char *buf = NULL;
  size_t n = 0, cap = 0, got;
  do {
    if (n == cap) {
      cap = cap ? 2 * cap : 65536;
      buf = realloc(buf, cap);
      if (!buf)
        abort();
    }
    got = fread(buf + n, 1, cap - n, f);
    n += got;
  } while (got > 0);
  fclose(f);
  *len = n;
  return buf;
}

int main(int argc, char **argv)
{
  replay r = { 0 };
  for (int i = 1; i < argc; i++)
    replay_collect(&r, argv[i]);
  qsort(r.paths, r.n, sizeof *r.paths, replay_cmp);
  printf("1..%zu\n", r.n);
  int failed = 0;
  for (size_t i = 0; i < r.n; i++) {
    size_t len;
    unsigned char *data = replay_read(r.paths[i], &len);
    if (data)
      LLVMFuzzerTestOneInput(data, len);
    printf("%s %zu - %s\n", data ? "ok" : "not ok", i + 1, r.paths[i]);
    failed |= !data;
    free(data);
    free(r.paths[i]);
  }
  free(r.paths);
  return failed;
}
