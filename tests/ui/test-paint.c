/* The views painted to images: every shipped scenario at several steps
 * and sizes (PNGs under the build directory, tests/ui/png/), what must
 * change between steps, themes, clipping to the canvas, HiDPI crispness,
 * the animation's ends and vector output. */
#include <cairo-pdf.h>
#include <cairo-svg.h>
#include <glib.h>
#include <glib/gstdio.h>
#include <stdlib.h>
#include <string.h>

#include "ui-fixture.h"

#define FIXTURE "tests/ui/data/open-int40.json"
#define POS_INT 4
#define POS_DELIVERED 5

/* ---- pixels ---------------------------------------------------------- */

static uint32_t pixel(cairo_surface_t *s, int x, int y) {
  const uint8_t *d = cairo_image_surface_get_data(s);
  return *(const uint32_t *)(d + (size_t)y * (size_t)cairo_image_surface_get_stride(s) + (size_t)x * 4);
}

static int luma(uint32_t p) { return (int)(((p >> 16) & 0xff) * 3 + ((p >> 8) & 0xff) * 6 + (p & 0xff)) / 10; }

/* Fraction of pixels in the logical rectangle r that differ between a and
 * b (same size and scale). */
static double diff_in(cairo_surface_t *a, cairo_surface_t *b, rs_rect r) {
  double sx, sy;
  cairo_surface_get_device_scale(a, &sx, &sy);
  int w = cairo_image_surface_get_width(a), h = cairo_image_surface_get_height(a);
  int x0 = (int)(r.x * sx), y0 = (int)(r.y * sy), x1 = (int)((r.x + r.w) * sx), y1 = (int)((r.y + r.h) * sy);
  x0 = CLAMP(x0, 0, w);
  x1 = CLAMP(x1, 0, w);
  y0 = CLAMP(y0, 0, h);
  y1 = CLAMP(y1, 0, h);
  long n = 0, d = 0;
  for (int y = y0; y < y1; y++)
    for (int x = x0; x < x1; x++, n++) d += pixel(a, x, y) != pixel(b, x, y);
  return n ? (double)d / (double)n : 0;
}

static rs_rect whole(cairo_surface_t *s) {
  double sx, sy;
  cairo_surface_get_device_scale(s, &sx, &sy);
  return (rs_rect){ 0, 0, cairo_image_surface_get_width(s) / sx, cairo_image_surface_get_height(s) / sy };
}

/* Fraction of pixels that are not the top-left pixel's colour. */
static double ink(cairo_surface_t *s) {
  int w = cairo_image_surface_get_width(s), h = cairo_image_surface_get_height(s);
  uint32_t bg = pixel(s, 0, 0);
  long n = 0;
  for (int y = 0; y < h; y += 2)
    for (int x = 0; x < w; x += 2) n += pixel(s, x, y) != bg;
  return (double)n / ((double)(w / 2) * (h / 2));
}

/* ---- output ---------------------------------------------------------- */

static char *png_dir(void) {
  const char *root = g_getenv("RINGSIDE_BUILD_ROOT");
  char *dir = g_build_filename(root ? root : ".", "tests", "ui", "png", NULL);
  g_mkdir_with_parents(dir, 0755);
  return dir;
}

static void save(cairo_surface_t *s, const char *name) {
  char *dir = png_dir();
  char *path = g_build_filename(dir, name, NULL);
  g_assert_cmpint(cairo_surface_write_to_png(s, path), ==, CAIRO_STATUS_SUCCESS);
  g_free(path);
  g_free(dir);
}

/* ---- tests ----------------------------------------------------------- */

/* Scenario files under scenarios/, recursively. */
static void list_scenarios(const char *root, const char *rel, GPtrArray *out) {
  char *path = g_build_filename(root, rel, NULL);
  GDir *d = g_dir_open(path, 0, NULL);
  g_free(path);
  if (!d) return;
  const char *name;
  while ((name = g_dir_read_name(d))) {
    char *sub = g_build_filename(rel, name, NULL);
    char *full = g_build_filename(root, sub, NULL);
    if (g_file_test(full, G_FILE_TEST_IS_DIR)) {
      list_scenarios(root, sub, out);
    } else if (g_str_has_suffix(name, ".json") && !g_str_has_suffix(name, ".schema.json")) {
      g_ptr_array_add(out, sub);
      sub = NULL;
    }
    g_free(sub);
    g_free(full);
  }
  g_dir_close(d);
}

