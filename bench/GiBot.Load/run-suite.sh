#!/usr/bin/env bash
# The measurements in docs/benchmarks.md, one after another (each starts its own bot).
# Usage, from the repository root: bench/GiBot.Load/run-suite.sh core|knobs [output-dir]
#   core:  100, 300, 500 turns/s, closed-loop max, and the reply path against Teams-like throttling
#   knobs: the same 300 turns/s with runtime settings that need no code change, and comparisons
set -euo pipefail
group="${1:-core}"
out="${2:-bench-results}"
mkdir -p "$out"
dotnet build -c Release bench/GiBot.Load -nologo -v q
dotnet build -c Release bot -nologo -v q
run() {
  local name="$1"; shift
  echo "== $name: $*" | tee "$out/$name.txt"
  dotnet run -c Release --no-build --project bench/GiBot.Load -- turns --no-build --json-file "$out/$name.json" "$@" 2>>"$out/$name.log" | tee -a "$out/$name.txt"
}
shm="/dev/shm/gibot-load-$$"
case "$group" in
  core)
    run rate-100 --rate 100 --warmup 20s --duration 20s
    run rate-300 --rate 300 --warmup 15s --duration 20s
    run rate-500 --rate 500 --warmup 15s --duration 20s
    run closed-16 --concurrency 16 --warmup 15s --duration 20s
    run throttled --rate 80 --warmup 5s --duration 20s --keep-bot-limits --teams-throttle
    ;;
  knobs)
    mkdir -p "$shm"
    run knobs-baseline-300 --rate 300 --warmup 15s --duration 20s
    run knobs-nospin-300 --rate 300 --warmup 15s --duration 20s --bot-env DOTNET_ThreadPool_UnfairSemaphoreSpinLimit=0
    run knobs-wks-300 --rate 300 --warmup 15s --duration 20s --bot-env DOTNET_gcServer=0
    run knobs-local-300 --rate 300 --warmup 15s --duration 20s --local-mode
    # SQLite on tmpfs: fsync costs nothing, so this isolates the storage's durability cost (not for production).
    run knobs-tmpfs-500 --rate 500 --warmup 15s --duration 20s --bot-env "Storage__SqlitePath=$shm/gibot.db"
    rm -rf "$shm"
    ;;
  *) echo "usage: $0 core|knobs [output-dir]" >&2; exit 2 ;;
esac
