# Shared set-up for run.sh and test.sh: Debian packages, configure, build.
# Sourced, not executed.

# Packages the window needs to build and run.
RINGSIDE_RUNTIME_PACKAGES="meson ninja-build pkg-config gcc libc6-dev libgtk-4-dev libadwaita-1-dev
  libjson-c-dev libglib2.0-dev-bin libglib2.0-bin gettext desktop-file-utils appstream
  fonts-inter fonts-jetbrains-mono fonts-dejavu-core"
# Extra packages the test suite needs: a headless X server, GNU binutils for
# the assembler and disassembler conformance tests, python3-jsonschema for
# the schema agreement test.
RINGSIDE_TEST_PACKAGES="xvfb xauth xdotool x11-utils binutils python3 python3-jsonschema"

# ringside_ensure_packages PACKAGE... : installs the missing ones with
# apt-get when root; otherwise prints the exact command and fails.
ringside_ensure_packages() {
  local missing=()
  local p
  for p in "$@"; do
    if ! dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed"; then
      missing+=("$p")
    fi
  done
  [ ${#missing[@]} -eq 0 ] && return 0
  if [ "$(id -u)" -eq 0 ]; then
    echo "Installing: ${missing[*]}"
    export DEBIAN_FRONTEND=noninteractive
    apt-get update
    apt-get install -y --no-install-recommends "${missing[@]}"
  else
    echo "Ringside needs these Debian packages:" >&2
    echo "  sudo apt-get install --no-install-recommends ${missing[*]}" >&2
    echo "Run that command (or run this script as root), then try again." >&2
    return 1
  fi
}

# ringside_build DIR [MESON OPTIONS...] : configures DIR once, then builds.
ringside_build() {
  local dir=$1
  shift
  if [ ! -f "$dir/build.ninja" ]; then
    meson setup "$dir" "$@"
  fi
  ninja -C "$dir"
}
