#!/usr/bin/env bash
# ./run.sh [FILE.json] — installs what is missing (Debian 12), builds, and
# opens Ringside on FILE (default: the timer-interrupt scenario).
set -euo pipefail
cd "$(dirname "$0")"
. build-aux/setup.sh
# shellcheck disable=SC2086
ringside_ensure_packages $RINGSIDE_RUNTIME_PACKAGES
ringside_build build
if [ $# -eq 0 ]; then
  set -- scenarios/interrupts/timer-during-user.json
fi
exec ./build/app/gui/ringside "$@"
