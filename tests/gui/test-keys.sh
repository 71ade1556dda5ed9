#!/bin/sh
# test-keys.sh RINGSIDE SCENARIO: real X key and mouse events (xdotool)
# into the real program, which reports each step on stdout (--debug-print).
# Prints TAP. Needs a display: run under xvfb-run.
set -u
ringside=$1
scenario=$2

if [ -z "${DISPLAY:-}" ]; then
  echo "1..0 # SKIP no display (run under xvfb-run)"
  exit 0
fi

mkdir -p "${XDG_RUNTIME_DIR:?}" && chmod 700 "$XDG_RUNTIME_DIR"
log=$(mktemp "${TMPDIR:-/tmp}/ringside-keys.XXXXXX")
"$ringside" --debug-print "$scenario" >"$log" 2>&1 &
pid=$!
trap 'kill $pid 2>/dev/null; rm -f "$log"' EXIT

n=0
ok() { n=$((n + 1)); echo "ok $n - $1"; }
not_ok() {
  n=$((n + 1)); echo "not ok $n - $1"
  sed 's/^/# /' "$log"
  echo "1..$n"
  exit 1
}

# wait_line REGEX: waits (10 s at most) until the program printed a line
# matching REGEX after the lines already seen.
seen=0
wait_line() {
  i=0
  while [ $i -lt 100 ]; do
    if tail -n +$((seen + 1)) "$log" | grep -qE "^$1\$"; then
      seen=$(grep -nE "^$1\$" "$log" | tail -n 1 | cut -d: -f1)
      return 0
    fi
    sleep 0.1
    i=$((i + 1))
  done
  return 1
}

wait_line "step 0/[0-9]+" || not_ok "the window opens on the scenario"
length=$(grep -m1 -E '^step 0/' "$log" | cut -d/ -f2)
ok "the window opens on the scenario (step 0 of $length)"

window=$(xdotool search --sync --onlyvisible --pid "$pid" | head -n 1)
xdotool windowfocus --sync "$window" 2>/dev/null
xdotool mousemove --window "$window" 400 300

xdotool key space space Right
wait_line "step 3/$length" || not_ok "Space, Space, Right step forward"
ok "Space, Space, Right step forward"

xdotool key Left
wait_line "step 2/$length" || not_ok "Left steps back"
ok "Left steps back"

xdotool key p
wait_line "playing 1" || not_ok "P plays"
wait_line "step 3/$length" || not_ok "playing takes steps"
xdotool key p
wait_line "playing 0" || not_ok "P pauses"
ok "P plays and pauses"

xdotool key Home
wait_line "step 0/$length" || not_ok "Home restarts"
ok "Home restarts"

xdotool key ctrl+q
i=0
while kill -0 "$pid" 2>/dev/null && [ $i -lt 50 ]; do sleep 0.1; i=$((i + 1)); done
kill -0 "$pid" 2>/dev/null && not_ok "Ctrl+Q quits"
ok "Ctrl+Q quits"
echo "1..$n"
