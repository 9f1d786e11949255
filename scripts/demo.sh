#!/usr/bin/env bash
# The main job on bundled data: set up and build, then import the UN
# Consolidated List and screen the sample people in data/sample/people.jsonl.
set -euo pipefail

repo="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
"$repo/scripts/setup.sh"
build="${HUDUD_BUILD_DIR:-$repo/build}"
exec "$build/hudud" demo --db "$build/demo.db" --data "$repo/data"