static gint by_name(gconstpointer a, gconstpointer b) {
  return strcmp(*(char *const *)a, *(char *const *)b);
}

static const struct {
  const char *name;
  int w, h;
  double zoom;
} sizes[] = {
  { "1024x768", 1024, 721, 1 },
  { "1280x800", 1280, 753, 1 },
  { "1920x1080", 1920, 1033, 1 },
  { "3840x2160-zoom2", 3840, 2066, 2 },
};

static void test_scenarios(void) {
  const char *root = g_getenv("RINGSIDE_SOURCE_ROOT");
  GPtrArray *files = g_ptr_array_new_with_free_func(g_free);
  list_scenarios(root ? root : ".", "scenarios", files);
  g_ptr_array_sort(files, by_name);
  g_ptr_array_add(files, g_strdup(FIXTURE));
  g_assert_cmpuint(files->len, >=, 2);
  rs_view_cache *cache = rs_view_cache_new();
  for (guint i = 0; i < files->len; i++) {
    const char *file = g_ptr_array_index(files, i);
    ui_fixture f;
    g_assert_true(ui_fixture_open(&f, file));
    f.in.cache = cache;
    uint64_t positions[4] = { 0, ui_fixture_find_transfer(&f, 3, 0), ui_fixture_find_transfer(&f, 0, 0),
                              rs_session_length(f.session) };
    char *base = g_path_get_basename(file);
    *strrchr(base, '.') = 0;
    for (size_t p = 0; p < G_N_ELEMENTS(positions); p++) {
      ui_fixture_seek(&f, positions[p]);
      for (size_t s = 0; s < G_N_ELEMENTS(sizes); s++) {
        f.in.zoom = sizes[s].zoom;
        f.in.theme = (p + s) % 3 == 2 ? RS_THEME_DARK : RS_THEME_LIGHT;
        cairo_surface_t *img = ui_fixture_render(&f, sizes[s].w, sizes[s].h, 1);
        g_assert_cmpint(cairo_surface_status(img), ==, CAIRO_STATUS_SUCCESS);
        g_assert_cmpfloat(ink(img), >, 0.05);
        char *name = g_strdup_printf("%s-step%llu-%s.png", base, (unsigned long long)positions[p], sizes[s].name);
        save(img, name);
        g_free(name);
        cairo_surface_destroy(img);
      }
    }
    g_free(base);
    ui_fixture_close(&f);
  }
  rs_view_cache_free(cache);
  g_ptr_array_unref(files);
}

/* What a delivery must change, and what it must not. */
static void test_step_changes(void) {
  ui_fixture f;
  g_assert_true(ui_fixture_open(&f, FIXTURE));
  rs_view_layout l;
  rs_view_layout_compute(1280, 753, &f.in, &l);
  ui_fixture_seek(&f, POS_INT);
  cairo_surface_t *before = ui_fixture_render(&f, 1280, 753, 1);
  ui_fixture_seek(&f, POS_DELIVERED);
  cairo_surface_t *after = ui_fixture_render(&f, 1280, 753, 1);
  save(before, "fixture-int.png");
  save(after, "fixture-delivered.png");
  g_assert_cmpfloat(diff_in(before, after, l.idt), >, 0.02);          /* the gate lights up, the lookup */
  g_assert_cmpfloat(diff_in(before, after, l.tss), >, 0.02);          /* SS0 and ESP0 read */
  g_assert_cmpfloat(diff_in(before, after, l.kernel_stack), >, 0.05); /* the frame */
  g_assert_cmpfloat(diff_in(before, after, l.cpu), >, 0.02);          /* ESP EIP CS SS, CPL */
  g_assert_cmpfloat(diff_in(before, after, l.timeline), >, 0.001);
  /* The IDT card's title and the gates' column headers stay. */
  rs_rect idt_head = { l.idt.x, l.idt.y, l.idt.w, 60 };
  g_assert_cmpfloat(diff_in(before, after, idt_head), ==, 0);
  cairo_surface_destroy(before);
  cairo_surface_destroy(after);
  ui_fixture_close(&f);
}

