/* Ringside — assembler internals shared by the files of sim/asm/.
 *
 * Pipeline (see program.c):
 *   parse.c      each line: strip comments, lex (lexer.c), split at ';',
 *                read labels, directives (directives.c) and instructions
 *                (operand.c) into statements; expressions (expr.c) become
 *                nodes in one arena per program.
 *   layout.c     the sizing walk in source order picks every instruction's
 *                encoding (encode.c, forms.c) the way GNU as does when it
 *                reads the line; then relaxation passes grow jumps that do
 *                not reach until nothing changes; then emission writes the
 *                bytes and reports every value error.
 *
 * "Early" values: GNU as chooses imm8/disp8 forms when it reads a line, so
 * only a value it can compute at that moment counts as a small constant —
 * numbers, absolute symbols defined above, and differences of two labels
 * defined above with no relaxable jump or alignment between them (the same
 * "chunk", which is GNU as's frag). rs_asm_value.early models that.
 */
#ifndef RINGSIDE_ASM_INTERNAL_H
#define RINGSIDE_ASM_INTERNAL_H

#include "ringside/asm.h"

#include <stdarg.h>

/* Limits that keep hostile input bounded. */
#define RS_ASM_MAX_DIAGS      1000
#define RS_ASM_MAX_BLOCK_SIZE (16u << 20)
#define RS_ASM_MAX_DEPTH      64      /* expression nesting, symbol chains */
#define RS_ASM_MAX_OPERANDS   3
#define RS_ASM_MAX_PASSES     2000    /* relaxation passes; real code needs a few */

/* ------------------------------------------------------------------ tokens */

typedef enum rs_asm_tok_kind {
  RS_ASM_TOK_END,
  RS_ASM_TOK_IDENT,    /* symbol, mnemonic or directive name */
  RS_ASM_TOK_NUM,      /* number or character constant */
  RS_ASM_TOK_LOCAL,    /* numeric local label reference: 1f, 2b */
  RS_ASM_TOK_STRING,   /* "...", text/len include the quotes */
  RS_ASM_TOK_REG,      /* %name, text/len exclude the '%' */
  RS_ASM_TOK_OP,       /* punctuation and operators */
} rs_asm_tok_kind;

/* Operator codes of two-character operators; one-character operators use
 * the character itself. */
enum {
  RS_ASM_OP_SHL = 256, RS_ASM_OP_SHR, RS_ASM_OP_EQ, RS_ASM_OP_NE,
  RS_ASM_OP_LE, RS_ASM_OP_GE, RS_ASM_OP_ANDAND, RS_ASM_OP_OROR,
};

typedef struct rs_asm_tok {
  rs_asm_tok_kind kind;
  int col;              /* 1-based column in the source line */
  const char *text;     /* points into the block's cleaned source */
  size_t len;
  uint64_t num;         /* NUM: value; LOCAL: label number */
  int op;               /* OP: operator code */
  bool fwd;             /* LOCAL: forward ('f') reference */
} rs_asm_tok;

typedef struct rs_asm_toks {
  rs_asm_tok *v;
  size_t n, cap;
} rs_asm_toks;

/* ------------------------------------------------------------- expressions */

typedef enum rs_asm_ex_kind {
  RS_ASM_EX_NUM,
  RS_ASM_EX_SYM,        /* named symbol */
  RS_ASM_EX_LOCAL,      /* numeric local label reference */
  RS_ASM_EX_DOT,        /* '.', the address of the current statement */
  RS_ASM_EX_UNARY,
  RS_ASM_EX_BINARY,
} rs_asm_ex_kind;

typedef struct rs_asm_expr {
  rs_asm_ex_kind kind;
  int col;
  int op;               /* UNARY/BINARY: operator code */
  int a, b;             /* UNARY/BINARY: operand nodes */
  int64_t num;          /* NUM: value; LOCAL: label number */
  const char *name;     /* SYM: name (not NUL-terminated) */
  size_t len;
  int sym;              /* SYM: symbol index, -1 = undefined */
  int block, stmt;      /* LOCAL: the label statement, stmt -1 = undefined */
  bool fwd;             /* LOCAL: 'f' reference */
} rs_asm_expr;

/* A value: absolute, or relocatable (an address inside a block). */
typedef struct rs_asm_value {
  int64_t v;            /* the number, or the address for relocatable values */
  int block;            /* -1 absolute, else the block of the label */
  int chunk;            /* relocatable: the label's chunk (GNU as frag) */
  int label;            /* label statement + 1 of "label + constant", else 0 */
  bool early;           /* a constant GNU as knows when it reads the line */
} rs_asm_value;

/* Per-symbol memo for `name = expr` symbols during one layout pass. */
typedef struct rs_asm_symcache {
  unsigned gen;
  bool busy, ok;
  bool cycle;           /* failed because the definition refers to itself */
  rs_asm_value val;
} rs_asm_symcache;

