/* Ringside — steps and effects: the contract between the core and the views
 * (DESIGN §3).
 *
 * A step is one instruction, or one delivery of an interrupt or exception,
 * or one idle wait of a halted CPU. rs_machine_step() records, when asked,
 * every atomic change the step made (old and new value, and why) plus the
 * informational reads and checks the hardware performed (IDT read, privilege
 * check, TSS read). Undo applies the changes in reverse.
 */
#ifndef RINGSIDE_STEP_H
#define RINGSIDE_STEP_H

#include "machine.h"

#ifdef __cplusplus
extern "C" {
#endif

/* What a step was. */
#define RS_STEP_KINDS(X)                                                     \
  X(INSTRUCTION, "instruction")         /* one instruction executed */       \
  X(INTERRUPT,   "interrupt")           /* external IRQ delivered */         \
  X(SOFTWARE_INTERRUPT, "software-interrupt") /* INT n / INT3 / INTO delivered */ \
  X(EXCEPTION,   "exception")           /* processor exception delivered */  \
  X(IDLE,        "idle")                /* halted CPU waits for an IRQ */    \
  X(SHUTDOWN,    "shutdown")            /* triple fault: the CPU stops */

typedef enum rs_step_kind {
#define X(id, name) RS_STEP_##id,
  RS_STEP_KINDS(X)
#undef X
  RS_STEP_NKINDS
} rs_step_kind;

/* Stable lowercase name ("instruction", "interrupt", ...) for traces. */
const char *rs_step_kind_name(rs_step_kind k);

/* Kinds of effect. REG, MEM and DEV change state and are undone; the others
 * record what the hardware looked at and decided. */
#define RS_EFFECT_KINDS(X)                                                   \
  X(REG,      "reg")      /* register: target = rs_loc */                   \
  X(MEM,      "mem")      /* memory write: addr (linear), phys, size */      \
  X(DEV,      "dev")      /* device/internal state: target = rs_dev_field */ \
  X(READ,     "read")     /* memory read: addr, size, new = value read */    \
  X(IDT_READ, "idt-read") /* target = vector, addr = gate, old/new = low/high dword */ \
  X(GDT_READ, "gdt-read") /* target = selector, addr, old/new = low/high dword */ \
  X(TSS_READ, "tss-read") /* target = TSS offset (4 ESP0, 8 SS0), addr, new = value */ \
  X(CHECK,    "check")    /* a protection check: old = CPL, new = the limit, aux = 1 passed */ \
  X(RAISE,    "raise")    /* event raised: target = vector, new = error code, addr = saved EIP, aux = rs_event_kind | has_error << 8 */ \
  X(CONSOLE,  "console")  /* byte written to the console: new = byte */

typedef enum rs_effect_kind {
#define X(id, name) RS_EFF_##id,
  RS_EFFECT_KINDS(X)
#undef X
  RS_EFF_NKINDS
} rs_effect_kind;
const char *rs_effect_kind_name(rs_effect_kind k);

/* Register locations an RS_EFF_REG effect can name. The *_CACHE entries are
 * the hidden descriptor caches (base, limit, attributes = access | flags<<8);
 * views normally skip them. */
#define RS_LOCS(X)                                                      \
  X(EAX, "eax") X(ECX, "ecx") X(EDX, "edx") X(EBX, "ebx")               \
  X(ESP, "esp") X(EBP, "ebp") X(ESI, "esi") X(EDI, "edi")               \
  X(EIP, "eip") X(EFLAGS, "eflags")                                     \
  X(ES, "es") X(CS, "cs") X(SS, "ss") X(DS, "ds") X(FS, "fs") X(GS, "gs") \
  X(CR0, "cr0") X(CR2, "cr2") X(CR3, "cr3") X(CR4, "cr4")               \
  X(GDTR_BASE, "gdtr.base") X(GDTR_LIMIT, "gdtr.limit")                 \
  X(IDTR_BASE, "idtr.base") X(IDTR_LIMIT, "idtr.limit") X(TR, "tr")     \
  X(ES_BASE, "es.base") X(CS_BASE, "cs.base") X(SS_BASE, "ss.base")     \
  X(DS_BASE, "ds.base") X(FS_BASE, "fs.base") X(GS_BASE, "gs.base")     \
  X(ES_LIMIT, "es.limit") X(CS_LIMIT, "cs.limit") X(SS_LIMIT, "ss.limit") \
  X(DS_LIMIT, "ds.limit") X(FS_LIMIT, "fs.limit") X(GS_LIMIT, "gs.limit") \
  X(ES_ATTR, "es.attr") X(CS_ATTR, "cs.attr") X(SS_ATTR, "ss.attr")     \
  X(DS_ATTR, "ds.attr") X(FS_ATTR, "fs.attr") X(GS_ATTR, "gs.attr")     \
  X(TR_BASE, "tr.base") X(TR_LIMIT, "tr.limit") X(TR_ATTR, "tr.attr")

typedef enum rs_loc {
#define X(id, name) RS_LOC_##id,
  RS_LOCS(X)
#undef X
  RS_NLOCS
} rs_loc;
const char *rs_loc_name(rs_loc l);
/* True for the hidden descriptor-cache locations. */
bool rs_loc_is_hidden(rs_loc l);
/* The current value of a location (16-bit locations zero-extended). */
uint32_t rs_cpu_loc(const rs_cpu *c, rs_loc l);

/* Device and internal fields an RS_EFF_DEV effect can name. */
#define RS_DEV_FIELDS(X)                                                \
  X(PIC_IRR, "pic.irr")       /* pending IRQ lines */                   \
  X(PIC_ISR, "pic.isr")       /* in-service IRQ lines */                \
  X(PIC_IMR, "pic.imr")       /* masked IRQ lines */                    \
  X(HALTED, "cpu.halted")                                               \
  X(SHADOW, "cpu.interrupt-shadow") /* STI / MOV SS inhibit */          \
  X(STOPPED, "cpu.stopped")                                             \
  X(EVENT_FIRED, "event.fired") /* aux = event index; value = times fired */ \
  X(PENDING, "cpu.pending-event") /* new = vector, or 0xffffffff for none */

typedef enum rs_dev_field {
#define X(id, name) RS_DEV_##id,
  RS_DEV_FIELDS(X)
#undef X
  RS_NDEV
} rs_dev_field;
const char *rs_dev_field_name(rs_dev_field f);

/* Why an effect happened. Each reason has a short phrase used by traces
 * ("push saved SS") and a key the narration layer explains. */
#define RS_WHYS(X)                                                          \
  X(NONE,            "")                                                    \
  X(RESULT,          "instruction result")                                  \
  X(OPERAND,         "operand read from memory")                            \
  X(FLAGS,           "flags set by the result")                             \
  X(NEXT_EIP,        "advance to the next instruction")                     \
  X(JUMP,            "jump")                                                \
  X(BRANCH_TAKEN,    "condition true: branch taken")                        \
  X(CALL_RETURN_ADDR,"call pushes the return address")                      \
  X(CALL_TARGET,     "call jumps to the callee")                            \
  X(RET_POP,         "ret pops the return address")                         \
  X(PUSH,            "push")                                                \
  X(POP,             "pop")                                                 \
  X(STACK_ADJUST,    "adjust the stack pointer")                            \
  X(PUSHAD_EAX,      "pushad saves EAX")                                    \
  X(PUSHAD_ECX,      "pushad saves ECX")                                    \
  X(PUSHAD_EDX,      "pushad saves EDX")                                    \
  X(PUSHAD_EBX,      "pushad saves EBX")                                    \
  X(PUSHAD_ESP,      "pushad saves ESP (its value before pushad)")          \
  X(PUSHAD_EBP,      "pushad saves EBP")                                    \
  X(PUSHAD_ESI,      "pushad saves ESI")                                    \
  X(PUSHAD_EDI,      "pushad saves EDI")                                    \
  X(POPAD,           "popad restores a register")                           \
  X(POPAD_SKIP_ESP,  "popad skips the saved ESP")                           \
  X(PUSHFD,          "pushfd saves EFLAGS")                                 \
  X(POPFD,           "popfd restores EFLAGS")                               \
  X(STRING,          "string instruction")                                  \
  X(PTE_ACCESSED,    "page walk sets the accessed bit")                     \
  X(PTE_DIRTY,       "write sets the dirty bit")                            \
  X(IO_OUT,          "out to an I/O port")                                  \
  X(IO_IN,           "in from an I/O port")                                 \
  X(CONSOLE,         "console prints a byte")                               \
  X(EOI,             "end of interrupt: the controller frees the line")     \
  X(IRQ_MASK,        "interrupt mask changed")                              \
  X(CLI,             "cli clears IF: interrupts masked")                    \
  X(STI,             "sti sets IF: interrupts enabled")                     \
  X(STI_SHADOW,      "interrupts stay inhibited for one more instruction")  \
  X(SHADOW_END,      "interrupt shadow ends")                               \
  X(HLT,             "hlt: wait for an interrupt")                          \
  X(WAKE,            "an interrupt wakes the halted CPU")                   \
  X(SEG_LOAD,        "segment register loaded")                             \
  X(LGDT,            "lgdt loads GDTR")                                     \
  X(LIDT,            "lidt loads IDTR")                                     \
  X(LTR,             "ltr loads the task register")                         \
  X(MOV_CR,          "control register written")                            \
  X(TIMER_FIRES,     "the timer fires: IRQ line raised")                    \
  X(EVENT_FIRES,     "scheduled event: IRQ line raised")                    \
  X(IRQ_LOST,        "IRQ already pending: this one is lost")               \
  X(IRQ_ACK,         "controller hands the IRQ to the CPU")                 \
  X(RAISE_INT,       "int raises a software interrupt")                     \
  X(RAISE_EXCEPTION, "the instruction raises an exception")                 \
  X(RAISE_IN_DELIVERY, "the delivery fails: the CPU raises an exception")    \
  X(IDT_READ,        "read the gate from the IDT")                          \
  X(GDT_READ,        "read the handler's code segment descriptor")          \
  X(GDT_READ_SS,     "read the new stack segment descriptor")               \
  X(GDT_READ_RETURN, "read the descriptor of the selector being returned to") \
  X(GDT_READ_SEG,    "read the segment descriptor being loaded")            \
  X(TSS_READ_ESP0,   "read ESP0 from the TSS")                              \
  X(TSS_READ_SS0,    "read SS0 from the TSS")                               \
  X(CHECK_IDT_LIMIT, "vector within the IDT limit")                         \
  X(CHECK_GATE_TYPE, "gate is an interrupt or trap gate")                   \
  X(CHECK_GATE_DPL,  "software interrupt: CPL <= gate DPL")                 \
  X(CHECK_GATE_PRESENT, "gate present")                                     \
  X(CHECK_CODE_SEGMENT, "handler segment is executable code, DPL <= CPL")   \
  X(CHECK_IO,        "I/O allowed: CPL <= IOPL or TSS bitmap")              \
  X(CHECK_PRIVILEGE, "privileged instruction: CPL = 0 required")            \
  X(CHECK_IRET,      "iret checks the return selectors")                    \
  X(STACK_SWITCH_SS, "switch to the kernel stack: SS = SS0")                \
  X(STACK_SWITCH_ESP,"switch to the kernel stack: ESP = ESP0")              \
  X(FRAME_SS,        "push saved SS")                                       \
  X(FRAME_ESP,       "push saved ESP")                                      \
  X(FRAME_EFLAGS,    "push saved EFLAGS")                                   \
  X(FRAME_CS,        "push saved CS")                                       \
  X(FRAME_EIP,       "push saved EIP")                                      \
  X(FRAME_ERROR,     "push error code")                                     \
  X(FRAME_ESP_ADJUST,"stack pointer after the pushes")                      \
  X(CLEAR_IF,        "interrupt gate clears IF")                            \
  X(CLEAR_TF,        "delivery clears TF, NT, RF and VM")                   \
  X(LOAD_CR2,        "CR2 = the faulting address")                          \
  X(ENTER_CS,        "CS = the handler's segment: CPL changes")             \
  X(ENTER_EIP,       "EIP = the handler's offset")                          \
  X(DOUBLE_FAULT,    "fault while delivering a fault: double fault")        \
  X(TRIPLE_FAULT,    "fault while delivering a double fault: shutdown")     \
  X(IRET_EIP,        "iret pops EIP")                                       \
  X(IRET_CS,         "iret pops CS: CPL changes")                           \
  X(IRET_EFLAGS,     "iret pops EFLAGS")                                    \
  X(IRET_ESP,        "iret pops ESP: back on the user stack")               \
  X(IRET_SS,         "iret pops SS")                                        \
  X(IRET_NULL_SEG,   "iret to user mode nulls a kernel data segment")       \
  X(IDLE,            "the CPU waits until an interrupt arrives")            \
  X(LOAD,            "set by the scenario")

typedef enum rs_why {
#define X(id, text) RS_WHY_##id,
  RS_WHYS(X)
#undef X
  RS_NWHY
} rs_why;

/* The trace phrase of a reason ("push saved SS"); "" for RS_WHY_NONE. */
const char *rs_why_text(rs_why w);
/* The identifier of a reason ("FRAME_SS"), for narration keys. */
const char *rs_why_id(rs_why w);

/* One atomic effect (32 bytes). */
typedef struct rs_effect {
  uint8_t  kind;       /* rs_effect_kind */
  uint8_t  size;       /* MEM/READ: 1, 2 or 4 bytes */
  uint16_t why;        /* rs_why */
  uint16_t target;     /* rs_loc, rs_dev_field, vector or selector (see kind) */
  uint16_t aux;        /* kind-specific (see RS_EFFECT_KINDS) */
  uint32_t addr;       /* linear address, when there is one */
  uint32_t phys;       /* MEM: physical address of the first byte */
  uint32_t old_val;
  uint32_t new_val;
  rs_word_tag old_tag; /* MEM: provenance of the word before the write */
} rs_effect;

/* Machine state outside registers and memory, as it was before a step;
 * undo restores it whole. */
typedef struct rs_core_state {
  uint64_t steps;
  uint64_t icount;
  uint64_t timer_next;
  rs_event pending;
  rs_pic   pic;
  uint8_t  halted;
  uint8_t  shadow;
  uint8_t  stopped;
  uint8_t  pad;
  uint32_t console_len;
} rs_core_state;

/* Everything one step did. Owned by the caller; reuse it across steps with
 * rs_step_record_clear(). */
typedef struct rs_step_record {
  uint64_t index;          /* step number, 0-based */
  uint8_t  kind;           /* rs_step_kind */
  uint8_t  cpl_before;
  uint8_t  cpl_after;
  uint8_t  vector;         /* delivery steps: the vector delivered */
  uint8_t  has_error;      /* delivery steps: an error code was pushed */
  uint8_t  insn_len;       /* instruction steps: bytes executed */
  uint8_t  event_kind;     /* delivery steps: rs_event_kind */
  uint8_t  pad;
  uint32_t error_code;
  uint32_t eip;            /* EIP at the start of the step */
  uint8_t  insn[16];       /* instruction steps: the instruction bytes */
  rs_core_state before;
  rs_effect *effects;
  uint32_t n_effects;
  uint32_t cap_effects;
} rs_step_record;

void rs_step_record_init(rs_step_record *r);
void rs_step_record_clear(rs_step_record *r);   /* keeps the buffer */
void rs_step_record_free(rs_step_record *r);
/* Deep copy (dst must be initialised). Returns false on allocation failure. */
bool rs_step_record_copy(rs_step_record *dst, const rs_step_record *src);

/* Advances the machine by one step. With `rec` NULL this is the fast path:
 * identical state changes, nothing recorded. Returns false (and changes
 * nothing) when the machine is stopped. */
bool rs_machine_step(rs_machine *m, rs_step_record *rec);

/* Runs up to `max_steps` fast-path steps; stops early when the machine
 * stops or, if `stop_eip` is not UINT32_MAX, when an instruction step is
 * about to execute at `stop_eip` (checked before each step, not for the
 * first). Returns the number of steps taken. */
uint64_t rs_machine_run(rs_machine *m, uint64_t max_steps, uint32_t stop_eip);

/* The kind of the last step taken (fast path included) and, for a
 * delivery, its vector. Meaningless before the first step. */
rs_step_kind rs_machine_last_kind(const rs_machine *m, unsigned *vector);

/* True when the next step would execute the instruction at EIP: nothing
 * pending to deliver, no enabled IRQ waiting, not halted or stopped.
 * (A scheduled event due at this step may still intervene.) */
bool rs_machine_next_is_instruction(const rs_machine *m);

/* Undoes the step `rec` recorded, which must be the last step taken. */
void rs_machine_undo(rs_machine *m, const rs_step_record *rec);

#ifdef __cplusplus
}
#endif
#endif
