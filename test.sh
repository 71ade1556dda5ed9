#!/usr/bin/env bash
# ./test.sh — installs what is missing (Debian 12), builds, and runs every
# test suite: the whole project (GUI tests under Xvfb), then the core and
# CLI suites again in an AddressSanitizer + UBSan build. Ends with the line
# "N passed, N failed" and a non-zero status if anything failed.
set -uo pipefail
cd "$(dirname "$0")"
. build-aux/setup.sh
# shellcheck disable=SC2086
ringside_ensure_packages $RINGSIDE_RUNTIME_PACKAGES $RINGSIDE_TEST_PACKAGES || exit 1

rc=0
ringside_build build || exit 1
echo "== test suites (build/) =="
GSK_RENDERER=cairo xvfb-run -a -s "-screen 0 1280x1024x24" \
  meson test -C build --print-errorlogs --num-processes 2 --logbase ci || rc=1

echo "== core and CLI under AddressSanitizer + UBSan (build-asan/) =="
ringside_build build-asan -Dgui=disabled -Db_sanitize=address,undefined -Db_lundef=false \
  -Dbuildtype=debug -Db_lto=false || exit 1
meson test -C build-asan --print-errorlogs --num-processes 2 --logbase ci \
  --suite asm --suite load --suite sim --suite cli || rc=1

python3 tests/meson-summary.py build/meson-logs/ci.json build-asan/meson-logs/ci.json || rc=1
exit $rc
