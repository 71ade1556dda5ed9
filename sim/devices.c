/* Devices: the interrupt controller, the interval timer, scheduled events
 * and the I/O ports (PIC at 0x20/0x21, COM1 console at 0x3f8).
 *
 * The controller keeps one request bit per line, so while a line is
 * pending a second request on it is lost — the textbook's "the hardware
 * buffers one interrupt of each type" (OSPP §2.4.4). Priorities are the
 * 8259's fully nested mode: line 0 highest, and a line in service blocks
 * itself and every lower-priority line until EOI (8259A datasheet, "Fully
 * Nested Mode"). */
#include "machine-internal.h"

#include <stdlib.h>
#include <string.h>

enum { PIC_CMD = 0x20, PIC_DATA = 0x21, PIC_EOI = 0x20, COM1_LSR = RS_PORT_COM1 + 5 };

static void set_irr(rs_machine *m, uint8_t v, rs_why why) {
  rs_pic *p = &m->core.pic;
  if (m->rec) rs_eff_dev(m, RS_DEV_PIC_IRR, 0, p->irr, v, why);
  p->irr = v;
}

static void set_isr(rs_machine *m, uint8_t v, rs_why why) {
  rs_pic *p = &m->core.pic;
  if (m->rec) rs_eff_dev(m, RS_DEV_PIC_ISR, 0, p->isr, v, why);
  p->isr = v;
}

void rs_dev_raise_irq(rs_machine *m, unsigned irq, rs_why why) {
  rs_pic *p = &m->core.pic;
  uint8_t bit = (uint8_t)(1u << irq);
  if (p->irr & bit) {
    /* Already requested: the controller has nowhere to keep a second one. */
    if (m->rec) rs_eff_dev(m, RS_DEV_PIC_IRR, irq, p->irr, p->irr, RS_WHY_IRQ_LOST);
    return;
  }
  set_irr(m, (uint8_t)(p->irr | bit), why);
}

int rs_dev_next_irq(const rs_machine *m) {
  const rs_pic *p = &m->core.pic;
  uint8_t req = (uint8_t)(p->irr & ~p->imr);
  if (!req) return -1;
  for (unsigned i = 0; i < 8; i++) {
    if (p->isr & (1u << i)) return -1; /* in service: blocks itself and below */
    if (req & (1u << i)) return (int)i;
  }
  return -1;
}

void rs_dev_ack_irq(rs_machine *m, unsigned irq) {
  rs_pic *p = &m->core.pic;
  set_irr(m, (uint8_t)(p->irr & ~(1u << irq)), RS_WHY_IRQ_ACK);
  set_isr(m, (uint8_t)(p->isr | (1u << irq)), RS_WHY_IRQ_ACK);
}

void rs_console_append(rs_machine *m, char c) {
  if (m->core.console_len + 1 > m->console_cap) {
    uint32_t cap = m->console_cap ? m->console_cap * 2 : 256;
    char *n = realloc(m->console, cap);
    if (!n) return; /* out of memory: the byte is dropped, the machine goes on */
    m->console = n;
    m->console_cap = cap;
  }
  m->console[m->core.console_len++] = c;
}

void rs_dev_out(rs_machine *m, uint16_t port, unsigned size, uint32_t val) {
  rs_pic *p = &m->core.pic;
  switch (port) {
  case PIC_CMD:
    if ((val & 0xff) == PIC_EOI && p->isr) {
      /* Non-specific EOI: frees the highest-priority line in service. */
      uint8_t isr = p->isr;
      set_isr(m, (uint8_t)(isr & (isr - 1)), RS_WHY_EOI);
    }
    return; /* initialization words and OCW3 are not modelled */
  case PIC_DATA:
    if (m->rec) rs_eff_dev(m, RS_DEV_PIC_IMR, 0, p->imr, val & 0xff, RS_WHY_IRQ_MASK);
    p->imr = (uint8_t)val;
    return;
  case RS_PORT_COM1:
    if (m->rec) rs_eff_info(m, RS_EFF_CONSOLE, port, (uint16_t)size, 0, 0, val & 0xff, RS_WHY_CONSOLE);
    rs_console_append(m, (char)(val & 0xff));
    return;
  default:
    return; /* no device: the write goes nowhere */
  }
}

uint32_t rs_dev_in(rs_machine *m, uint16_t port, unsigned size) {
  switch (port) {
  case PIC_CMD: return m->core.pic.irr;
  case PIC_DATA: return m->core.pic.imr;
  case COM1_LSR: return 0x60; /* transmitter empty: ready for the next byte */
  case RS_PORT_COM1: return 0;
  default: return size == 1 ? 0xff : size == 2 ? 0xffff : 0xffffffffu; /* open bus */
  }
}

void rs_dev_tick(rs_machine *m) {
  m->core.icount++;
  if (m->core.icount >= m->core.timer_next) {
    rs_dev_raise_irq(m, m->timer.irq, RS_WHY_TIMER_FIRES);
    m->core.timer_next += m->timer.period;
  }
}

void rs_dev_check_events(rs_machine *m) {
  for (uint32_t i = 0; i < m->n_events; i++) {
    const rs_sched_event *e = &m->events[i];
    bool due = e->by_eip ? (m->cpu.eip == e->eip &&
                            (e->count == 0 || m->event_fired[i] < e->count))
                         : (e->step == m->core.steps && m->event_fired[i] == 0);
    if (!due) continue;
    if (m->rec) rs_eff_dev(m, RS_DEV_EVENT_FIRED, i, m->event_fired[i], m->event_fired[i] + 1,
                           RS_WHY_EVENT_FIRES);
    m->event_fired[i]++;
    rs_dev_raise_irq(m, e->irq, RS_WHY_EVENT_FIRES);
  }
}
