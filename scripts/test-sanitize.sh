#!/usr/bin/env bash
# Builds with AddressSanitizer and UndefinedBehaviorSanitizer into
# build-asan/ and runs every test there: memory errors and undefined
# behaviour fail the run (the console's browser tests are scripts/test.sh's
# alone). Warnings are not errors here: GCC 12 reports false
# maybe-uninitialized warnings in its own headers under the sanitizers. Slower than scripts/test.sh; CI runs both.
set -euo pipefail

repo="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
HUDUD_BUILD_DIR="${HUDUD_ASAN_DIR:-$repo/build-asan}" \
  HUDUD_CMAKE_ARGS="-DCMAKE_BUILD_TYPE=Debug -DCMAKE_CXX_FLAGS=-O1 -DHUDUD_SANITIZE=ON -DHUDUD_BUILD_BENCH=OFF -DHUDUD_WERROR=OFF" \
  "$repo/scripts/setup.sh"
export ASAN_OPTIONS=detect_leaks=1:abort_on_error=1
export UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1
exec ctest --test-dir "${HUDUD_ASAN_DIR:-$repo/build-asan}" --output-on-failure -j2
