#!/usr/bin/python3
"""Checks that scenarios/scenario.schema.json agrees with the C loader.

- the schema is valid draft-07, every property has a description and every
  object with properties forbids others (additionalProperties: false);
- every shipped scenario (scenarios/**/*.json), the worked example of
  scenarios/README.md and every file the loader tests accept
  (tests/load/valid, tests/load/check) is valid;
- every broken file listed in tests/load/broken/structural.txt (rejected by the
  loader for a structural reason: type, required, unknown, enum, range) is
  rejected by the schema too.

Prints TAP; skips when python3-jsonschema is not installed.
"""
import glob
import json
import os
import sys

try:
    import jsonschema
except ImportError:
    print('1..0 # SKIP python3-jsonschema is not installed')
    sys.exit(0)

ROOT = os.environ.get('RINGSIDE_SOURCE_ROOT') or os.path.join(os.path.dirname(os.path.abspath(__file__)), '..', '..')
HERE = os.path.join(ROOT, 'tests', 'load')


def load(path):
    with open(path, encoding='utf-8-sig') as f:
        return json.load(f)


def schema_walk(node, where, problems):
    """Collects properties without a description and open objects."""
    if isinstance(node, dict):
        props = node.get('properties')
        if isinstance(props, dict):
            if node.get('additionalProperties') is not False:
                problems.append(where + ': additionalProperties is not false')
            for name, sub in props.items():
                if 'description' not in sub:
                    problems.append('%s.%s: no description' % (where, name))
        for key, sub in node.items():
            schema_walk(sub, where + '/' + key, problems)
    elif isinstance(node, list):
        for i, sub in enumerate(node):
            schema_walk(sub, '%s[%d]' % (where, i), problems)


def main():
    results = []
    schema = load(os.path.join(ROOT, 'scenarios', 'scenario.schema.json'))
    try:
        jsonschema.Draft7Validator.check_schema(schema)
        results.append((True, 'schema is valid draft-07', []))
    except jsonschema.SchemaError as e:
        results.append((False, 'schema is valid draft-07', [str(e)]))
    problems = []
    schema_walk(schema, '#', problems)
    results.append((not problems, 'every property described, every object closed', problems))

    validator = jsonschema.Draft7Validator(schema)
    valid = sorted(glob.glob(os.path.join(ROOT, 'scenarios', '**', '*.json'), recursive=True))
    valid = [p for p in valid if not p.endswith('.schema.json')]
    valid += sorted(glob.glob(os.path.join(HERE, 'valid', '*.json')))
    valid += sorted(glob.glob(os.path.join(HERE, 'check', '*.json')))
    docs = [(os.path.relpath(p, ROOT), load(p)) for p in valid]
    with open(os.path.join(ROOT, 'scenarios', 'README.md'), encoding='utf-8') as f:
        readme = f.read()
    example = readme.split('<!-- worked-example -->\n```json\n', 1)[1].split('\n```\n', 1)[0]
    docs.append(('the worked example in scenarios/README.md', json.loads(example)))
    for name, doc in docs:
        errors = ['%s: %s' % ('/'.join(str(p) for p in e.absolute_path) or '(root)', e.message)
                  for e in validator.iter_errors(doc)]
        results.append((not errors, 'accepts ' + name, errors))

    with open(os.path.join(HERE, 'broken', 'structural.txt'), encoding='utf-8') as f:
        names = [l.strip() for l in f if l.strip() and not l.startswith('#')]
    for name in names:
        path = os.path.join(HERE, 'broken', name)
        ok = any(True for _ in validator.iter_errors(load(path)))
        results.append((ok, 'rejects broken/' + name, [] if ok else ['the schema accepts it']))

    print('1..%d' % len(results))
    for i, (ok, what, details) in enumerate(results, 1):
        print('%s %d - %s' % ('ok' if ok else 'not ok', i, what))
        for d in details:
            print('#   ' + d)
    return 0 if all(r[0] for r in results) else 1


if __name__ == '__main__':
    sys.exit(main())
