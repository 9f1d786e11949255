#!/usr/bin/env bash
# Prepares a fresh Debian 12 machine and builds hudud into build/.
# Installs the system packages only when one is missing (apt needs root:
# sudo is used when not root), then configures with CMake + Ninja
# (RelWithDebInfo) and builds everything: the `hudud` binary, tests, benchmarks.
# Then the console (web/): its npm packages when the lock file changed, and
# its build into web/dist/ when its sources changed. Node.js 20 or later is
# needed; Debian's nodejs (18) is installed only when there is no node at all.
set -euo pipefail

repo="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
build="${HUDUD_BUILD_DIR:-$repo/build}"

packages=(
  build-essential cmake ninja-build pkg-config
  libicu-dev libsqlite3-dev libpugixml-dev nlohmann-json3-dev libcli11-dev
  libfmt-dev libspdlog-dev libsodium-dev libcpp-httplib-dev
  libgtest-dev libgmock-dev libbenchmark-dev
  libpq-dev postgresql postgresql-contrib
  chromium
)

missing=()
for pkg in "${packages[@]}"; do
  if ! dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q "install ok installed"; then
    missing+=("$pkg")
  fi
done

# A node from elsewhere (NodeSource, nvm) is kept: Debian's only when none.
if ! command -v node >/dev/null; then
  missing+=(nodejs npm)
fi

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

# The console's toolchain (Vite 6, playwright-core) needs Node.js 20+.
node_major="$(node -p 'process.versions.node.split(".")[0]')"
if ((node_major < 20)); then
  echo "setup: the console needs Node.js 20 or later, found $(node --version)" \
    "at $(command -v node); install Node.js 20+ (nodejs.org, NodeSource) and run again" >&2
  exit 1
fi
if ! command -v npm >/dev/null; then
  echo "setup: npm is missing beside $(command -v node): install it with your Node.js 20+" >&2
  exit 1
fi

# Configure once; later runs only rebuild what changed.
if [[ ! -f "$build/build.ninja" ]]; then
  # shellcheck disable=SC2086 # HUDUD_CMAKE_ARGS is a list of -D flags
  cmake -S "$repo" -B "$build" -G Ninja ${HUDUD_CMAKE_ARGS:--DCMAKE_BUILD_TYPE=RelWithDebInfo}
fi
cmake --build "$build"

# The console. playwright-core (the browser tests' driver) never downloads a
# browser: the tests use Debian's chromium.
web="$repo/web"
# The exact versions of package-lock.json. Not `npm ci`: the lock holds only
# the platforms' optional binaries (rollup's) the registry mirror served when
# it was made, and `npm ci` refuses a lock without all of them.
# --no-save leaves the lock as it is.
if [[ ! -f "$web/node_modules/.package-lock.json" ||
  "$web/package-lock.json" -nt "$web/node_modules/.package-lock.json" ]]; then
  npm --prefix "$web" install --no-save --no-audit --no-fund
fi
if [[ ! -f "$web/dist/index.html" ]] ||
  [[ -n "$(find "$web/src" "$web/index.html" "$web/package.json" "$web/package-lock.json" \
    "$web/vite.config.ts" "$web/tsconfig.json" -newer "$web/dist/index.html" -print -quit)" ]]; then
  npm --prefix "$web" run build
fi
