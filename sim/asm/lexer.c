/* Ringside — assembler lexer: comment stripping and tokens of one line. */
#include "asm-internal.h"

#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* '$' may start a symbol name too, but the lexer leaves it an operator
 * (AT&T's immediate mark); the expression parser joins '$' with a name
 * written right after it. */
static bool rs_asm_is_ident_start(int c)
{
  return isalpha(c) || c == '_' || c == '.';
}

static bool rs_asm_is_ident_char(int c)
{
  return isalnum(c) || c == '_' || c == '.' || c == '$';
}

/* Skips a character constant body starting after the quote at s[i]; returns
 * the index after it. Mirrors rs_asm_lex_char so both agree on where a
 * constant ends (a '#' or '"' inside one is not a comment or a string). */
static size_t rs_asm_skip_char_const(const char *s, size_t i, size_t len)
{
  if (i < len && s[i] == '\\')
    i++;
  if (i < len && s[i] != '\n')
    i++;
  if (i < len && s[i] == '\'')
    i++;
  return i;
}

/* Blanks comments in place, keeping every other byte where it is so that
 * columns stay true: '#' to the end of the line, a line whose first
 * non-blank is '/' (GNU as on Linux), and C comments, which may span
 * lines. Strings and character constants are left alone. */
void rs_asm_clean_text(char *s, size_t len, bool *open_comment, size_t *open_pos)
{
  bool line_start = true;
  *open_comment = false;
  for (size_t i = 0; i < len;) {
    char c = s[i];
    if (c == '\n') {
      line_start = true;
      i++;
      continue;
    }
    if (line_start && (c == ' ' || c == '\t')) {
      i++;
      continue;
    }
    bool first = line_start;
    line_start = false;
    if (c == '/' && i + 1 < len && s[i + 1] == '*') {
      size_t start = i;
      s[i++] = ' ';
      s[i++] = ' ';
      while (i < len && !(s[i] == '*' && i + 1 < len && s[i + 1] == '/')) {
        if (s[i] != '\n')
          s[i] = ' ';
        i++;
      }
      if (i >= len) {
        *open_comment = true;
        *open_pos = start;
        return;
      }
      s[i++] = ' ';
      s[i++] = ' ';
      line_start = first;
    } else if (c == '#' || (first && c == '/')) {
      while (i < len && s[i] != '\n')
        s[i++] = ' ';
    } else if (c == '"') {
      i++;
      while (i < len && s[i] != '\n' && s[i] != '"') {
        if (s[i] == '\\' && i + 1 < len && s[i + 1] != '\n')
          i++;
        i++;
      }
      if (i < len && s[i] == '"')
        i++;
    } else if (c == '\'') {
      i = rs_asm_skip_char_const(s, i + 1, len);
    } else {
      i++;
    }
  }
}

/* Reads one escape sequence after a backslash at s (s points after the
 * backslash). Returns the number of characters consumed, 0 if unknown. */
static size_t rs_asm_escape(const char *s, unsigned *value)
{
  switch (s[0]) {
  case 'n': *value = '\n'; return 1;
  case 't': *value = '\t'; return 1;
  case 'r': *value = '\r'; return 1;
  case 'b': *value = '\b'; return 1;
  case 'f': *value = '\f'; return 1;
  case 'v': *value = '\v'; return 1;
  case '\\': *value = '\\'; return 1;
  case '"': *value = '"'; return 1;
  case '\'': *value = '\''; return 1;
  default: break;
  }
  if (s[0] >= '0' && s[0] <= '7') {
    size_t k = 0;
    unsigned v = 0;
    while (k < 3 && s[k] >= '0' && s[k] <= '7')
      v = v * 8 + (unsigned)(s[k++] - '0');
    *value = v & 0xff;
    return k;
  }
  if (s[0] == 'x' && isxdigit((unsigned char)s[1])) {
    size_t k = 1;
    unsigned v = 0;
    while (isxdigit((unsigned char)s[k])) {
      int d = isdigit((unsigned char)s[k]) ? s[k] - '0' : (tolower((unsigned char)s[k]) - 'a' + 10);
      v = (v * 16 + (unsigned)d) & 0xff;
      k++;
    }
    *value = v;
    return k;
  }
  return 0;
}

static bool rs_asm_fail(int *errcol, char *err, size_t errlen, int col, const char *fmt, ...)
  __attribute__((format(printf, 5, 6)));

static bool rs_asm_fail(int *errcol, char *err, size_t errlen, int col, const char *fmt, ...)
{
  va_list ap;
  va_start(ap, fmt);
  vsnprintf(err, errlen, fmt, ap);
  va_end(ap);
  *errcol = col;
  return false;
}

/* A printable rendering of one source character for messages. */
static const char *rs_asm_show_char(char c, char buf[8])
{
  if (isprint((unsigned char)c))
    snprintf(buf, 8, "%c", c);
  else
    snprintf(buf, 8, "\\x%02x", (unsigned char)c);
  return buf;
}

static bool rs_asm_push(rs_asm_toks *out, const rs_asm_tok *t)
{
  rs_asm_tok *v = rs_asm_grow(out->v, &out->cap, out->n + 1, sizeof *v);
  if (!v)
    return false;
  out->v = v;
  out->v[out->n++] = *t;
  return true;
}

/* Lexes a number at s; sets the token kind (NUM or LOCAL) and value. */
static size_t rs_asm_lex_number(const char *s, rs_asm_tok *t, bool *ok)
{
  size_t i = 0;
  uint64_t v = 0;
  bool overflow = false;
  int base = 10;
  *ok = true;
  t->kind = RS_ASM_TOK_NUM;
  if (s[0] == '0' && (s[1] == 'x' || s[1] == 'X')) {
    base = 16;
    i = 2;
    if (!isxdigit((unsigned char)s[i]))
      *ok = false;
  } else if (s[0] == '0' && (s[1] == 'b' || s[1] == 'B') && (s[2] == '0' || s[2] == '1')) {
    base = 2;
    i = 2;
  } else if (s[0] == '0' && isdigit((unsigned char)s[1])) {
    base = 8;
    i = 1;
  }
  for (;; i++) {
    int c = (unsigned char)s[i];
    int d;
    if (isdigit(c))
      d = c - '0';
    else if (base == 16 && isxdigit(c))
      d = tolower(c) - 'a' + 10;
    else
      break;
    if (d >= base)
      *ok = false;
    if (v > (UINT64_MAX - (uint64_t)d) / (uint64_t)base)
      overflow = true;
    v = v * (uint64_t)base + (uint64_t)d;
  }
  if (base == 10 && (s[i] == 'f' || s[i] == 'b') && !rs_asm_is_ident_char((unsigned char)s[i + 1])) {
    t->kind = RS_ASM_TOK_LOCAL;
    t->fwd = s[i] == 'f';
    i++;
  } else if (base == 8 && i == 1 && (s[1] == 'f' || s[1] == 'b')) {
    /* "0f" / "0b": references to local label 0 */
    t->kind = RS_ASM_TOK_LOCAL;
    t->fwd = s[1] == 'f';
    i = 2;
  }
  if (rs_asm_is_ident_char((unsigned char)s[i]))
    *ok = false;
  while (rs_asm_is_ident_char((unsigned char)s[i]))
    i++;
  if (overflow || (t->kind == RS_ASM_TOK_LOCAL && v > INT32_MAX))
    *ok = false;
  t->num = v;
  return i;
}

/* Lexes a character constant after the quote at s[0]; returns the length. */
static size_t rs_asm_lex_char(const char *s, rs_asm_tok *t, bool *ok)
{
  size_t i = 1;
  unsigned v = 0;
  *ok = true;
  if (s[i] == '\0') {
    *ok = false;
    return i;
  }
  if (s[i] == '\\') {
    size_t k = rs_asm_escape(s + i + 1, &v);
    if (k == 0) {
      *ok = false;
      return i + 1;
    }
    i += 1 + k;
  } else {
    v = (unsigned char)s[i++];
  }
  if (s[i] == '\'')
    i++;
  t->kind = RS_ASM_TOK_NUM;
  t->num = v;
  return i;
}

static const struct {
  const char *text;
  int op;
} rs_asm_two_char_ops[] = {
  { "<<", RS_ASM_OP_SHL }, { ">>", RS_ASM_OP_SHR }, { "==", RS_ASM_OP_EQ },
  { "!=", RS_ASM_OP_NE },  { "<>", RS_ASM_OP_NE },  { "<=", RS_ASM_OP_LE },
  { ">=", RS_ASM_OP_GE },  { "&&", RS_ASM_OP_ANDAND }, { "||", RS_ASM_OP_OROR },
};

/* Tokenizes one cleaned, NUL-terminated line, appending an END token. On a
 * lexical error returns false with the column and message. */
bool rs_asm_lex(rs_asm_toks *out, const char *line, int *errcol, char *err, size_t errlen)
{
  out->n = 0;
  size_t i = 0;
  char buf[8];
  for (;;) {
    while (line[i] == ' ' || line[i] == '\t' || line[i] == '\r' || line[i] == '\f' || line[i] == '\v')
      i++;
    rs_asm_tok t = { .col = (int)i + 1, .text = line + i };
    const char *s = line + i;
    if (*s == '\0') {
      t.kind = RS_ASM_TOK_END;
      t.len = 0;
      return rs_asm_push(out, &t) || rs_asm_fail(errcol, err, errlen, t.col, "out of memory");
    }
    bool ok = true;
    size_t n;
    if (rs_asm_is_ident_start((unsigned char)*s)) {
      n = 1;
      while (rs_asm_is_ident_char((unsigned char)s[n]))
        n++;
      t.kind = RS_ASM_TOK_IDENT;
    } else if (isdigit((unsigned char)*s)) {
      n = rs_asm_lex_number(s, &t, &ok);
      if (!ok)
        return rs_asm_fail(errcol, err, errlen, t.col, "bad number '%.*s'", (int)(n > 40 ? 40 : n), s);
    } else if (*s == '\'') {
      n = rs_asm_lex_char(s, &t, &ok);
      if (!ok)
        return rs_asm_fail(errcol, err, errlen, t.col, "bad character constant");
    } else if (*s == '"') {
      n = 1;
      while (s[n] && s[n] != '"') {
        if (s[n] == '\\' && s[n + 1])
          n++;
        n++;
      }
      if (s[n] != '"')
        return rs_asm_fail(errcol, err, errlen, t.col, "unterminated string");
      n++;
      t.kind = RS_ASM_TOK_STRING;
    } else if (*s == '%' && isalpha((unsigned char)s[1])) {
      n = 1;
      while (isalnum((unsigned char)s[n]))
        n++;
      t.kind = RS_ASM_TOK_REG;
      t.text = s + 1;
      t.len = n - 1;
    } else {
      t.kind = RS_ASM_TOK_OP;
      n = 0;
      for (size_t k = 0; k < sizeof rs_asm_two_char_ops / sizeof rs_asm_two_char_ops[0]; k++)
        if (s[0] == rs_asm_two_char_ops[k].text[0] && s[1] == rs_asm_two_char_ops[k].text[1]) {
          t.op = rs_asm_two_char_ops[k].op;
          n = 2;
          break;
        }
      if (n == 0) {
        if (!strchr("(),:$*+-~!/%|&^<>=;", *s))
          return rs_asm_fail(errcol, err, errlen, t.col, "unexpected character '%s'",
                             rs_asm_show_char(*s, buf));
        t.op = (unsigned char)*s;
        n = 1;
      }
    }
    if (t.kind != RS_ASM_TOK_REG)
      t.len = n;
    if (!rs_asm_push(out, &t))
      return rs_asm_fail(errcol, err, errlen, t.col, "out of memory");
    i += n;
  }
}

/* True if t is the operator op. */
bool rs_asm_tok_is(const rs_asm_tok *t, int op)
{
  return t->kind == RS_ASM_TOK_OP && t->op == op;
}

/* Decodes a STRING token's escapes into a new buffer (caller frees). */
bool rs_asm_decode_string(const rs_asm_tok *t, uint8_t **out, size_t *outlen,
                          int *errcol, char *err, size_t errlen)
{
  uint8_t *buf = malloc(t->len + 1);
  size_t n = 0;
  if (!buf)
    return rs_asm_fail(errcol, err, errlen, t->col, "out of memory");
  for (size_t i = 1; i + 1 < t->len; i++) {
    if (t->text[i] != '\\') {
      buf[n++] = (uint8_t)t->text[i];
      continue;
    }
    unsigned v;
    size_t k = rs_asm_escape(t->text + i + 1, &v);
    if (k == 0) {
      char c[8];
      free(buf);
      return rs_asm_fail(errcol, err, errlen, t->col + (int)i, "unknown escape '\\%s' in string",
                         rs_asm_show_char(t->text[i + 1], c));
    }
    buf[n++] = (uint8_t)v;
    i += k;
  }
  *out = buf;
  *outlen = n;
  return true;
}
