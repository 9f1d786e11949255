#!/usr/bin/env bash
# Builds the parsers' libFuzzer targets with clang and runs each for a
# bounded time, seeded with the test fixtures. Not part of every CI run (it
# takes minutes); run it after changing a parser:
#   tests/fuzz/run.sh [SECONDS_PER_TARGET] [TARGET...]
# Targets: mrz paxlst pnrgov rules (default: all). Exit status is non-zero
# when a target crashes or a sanitizer reports; the crashing input is left in
# build-fuzz/<target>/ (crash-*) for a regression test.
set -euo pipefail

repo="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
seconds="${1:-60}"
shift || true
targets=("$@")
((${#targets[@]})) || targets=(mrz paxlst pnrgov rules)

cxx="$(command -v clang++ || command -v clang++-14 || true)"
if [[ -z "$cxx" ]]; then
  echo "fuzz: clang++ not found (apt-get install clang); skipping" >&2
  exit 0
fi

out="$repo/build-fuzz"
mkdir -p "$out"
common=("$repo"/src/travel/*.cc "$repo"/src/model/*.cc "$repo"/src/text/*.cc "$repo"/src/base/status.cc)
flags=(-std=c++20 -O1 -g -fsanitize=fuzzer,address,undefined -fno-sanitize-recover=undefined
       -I"$repo/src" $(pkg-config --cflags icu-uc icu-i18n))
libs=($(pkg-config --libs icu-uc icu-i18n))

status=0
for t in "${targets[@]}"; do
  src="$repo/tests/fuzz/${t}_fuzz.cc"
  [[ -f "$src" ]] || { echo "fuzz: no target $t" >&2; exit 2; }
  echo "fuzz: building $t" >&2
  "$cxx" "${flags[@]}" "$src" "${common[@]}" "${libs[@]}" -o "$out/${t}_fuzz"
  mkdir -p "$out/$t/corpus"
  seeds=()
  [[ -d "$repo/tests/data/travel/$t" ]] && seeds+=("$repo/tests/data/travel/$t")
  echo "fuzz: running $t for ${seconds}s" >&2
  if ! (cd "$out/$t" && "$out/${t}_fuzz" -max_total_time="$seconds" -max_len=65536 \
          -print_final_stats=1 corpus "${seeds[@]}" 2>"$out/$t/log.txt"); then
    echo "fuzz: $t FAILED (see $out/$t/log.txt)" >&2
    status=1
  fi
  grep -E "stat::number_of_executed_units|Done [0-9]+ runs" "$out/$t/log.txt" >&2 || true
done
exit $status