static void test_themes(void) {
  ui_fixture f;
  g_assert_true(ui_fixture_open(&f, FIXTURE));
  ui_fixture_seek(&f, POS_DELIVERED);
  cairo_surface_t *img[3];
  static const char *const names[3] = { "fixture-light.png", "fixture-dark.png", "fixture-hc.png" };
  for (int t = 0; t < 3; t++) {
    f.in.theme = (rs_theme_kind)t;
    img[t] = ui_fixture_render(&f, 1280, 753, 1);
    save(img[t], names[t]);
  }
  g_assert_cmpfloat(diff_in(img[0], img[1], whole(img[0])), >, 0.8);
  g_assert_cmpfloat(diff_in(img[0], img[2], whole(img[0])), >, 0.05);
  /* Dark is dark, the others light. */
  g_assert_cmpint(luma(pixel(img[1], 4, 4)), <, 64);
  g_assert_cmpint(luma(pixel(img[0], 4, 4)), >, 192);
  g_assert_cmpint(luma(pixel(img[2], 4, 4)), >, 192);
  for (int t = 0; t < 3; t++) cairo_surface_destroy(img[t]);
  ui_fixture_close(&f);
}

/* Nothing is drawn outside the w x h area, whatever the size, zoom or
 * animation. */
static void test_clip(void) {
  ui_fixture f;
  g_assert_true(ui_fixture_open(&f, FIXTURE));
  ui_fixture_seek(&f, POS_DELIVERED);
  static const struct {
    int w, h;
    double zoom, progress;
  } cases[] = { { 1024, 721, 1, 0.5 }, { 1280, 753, 1, 0.62 }, { 700, 500, 1, 1 }, { 1600, 900, 1.5, 0.3 },
                { 300, 200, 2, 0.8 } };
  const int m = 24;
  for (size_t c = 0; c < G_N_ELEMENTS(cases); c++) {
    int w = cases[c].w, h = cases[c].h;
    cairo_surface_t *s = cairo_image_surface_create(CAIRO_FORMAT_ARGB32, w + 2 * m, h + 2 * m);
    cairo_t *cr = cairo_create(s);
    cairo_set_source_rgb(cr, 1, 0, 1);
    cairo_paint(cr);
    cairo_translate(cr, m, m);
    f.in.zoom = cases[c].zoom;
    f.in.progress = cases[c].progress;
    rs_view_draw(cr, w, h, &f.in);
    cairo_destroy(cr);
    cairo_surface_flush(s);
    uint32_t sentinel = 0xffff00ff;
    for (int y = 0; y < h + 2 * m; y++)
      for (int x = 0; x < w + 2 * m; x++) {
        bool in = x >= m && x < m + w && y >= m && y < m + h;
        if (!in) g_assert_cmphex(pixel(s, x, y), ==, sentinel);
      }
    g_assert_cmphex(pixel(s, m, m), !=, sentinel);
    g_assert_cmphex(pixel(s, m + w - 1, m + h - 1), !=, sentinel);
    cairo_surface_destroy(s);
  }
  ui_fixture_close(&f);
}

/* Strong edges: horizontally adjacent pixels far apart in brightness. */
static long strong_edges(cairo_surface_t *s) {
  int w = cairo_image_surface_get_width(s), h = cairo_image_surface_get_height(s);
  long n = 0;
  for (int y = 0; y < h; y++)
    for (int x = 1; x < w; x++) n += abs(luma(pixel(s, x, y)) - luma(pixel(s, x - 1, y))) > 96;
  return n;
}

/* At device scale 2 the picture is drawn at full resolution, not scaled
 * up: the same logical frame on a 2560 x 1600 surface has twice the edge
 * pixels of the 1280 x 800 one (every edge is twice as long), and 2 x 2
 * blocks that are not uniform. */
static void test_hidpi(void) {
  ui_fixture f;
  g_assert_true(ui_fixture_open(&f, FIXTURE));
  ui_fixture_seek(&f, POS_DELIVERED);
  cairo_surface_t *x1 = ui_fixture_render(&f, 1280, 800, 1);
  cairo_surface_t *x2 = ui_fixture_render(&f, 1280, 800, 2);
  save(x2, "fixture-1280x800@2x.png");
  g_assert_cmpint(cairo_image_surface_get_width(x2), ==, 2560);
  g_assert_cmpint(cairo_image_surface_get_height(x2), ==, 1600);
  long e1 = strong_edges(x1), e2 = strong_edges(x2);
  g_assert_cmpint(e1, >, 1000);
  g_assert_cmpint(e2, >, e1 * 3 / 2);
  long blocks = 0, mixed = 0;
  for (int y = 0; y + 1 < 1600; y += 2)
    for (int x = 0; x + 1 < 2560; x += 2, blocks++) {
      uint32_t p = pixel(x2, x, y);
      mixed += p != pixel(x2, x + 1, y) || p != pixel(x2, x, y + 1) || p != pixel(x2, x + 1, y + 1);
    }
  g_assert_cmpfloat((double)mixed / (double)blocks, >, 0.03);
  cairo_surface_destroy(x1);
  cairo_surface_destroy(x2);
  ui_fixture_close(&f);
}

