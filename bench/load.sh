#!/usr/bin/env bash
# Load test of `hudud serve` with wrk on loopback (the service issue's
# target: single-query screening >= 5,000 requests/s on 2 cores, p99 <= 20 ms,
# against UN + OFAC, no errors over 5 minutes).
#   bench/load.sh [DURATION=300s] [CONNECTIONS=32] [ROLE=analyst|border-officer]
# Builds a fresh database in build/load/ with the vendored UN and OFAC lists,
# a user of ROLE with a token, starts the server, runs wrk with a mix of
# names (common and rare, several scripts), and prints wrk's latency report
# (wrk prints "Non-2xx or 3xx responses" when there are any) and the
# server's 5xx count.
set -euo pipefail

repo="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
duration="${1:-300s}"
connections="${2:-32}"
role="${3:-analyst}"
hudud="$repo/build/hudud"
dir="$repo/build/load"
command -v wrk >/dev/null || { echo "load: wrk is missing (apt-get install wrk)" >&2; exit 1; }
rm -rf "$dir" && mkdir -p "$dir"
db="$dir/load.db"
"$hudud" lists import "$repo/data/lists/un-consolidated-2026-02-27.xml" --db "$db" >/dev/null
"$hudud" lists import "$repo/data/lists/ofac-2025/sdn.csv" --db "$db" >/dev/null
"$hudud" users add root --role admin --no-password --db "$db" >/dev/null 2>&1
"$hudud" users add loaduser --role "$role" --no-password --db "$db" --actor root >/dev/null
token="$("$hudud" tokens create --user loaduser --db "$db" --actor root 2>/dev/null)"
purpose=ct-investigation
[[ "$role" == border-officer ]] && purpose=border-control

cat >"$dir/screen.lua" <<LUA
wrk.method = "POST"
wrk.headers["Content-Type"] = "application/json"
wrk.headers["Authorization"] = "Bearer $token"
wrk.headers["X-Purpose"] = "$purpose"
local names = {"Mohammed Ali Hassan", "Ivan Petrov", "Fatima Zahra Benali", "Ayman al-Zawahiri",
  "Olivia Smith-Jones", "Dilshod Rahimov", "Ahmad Karimi", "John Smith", "Abdul Rahman al-Hashimi",
  "Maria Ivanova", "محمد عبد الله", "Дилшод Раҳимов", "Chen Wei", "Jean Dupont", "Omar Haji Yusuf"}
local i = 0
request = function()
  i = i + 1
  local body = '{"name":"' .. names[(i % #names) + 1] .. '","dob":"19' .. (50 + i % 40) .. '"}'
  return wrk.format(nil, "/v1/screen", nil, body)
end
LUA

"$hudud" serve --db "$db" --listen 127.0.0.1:0 2>"$dir/serve.log" &
server=$!
trap 'kill $server 2>/dev/null || true' EXIT
port=""
for _ in $(seq 100); do
  port="$(grep -o '"port":[0-9]*' "$dir/serve.log" | head -1 | cut -d: -f2 || true)"
  [[ -n "$port" ]] && break
  sleep 0.1
done
[[ -n "$port" ]] || { echo "load: the server did not start" >&2; cat "$dir/serve.log" >&2; exit 1; }
echo "load: $role, $connections connections, $duration, port $port (commit $(git -C "$repo" rev-parse --short HEAD))"
wrk -t2 -c"$connections" -d"$duration" --latency -s "$dir/screen.lua" "http://127.0.0.1:$port"
echo "server 5xx lines in its log: $(grep -c '"status":5' "$dir/serve.log" || true)"
