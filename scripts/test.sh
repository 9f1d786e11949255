#!/usr/bin/env bash
# Sets up, builds and runs every test: the unit tests of each library and the
# CLI tests that drive the built binary (ctest), then, when they pass, the
# console's browser tests (web/e2e: headless Chromium against `hudud serve`).
set -euo pipefail

repo="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
"$repo/scripts/setup.sh"
build="${HUDUD_BUILD_DIR:-$repo/build}"
cmake --build "$build"
ctest --test-dir "$build" --output-on-failure -j2
HUDUD_BIN="$build/hudud" exec node "$repo/web/e2e/run.mjs"
