#!/usr/bin/env bash
# Sets up, builds and runs every test (unit tests of each library and the
# CLI tests that drive the built binary).
set -euo pipefail

repo="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
"$repo/scripts/setup.sh"
build="${HUDUD_BUILD_DIR:-$repo/build}"
cmake --build "$build"
exec ctest --test-dir "$build" --output-on-failure -j2