/* Where and how an expression is evaluated. */
typedef struct rs_asm_evalctx {
  const rs_program *p;
  rs_asm_symcache *cache; /* NULL: use the final symbol values */
  unsigned gen;           /* current cache generation */
  uint32_t seq;           /* sequence number of the using statement */
  int block;              /* block of the using statement, -1 = no location */
  int64_t dot;            /* its address */
  int chunk;              /* its chunk */
  int depth;
  int errcol;             /* on failure: column and message */
  char err[160];
  bool cycle;             /* on failure: a definition refers to itself */
} rs_asm_evalctx;

/* ---------------------------------------------------------------- operands */

typedef enum rs_asm_reg_class {
  RS_ASM_RC_GPR8, RS_ASM_RC_GPR16, RS_ASM_RC_GPR32, RS_ASM_RC_SREG, RS_ASM_RC_CREG,
} rs_asm_reg_class;

typedef struct rs_asm_reg {
  rs_asm_reg_class cls;
  int num;              /* hardware number (ModRM encoding) */
} rs_asm_reg;

typedef enum rs_asm_opd_kind {
  RS_ASM_OPD_REG, RS_ASM_OPD_IMM, RS_ASM_OPD_MEM,
} rs_asm_opd_kind;

typedef struct rs_asm_operand {
  rs_asm_opd_kind kind;
  int col;
  bool star;            /* '*' indirect branch operand */
  rs_asm_reg reg;       /* REG */
  int expr;             /* IMM value, MEM displacement; -1 = none */
  int seg;              /* MEM: segment override register number, -1 = none */
  int base, index;      /* MEM: 32-bit GPR numbers, -1 = none */
  int scale;            /* MEM: 1, 2, 4 or 8 */
  bool port_dx;         /* MEM: written "(%dx)", the port of in/out */
} rs_asm_operand;

/* ------------------------------------------------------------ encodings */

/* Operand kinds of an encoding form. "size" is the instruction's operand
 * size (from the suffix or a register operand). */
typedef enum rs_asm_kind {
  RS_ASM_K_NONE,
  RS_ASM_K_R,          /* GPR of the size, ModRM.reg (or opcode+r) */
  RS_ASM_K_RM,         /* GPR of the size or memory, ModRM.rm */
  RS_ASM_K_GR,         /* GPR of the size, ModRM.rm */
  RS_ASM_K_M,          /* memory only, ModRM.rm */
  RS_ASM_K_ACC,        /* %al/%ax/%eax of the size */
  RS_ASM_K_IMM,        /* immediate of the size */
  RS_ASM_K_IMM8S,      /* constant immediate that fits a sign-extended byte */
  RS_ASM_K_IMM8,       /* 8-bit immediate */
  RS_ASM_K_IMM16,      /* 16-bit immediate */
  RS_ASM_K_ONE,        /* the constant $1 (shift by one) */
  RS_ASM_K_THREE,      /* the constant $3 (int $3 is int3) */
  RS_ASM_K_CL,         /* %cl */
  RS_ASM_K_DX,         /* %dx */
  RS_ASM_K_SREG,       /* segment register, ModRM.reg */
  RS_ASM_K_SREGLO,     /* %es %cs %ss %ds (one-byte push) */
  RS_ASM_K_SREGPOP,    /* %es %ss %ds (one-byte pop) */
  RS_ASM_K_SREGHI,     /* %fs %gs (0F-prefixed push/pop) */
  RS_ASM_K_CREG,       /* control register, ModRM.reg */
  RS_ASM_K_R32RM,      /* 32-bit GPR, ModRM.rm */
  RS_ASM_K_RM8,        /* 8-bit GPR or memory, ModRM.rm */
  RS_ASM_K_RM16,       /* 16-bit GPR or memory, ModRM.rm */
  RS_ASM_K_MOFFS,      /* memory with a displacement only (A0-A3) */
  RS_ASM_K_REL,        /* direct branch target */
  RS_ASM_K_IND,        /* indirect branch target: *%r32 or *mem */
} rs_asm_kind;

/* Size bits: the size in bytes is its own bit. */
enum { RS_ASM_SZ_B = 1, RS_ASM_SZ_W = 2, RS_ASM_SZ_L = 4 };

