#!/usr/bin/env bash
# The bot's CPU with no traffic: starts the Release build (dotnet build -c Release bot first) on a fresh
# SQLite file, lets it settle for 10 s, then reads /proc/<pid>/stat over SECONDS and lists its threads.
# Usage, from the repository root: bench/GiBot.Load/idle-cpu.sh [SECONDS] [K=V ...extra environment]
set -euo pipefail
secs="${1:-30}"; shift || true
dir="$(mktemp -d)"
port=$((20000 + RANDOM % 20000))
env ASPNETCORE_URLS="http://127.0.0.1:$port" Storage__SqlitePath="$dir/gibot.db" Logging__LogLevel__Default=Warning \
  MicrosoftAppId=00000000-0000-0000-0000-000000000001 MicrosoftAppType=SingleTenant \
  MicrosoftAppTenantId=00000000-0000-0000-0000-000000000002 MicrosoftAppPassword=idle \
  "$@" dotnet bot/bin/Release/net10.0/GiBot.dll >"$dir/bot.log" 2>&1 &
pid=$!
trap 'kill $pid 2>/dev/null || true; rm -rf "$dir"' EXIT
sleep 10
hz=$(getconf CLK_TCK)
switches() { cat /proc/$pid/task/*/status | awk '/ctxt_switches/ {s+=$2} END {print s}'; }
read -r u1 s1 < <(awk '{print $14, $15}' /proc/$pid/stat); c1=$(switches)
sleep "$secs"
read -r u2 s2 < <(awk '{print $14, $15}' /proc/$pid/stat); c2=$(switches)
echo "idle ${secs} s: user $(( (u2-u1)*1000/hz )) ms, system $(( (s2-s1)*1000/hz )) ms, context switches $((c2-c1)), threads $(ls /proc/$pid/task | wc -l), $(grep VmHWM /proc/$pid/status)"
