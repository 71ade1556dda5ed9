#!/usr/bin/env python3
"""Reads meson's JSON test log and prints one line: "N passed, N failed".

Counts TAP subtests where a test printed TAP, whole tests otherwise.
Exits 1 if anything failed (or nothing ran)."""
import json
import re
import sys

TAP_OK = re.compile(r'^ok\b(?!.*#\s*(SKIP|TODO))', re.I)
TAP_NOT_OK = re.compile(r'^not ok\b(?!.*#\s*TODO)', re.I)
TAP_SKIP = re.compile(r'^ok\b.*#\s*SKIP', re.I)


def count(path):
    passed = failed = skipped = 0
    with open(path, encoding='utf-8') as f:
        for line in f:
            line = line.strip()
            if not line:
                continue
            t = json.loads(line)
            result = t.get('result', '')
            out = t.get('stdout') or ''
            sub_ok = sub_bad = sub_skip = 0
            for l in out.splitlines():
                l = l.strip()
                if TAP_SKIP.match(l):
                    sub_skip += 1
                elif TAP_OK.match(l):
                    sub_ok += 1
                elif TAP_NOT_OK.match(l):
                    sub_bad += 1
            if result in ('OK', 'EXPECTEDFAIL'):
                if sub_ok or sub_skip:
                    passed += sub_ok
                    skipped += sub_skip
                else:
                    passed += 1
            elif result == 'SKIP':
                skipped += max(1, sub_skip)
            else:
                # A crashed or timed-out TAP test counts its failed subtests,
                # and at least one failure for the test itself.
                passed += sub_ok
                failed += max(1, sub_bad)
    return passed, failed, skipped


def main():
    if len(sys.argv) < 2:
        print('usage: meson-summary.py LOG.json...', file=sys.stderr)
        return 2
    p = f = s = 0
    for path in sys.argv[1:]:
        a, b, c = count(path)
        p, f, s = p + a, f + b, s + c
    if s:
        print(f'({s} skipped)')
    print(f'{p} passed, {f} failed')
    return 1 if f or p == 0 else 0


if __name__ == '__main__':
    sys.exit(main())