enum {
  RS_ASM_F_D32    = 1u << 0,  /* size defaults to 32 bits (push, pop, ...) */
  RS_ASM_F_NOSZ   = 1u << 1,  /* fixed operand size: never a 0x66 prefix */
  RS_ASM_F_NO66   = 1u << 2,  /* no 0x66 even for 16-bit (mov to sreg) */
  RS_ASM_F_P66    = 1u << 3,  /* always a 0x66 prefix (cbw, cwd) */
  RS_ASM_F_PLUSR  = 1u << 4,  /* register number added to the opcode */
  RS_ASM_F_CC     = 1u << 5,  /* condition code added to the opcode */
  RS_ASM_F_IMUL2  = 1u << 6,  /* the R operand is both ModRM.reg and .rm */
  RS_ASM_F_SREGOP = 1u << 7,  /* 8 × segment register added to the opcode */
  RS_ASM_F_RELAX  = 1u << 8,  /* jmp/jcc: rel8 or rel32, chosen by reach */
  RS_ASM_F_REL8   = 1u << 9,  /* rel8 only (loop, jecxz) */
  RS_ASM_F_REL32  = 1u << 10, /* rel32 only (call) */
  RS_ASM_F_REP    = 1u << 11, /* a rep prefix may precede it */
};

/* One encoding form: a mnemonic, the operand kinds in AT&T order and the
 * opcode. opc > 0xff means the two bytes 0x0F, opc & 0xff. */
typedef struct rs_asm_form {
  const char *mn;
  uint8_t sizes;        /* accepted operand sizes (RS_ASM_SZ_*), 0 = none */
  uint16_t flags;
  uint16_t opc;
  int8_t ext;           /* ModRM.reg digit, -1 = none */
  uint8_t kinds[RS_ASM_MAX_OPERANDS];
} rs_asm_form;

extern const rs_asm_form rs_asm_forms[];
extern const size_t rs_asm_nforms;

typedef enum rs_asm_branch {
  RS_ASM_BR_NONE, RS_ASM_BR_REL8, RS_ASM_BR_REL32, RS_ASM_BR_RELAX,
} rs_asm_branch;

/* The chosen encoding of one instruction. */
typedef struct rs_asm_enc {
  uint8_t pfx[3];
  uint8_t npfx;
  uint8_t opc[2];
  uint8_t nopc;
  bool has_modrm, has_sib;
  uint8_t modrm, sib;
  uint8_t disp_size;    /* 0, 1 or 4 */
  int disp_expr;        /* -1: the displacement is 0 */
  int disp_col;
  uint8_t imm_size;     /* bytes emitted: 0, 1, 2 or 4 */
  uint8_t imm_range;    /* bytes the value must fit (signed or unsigned) */
  uint8_t imm_opsize;   /* the instruction's operand size (0 = none) */
  int imm_expr;
  int imm_col;
  rs_asm_branch br;
  int target_expr;      /* BR_*: the target */
  int target_col;
  int cc;               /* RELAX: condition code, -1 for jmp */
  bool br_long;         /* RELAX: the rel32 form */
} rs_asm_enc;

/* ------------------------------------------------------------- statements */

typedef enum rs_asm_stmt_kind {
  RS_ASM_ST_LABEL,      /* name: or n: (size 0) */
  RS_ASM_ST_SET,        /* name = expr (size 0) */
  RS_ASM_ST_INSN,
  RS_ASM_ST_DATA,       /* .byte/.word/.long */
  RS_ASM_ST_BYTES,      /* .ascii/.asciz: decoded bytes */
  RS_ASM_ST_ALIGN,
  RS_ASM_ST_SPACE,
} rs_asm_stmt_kind;

typedef struct rs_asm_insn {
  char mnem[24];        /* as written, lower case (for messages) */
  int mnem_col;
  uint8_t rep;          /* 0, 0xF3 or 0xF2 */
  int rep_col;
  int nops;
  rs_asm_operand ops[RS_ASM_MAX_OPERANDS];
  rs_asm_enc enc;       /* filled by the sizing walk */
  bool encoded;
} rs_asm_insn;

typedef struct rs_asm_stmt {
  rs_asm_stmt_kind kind;
  int line;             /* 0-based line index in the block */
  int col;
  uint32_t seq;         /* program-wide source order */
  int chunk;
  uint64_t offset;      /* from the block origin, current layout */
  uint64_t size;
  int sym;              /* LABEL/SET: symbol index, -1 for numeric labels */
  int local;            /* numeric LABEL: its number */
  int expr;             /* SET: value */
  int width;            /* DATA: 1, 2 or 4 */
  const char *dir;      /* DATA: the directive's name (static) */
  int first, count;     /* DATA, ALIGN, SPACE: argument nodes in p->args */
  uint8_t *bytes;       /* BYTES (owned) */
  size_t nbytes;
  int64_t align, fill, max;  /* ALIGN (fill -1 = NOP pattern), SPACE count/fill */
  bool p2;              /* ALIGN: .p2align (argument is a power) */
  bool bad;             /* an error made the statement emit nothing */
  rs_asm_insn *insn;    /* INSN (owned) */
} rs_asm_stmt;

