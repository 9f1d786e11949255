#!/usr/bin/env bash
# The main job on bundled data: set up and build, then import the UN
# Consolidated List, screen the sample people in data/sample/people.jsonl, then
# screen every traveller of the sample flight data/sample/paxlst-xx101.edi.
set -euo pipefail

repo="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
"$repo/scripts/setup.sh"
build="${HUDUD_BUILD_DIR:-$repo/build}"
"$build/hudud" demo --db "$build/demo.db" --data "$repo/data"
echo
echo "== A flight: the API message of XX101 Dushanbe-Kuwait, every traveller screened =="
exec "$build/hudud" manifest screen "$repo/data/sample/paxlst-xx101.edi" --db "$build/demo.db" --no-keep
