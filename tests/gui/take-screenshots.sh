#!/bin/sh
# tests/gui/take-screenshots.sh [BUILDDIR]
#
# Writes the README's and the metainfo's screenshots into docs/screenshots/:
# main-window.png (1280×800), main-window-1024x768.png, main-window-dark.png
# and main-window-problems.png (a broken file's banner), all on the default
# scenario at its first entry into the kernel. BUILDDIR defaults to build/.
# Needs xvfb-run (package xvfb).
set -eu
cd "$(dirname "$0")/../.."
build=${1:-build}
ninja -C "$build" tests/gui/test-window data/gschemas.compiled

export RINGSIDE_SCREENSHOT_DIR="$PWD/docs/screenshots"
export RINGSIDE_SCENARIO_DIR="$PWD/scenarios"
export G_TEST_SRCDIR="$PWD/tests/gui"
export GSETTINGS_SCHEMA_DIR="$PWD/$build/data"
export GSETTINGS_BACKEND=memory GSK_RENDERER=cairo GTK_A11Y=test
mkdir -p "$RINGSIDE_SCREENSHOT_DIR"
xvfb-run -a "$build/tests/gui/test-window" -p /gui/screenshots
ls -l "$RINGSIDE_SCREENSHOT_DIR"