typedef struct rs_asm_localdef {
  int num;
  int stmt;
} rs_asm_localdef;

typedef struct rs_asm_block {
  char *name;
  uint32_t origin;
  char *raw;            /* the text as given */
  char *src;            /* the text, lines NUL-terminated */
  char *clean;          /* same layout, comments blanked */
  rs_asm_line *lines;
  size_t nlines;
  rs_asm_stmt *stmts;
  size_t nstmts, capstmts;
  rs_asm_localdef *locals;
  size_t nlocals, caplocals;
  uint8_t *bytes;
  size_t len;
} rs_asm_block;

typedef enum rs_asm_sym_kind {
  RS_ASM_SYM_PREDEF, RS_ASM_SYM_LABEL, RS_ASM_SYM_SET,
} rs_asm_sym_kind;

typedef struct rs_asm_sym {
  rs_asm_symbol pub;    /* name (owned), final value, block, line */
  rs_asm_sym_kind kind;
  uint32_t seq;
  int def_block;        /* LABEL/SET: the defining block and statement */
  int stmt;
  int col;
  int64_t final_v;      /* the value after assembly, before truncation */
  bool final_ok;        /* final_v and pub.value are valid */
} rs_asm_sym;

struct rs_program {
  rs_asm_block *blocks;
  size_t nblocks, capblocks;
  rs_asm_sym *syms;
  size_t nsyms, capsyms;
  size_t npredef;
  int *symhash;         /* open addressing: symbol index + 1, 0 = empty */
  size_t hashcap;
  rs_asm_expr *nodes;
  size_t nnodes, capnodes;
  int *args;            /* argument lists of directives */
  size_t nargs, capargs;
  rs_asm_diag *diags;
  size_t ndiags, capdiags;
  bool assembled;
  uint32_t seq;
};

/* ----------------------------------------------------------- functions */

/* program.c */
void rs_asm_diag_add(rs_program *p, int block, int line, int col, const char *fmt, ...)
  __attribute__((format(printf, 5, 6)));
void *rs_asm_grow(void *v, size_t *cap, size_t need, size_t elem);
int rs_asm_sym_find(const rs_program *p, const char *name, size_t len);
int rs_asm_sym_add(rs_program *p, const char *name, size_t len, rs_asm_sym_kind kind);
bool rs_asm_is_symbol_name(const char *s, size_t len);
uint64_t rs_asm_stmt_addr(const rs_program *p, int block, int stmt);

/* lexer.c */
bool rs_asm_lex(rs_asm_toks *out, const char *line, int *errcol, char *err, size_t errlen);
void rs_asm_clean_text(char *text, size_t len, bool *open_comment, size_t *open_line);
bool rs_asm_tok_is(const rs_asm_tok *t, int op);
bool rs_asm_decode_string(const rs_asm_tok *t, uint8_t **out, size_t *outlen,
                          int *errcol, char *err, size_t errlen);

/* expr.c */
int rs_asm_expr_parse(rs_program *p, const rs_asm_tok *t, size_t n, size_t *pos,
                      int block, int *errcol, char *err, size_t errlen);
bool rs_asm_eval(rs_asm_evalctx *cx, int node, rs_asm_value *out);
bool rs_asm_eval_definition(rs_asm_evalctx *cx, int sym, rs_asm_value *out);
int rs_asm_expr_col(const rs_program *p, int node);
void rs_asm_resolve_syms(rs_program *p, size_t first_node);

/* operand.c */
bool rs_asm_reg_lookup(const char *name, size_t len, rs_asm_reg *out);
bool rs_asm_operand_parse(rs_program *p, const rs_asm_tok *t, size_t n, int block,
                          rs_asm_operand *out, int *errcol, char *err, size_t errlen);

/* encode.c */
bool rs_asm_encode(rs_program *p, int block, int stmt, rs_asm_evalctx *cx);
uint64_t rs_asm_enc_size(const rs_asm_enc *e);
int64_t rs_asm_imm_normalize(int64_t v, int size);
void rs_asm_encode_bytes(const rs_asm_enc *e, uint8_t *out, const int64_t *disp,
                         const int64_t *imm, int64_t rel);
bool rs_asm_is_prefix(const char *name, size_t len, uint8_t *byte);

/* directives.c */
void rs_asm_directive(rs_program *p, int block, int line, const rs_asm_tok *t, size_t n);

/* parse.c */
void rs_asm_parse_block(rs_program *p, int block);
int rs_asm_stmt_new(rs_program *p, int block, rs_asm_stmt_kind kind, int line, int col);
void rs_asm_define_set(rs_program *p, int block, int line, const rs_asm_tok *name,
                       const rs_asm_tok *t, size_t n);

/* layout.c */
void rs_asm_layout(rs_program *p);
void rs_asm_emit(rs_program *p);

#endif