/* The animation: progress 0 shows the state before the step's effects,
 * progress 1 the state after; frames are deterministic, cache or not. */
static void test_animation(void) {
  ui_fixture f;
  g_assert_true(ui_fixture_open(&f, FIXTURE));
  rs_view_layout l;
  rs_view_layout_compute(1280, 753, &f.in, &l);
  ui_fixture_seek(&f, POS_DELIVERED);
  rs_view_cache *cache = rs_view_cache_new();
  f.in.cache = cache;
  f.in.progress = 0;
  cairo_surface_t *start = ui_fixture_render(&f, 1280, 753, 1);
  f.in.progress = 0.5;
  cairo_surface_t *mid = ui_fixture_render(&f, 1280, 753, 1);
  save(mid, "fixture-delivered-mid.png");
  f.in.progress = 1;
  cairo_surface_t *end = ui_fixture_render(&f, 1280, 753, 1);
  f.in.cache = NULL;
  cairo_surface_t *end2 = ui_fixture_render(&f, 1280, 753, 1);
  g_assert_cmpfloat(diff_in(start, end, l.kernel_stack), >, 0.05);
  g_assert_cmpfloat(diff_in(start, mid, whole(start)), >, 0.001);
  g_assert_cmpfloat(diff_in(mid, end, whole(mid)), >, 0.001);
  g_assert_cmpfloat(diff_in(end, end2, whole(end)), ==, 0);
  /* Before the step played, the CPU card shows the old registers: the
   * same as the end of the previous step, apart from the "changed" marks. */
  ui_fixture_seek(&f, POS_INT);
  cairo_surface_t *prev = ui_fixture_render(&f, 1280, 753, 1);
  rs_rect regs = { l.cpu.x + 100, l.cpu.y + 120, l.cpu.w - 110, 140 }; /* EAX..EBP values */
  g_assert_cmpfloat(diff_in(prev, start, regs), ==, 0);
  cairo_surface_t *imgs[] = { start, mid, end, end2, prev };
  for (size_t i = 0; i < G_N_ELEMENTS(imgs); i++) cairo_surface_destroy(imgs[i]);
  rs_view_cache_free(cache);
  ui_fixture_close(&f);
}

/* The same drawing goes to vector surfaces (slides, print). */
static void test_vector(void) {
  ui_fixture f;
  g_assert_true(ui_fixture_open(&f, FIXTURE));
  ui_fixture_seek(&f, POS_DELIVERED);
  char *dir = png_dir();
  char *svg = g_build_filename(dir, "fixture-delivered.svg", NULL), *pdf = g_build_filename(dir, "fixture-delivered.pdf", NULL);
  cairo_surface_t *surfaces[2] = { cairo_svg_surface_create(svg, 1280, 753), cairo_pdf_surface_create(pdf, 1280, 753) };
  for (int i = 0; i < 2; i++) {
    cairo_t *cr = cairo_create(surfaces[i]);
    rs_view_draw(cr, 1280, 753, &f.in);
    cairo_show_page(cr);
    cairo_destroy(cr);
    cairo_surface_finish(surfaces[i]);
    g_assert_cmpint(cairo_surface_status(surfaces[i]), ==, CAIRO_STATUS_SUCCESS);
    cairo_surface_destroy(surfaces[i]);
  }
  GStatBuf st;
  g_assert_cmpint(g_stat(svg, &st), ==, 0);
  g_assert_cmpint(st.st_size, >, 10000);
  g_assert_cmpint(g_stat(pdf, &st), ==, 0);
  g_assert_cmpint(st.st_size, >, 10000);
  g_free(svg);
  g_free(pdf);
  g_free(dir);
  ui_fixture_close(&f);
}

int main(int argc, char **argv) {
  g_test_init(&argc, &argv, NULL);
  g_test_add_func("/ui/paint/scenarios", test_scenarios);
  g_test_add_func("/ui/paint/step-changes", test_step_changes);
  g_test_add_func("/ui/paint/themes", test_themes);
  g_test_add_func("/ui/paint/clip", test_clip);
  g_test_add_func("/ui/paint/hidpi", test_hidpi);
  g_test_add_func("/ui/paint/animation", test_animation);
  g_test_add_func("/ui/paint/vector", test_vector);
  return g_test_run();
}
