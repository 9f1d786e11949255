#!/usr/bin/env bash
# Prepares a fresh Debian 12 machine and builds hudud into build/.
# Installs the system packages only when one is missing (apt needs root:
# sudo is used when not root), then configures with CMake + Ninja
# (RelWithDebInfo) and builds everything: the `hudud` binary, tests, benchmarks.
set -euo pipefail

repo="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
build="${HUDUD_BUILD_DIR:-$repo/build}"

packages=(
  build-essential cmake ninja-build pkg-config
  libicu-dev libsqlite3-dev libpugixml-dev nlohmann-json3-dev libcli11-dev
  libfmt-dev libspdlog-dev libsodium-dev libcpp-httplib-dev
  libgtest-dev libgmock-dev libbenchmark-dev
  libpq-dev postgresql postgresql-contrib
)

missing=()
for pkg in "${packages[@]}"; do
  if ! dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q "install ok installed"; then
    missing+=("$pkg")
  fi
done

if ((${#missing[@]} > 0)); then
  echo "setup: installing ${missing[*]}" >&2
  sudo=()
  if [[ $(id -u) -ne 0 ]]; then
    if ! command -v sudo >/dev/null; then
      echo "setup: need root (or sudo) to install: ${missing[*]}" >&2
      exit 1
    fi
    sudo=(sudo)
  fi
  export DEBIAN_FRONTEND=noninteractive
  "${sudo[@]}" apt-get update
  "${sudo[@]}" apt-get install -y --no-install-recommends "${missing[@]}"
fi

# Configure once; later runs only rebuild what changed.
if [[ ! -f "$build/build.ninja" ]]; then
  # shellcheck disable=SC2086 # HUDUD_CMAKE_ARGS is a list of -D flags
  cmake -S "$repo" -B "$build" -G Ninja ${HUDUD_CMAKE_ARGS:--DCMAKE_BUILD_TYPE=RelWithDebInfo}
fi
cmake --build "$build"
