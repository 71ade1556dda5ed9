#!/usr/bin/env python3
"""ringside-cli end to end, as TAP: check, trace (golden JSONL traces of the
shipped scenarios, byte for byte), state, and usage errors.

Usage: test_cli.py RINGSIDE_CLI [--update]   (--update rewrites the golden files)"""
import json
import os
import subprocess
import sys
import tempfile

CLI = os.path.abspath(sys.argv[1])
UPDATE = '--update' in sys.argv
ROOT = os.environ.get('RINGSIDE_SOURCE_ROOT', os.path.join(os.path.dirname(__file__), '..', '..'))
GOLDEN = os.path.join(ROOT, 'tests', 'golden')
SCENARIOS = [
    'scenarios/interrupts/timer-during-user.json',
    'scenarios/syscalls/file-open-int64.json',
    'scenarios/syscalls/file-open-bad-pointer.json',
    'scenarios/syscalls/linux-int80-write.json',
]
results = []


def run(*args):
    p = subprocess.run([CLI, *args], cwd=ROOT, capture_output=True, text=True)
    return p.returncode, p.stdout, p.stderr


def check(name, ok, detail=''):
    results.append((name, ok, detail))


def shipped_scenarios():
    out = []
    for topic in sorted(os.listdir(os.path.join(ROOT, 'scenarios'))):
        d = os.path.join(ROOT, 'scenarios', topic)
        if os.path.isdir(d):
            out += [os.path.join('scenarios', topic, f) for f in sorted(os.listdir(d)) if f.endswith('.json')]
    return out


# check: every shipped scenario validates and meets its expectations
for path in shipped_scenarios():
    rc, out, err = run('check', path)
    check(f'check {path}', rc == 0 and out.strip() == f'{path}: ok', err)

# check: a broken file is reported with file:line:col and a JSON path, exit 1
with tempfile.NamedTemporaryFile('w', suffix='.json', delete=False) as f:
    src = open(os.path.join(ROOT, SCENARIOS[0])).read()
    f.write(src.replace('"gate": "interrupt"', '"gate": "interupt"', 1))
    broken = f.name
rc, out, err = run('check', broken)
lines = [l for l in err.splitlines() if l]
check('check reports a broken file', rc == 1 and len(lines) == 1 and lines[0].startswith(broken + ':')
      and ': idt[0].gate: ' in lines[0], err)
os.unlink(broken)

# trace: golden JSONL traces, byte for byte
for path in SCENARIOS:
    rc, out, err = run('trace', path, '--format', 'jsonl')
    golden = os.path.join(GOLDEN, os.path.basename(path).replace('.json', '.jsonl'))
    if UPDATE:
        with open(golden, 'w') as g:
            g.write(out)
    expected = open(golden).read() if os.path.exists(golden) else ''
    detail = ''
    if out != expected:
        for i, (a, b) in enumerate(zip(out.splitlines(), expected.splitlines())):
            if a != b:
                detail = f'first difference at line {i + 1}:\n  got      {a[:400]}\n  expected {b[:400]}'
                break
        else:
            detail = f'{len(out.splitlines())} lines, golden has {len(expected.splitlines())}'
    check(f'golden trace {os.path.basename(golden)}', rc == 0 and out == expected, detail or err)

# trace: the JSONL contract (one object per step, keys in order, integers)
rc, out, _ = run('trace', SCENARIOS[0], '--format', 'jsonl')
ok, detail = rc == 0, ''
for n, line in enumerate(out.splitlines()):
    obj = json.loads(line)
    keys = list(obj.keys())
    if keys != ['step', 'kind', 'eip', 'cpl', 'text', 'vector', 'error_code', 'effects', 'regs'] or obj['step'] != n:
        ok, detail = False, f'line {n + 1}: keys {keys}'
        break
    if list(obj['regs'].keys())[:10] != ['eax', 'ebx', 'ecx', 'edx', 'esi', 'edi', 'ebp', 'esp', 'eip', 'eflags']:
        ok, detail = False, f'line {n + 1}: regs {list(obj["regs"].keys())}'
        break
    if not all(isinstance(v, int) for v in obj['regs'].values()):
        ok, detail = False, f'line {n + 1}: non-integer register'
        break
check('JSONL trace shape', ok, detail)

# the delivery step of the timer scenario: vector 32, the five pushes in order
steps = [json.loads(l) for l in out.splitlines()]
deliveries = [s for s in steps if s['kind'] == 'interrupt']
pushes = [e['why'] for e in deliveries[0]['effects'] if e['kind'] == 'mem'] if deliveries else []
check('timer delivery pushes SS ESP EFLAGS CS EIP',
      len(deliveries) == 1 and deliveries[0]['vector'] == 32 and deliveries[0]['error_code'] is None
      and pushes == ['push saved SS', 'push saved ESP', 'push saved EFLAGS', 'push saved CS', 'push saved EIP'],
      json.dumps(deliveries[0]['effects'] if deliveries else None)[:600])

# trace --max-steps
rc, out, _ = run('trace', SCENARIOS[0], '--format', 'jsonl', '--max-steps', '5')
check('trace --max-steps 5', rc == 0 and len(out.splitlines()) == 5)

# state: registers and memory after N steps
rc, out, err = run('state', SCENARIOS[0], '--step', '9', '--mem', '0xc0107fec:20')
try:
    st = json.loads(out)
    ok = (rc == 0 and st['step'] == 9 and st['regs']['esp'] == 0xc0107fec and st['regs']['cs'] == 8
          # saved EIP 0x08048017, CS 0x1b, EFLAGS 0x202, ESP 0xbffffff8, SS 0x23, little-endian
          and st['mem'] == [{'addr': 0xc0107fec, 'hex': '17800408' '1b000000' '02020000' 'f8ffffbf' '23000000'}])
except ValueError:
    ok = False
check('state --step 9 --mem', ok, out + err)

rc, out, err = run('state', SCENARIOS[0], '--step', '999999')
check('state past the end is an error', rc == 1 and 'ends at step' in err, err)

# usage errors exit 2
for args in (['frobnicate'], ['trace'], ['trace', SCENARIOS[0], '--format', 'xml'], ['state', SCENARIOS[0]]):
    rc, _, err = run(*args)
    check(f'usage error: {" ".join(args)}', rc == 2 and 'Usage:' in err, err)

print(f'1..{len(results)}')
for i, (name, ok, detail) in enumerate(results, 1):
    print(f'{"ok" if ok else "not ok"} {i} {name}')
    if not ok and detail:
        for l in detail.splitlines():
            print(f'# {l}')
sys.exit(0 if all(ok for _, ok, _ in results) else 1)
