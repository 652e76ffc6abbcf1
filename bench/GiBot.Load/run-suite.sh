#!/usr/bin/env bash
# The measurements in docs/benchmarks.md, one after another (each starts its own bot).
# Usage: bench/GiBot.Load/run-suite.sh [output-dir]   (from the repository root)
set -euo pipefail
out="${1:-bench-results}"
mkdir -p "$out"
dotnet build -c Release bench/GiBot.Load -nologo -v q
dotnet build -c Release bot -nologo -v q
run() {
  local name="$1"; shift
  echo "== $name: $*" | tee "$out/$name.txt"
  dotnet run -c Release --no-build --project bench/GiBot.Load -- turns --no-build --json-file "$out/$name.json" "$@" 2>>"$out/$name.log" | tee -a "$out/$name.txt"
}
run rate-100 --rate 100 --warmup 20s --duration 20s
run rate-300 --rate 300 --warmup 15s --duration 20s
run rate-500 --rate 500 --warmup 15s --duration 20s
run closed-16 --concurrency 16 --warmup 15s --duration 20s
run throttled --rate 80 --warmup 5s --duration 20s --keep-bot-limits --teams-throttle
# Runtime knobs that need no code change (see "What would close the gaps").
run rate-300-nospin --rate 300 --warmup 15s --duration 20s --bot-env DOTNET_ThreadPool_UnfairSemaphoreSpinLimit=0
run rate-300-wks --rate 300 --warmup 15s --duration 20s --bot-env DOTNET_gcServer=0
run rate-300-local --rate 300 --warmup 15s --duration 20s --local-mode   # auth off, for comparison only
