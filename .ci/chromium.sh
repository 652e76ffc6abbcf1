#!/usr/bin/env bash
# Debian's Chromium for the browser checks (tests/GiBot.Tests/Overview/DashboardRenderTests drives it with
# playwright-core from tests/e2e); never a downloaded browser. Idempotent: does nothing when /usr/bin/chromium exists.
# Installs with apt-get when missing (root only); otherwise says so and fails, so the browser tests cannot skip silently.
set -euo pipefail

if [[ -x /usr/bin/chromium ]]; then
  exit 0
fi
if [[ "$(id -u)" != 0 ]]; then
  echo "chromium.sh: /usr/bin/chromium is missing and this is not root: install Debian's 'chromium' package first." >&2
  exit 1
fi
echo "chromium.sh: installing Debian's chromium with apt-get" >&2
export DEBIAN_FRONTEND=noninteractive
log=/tmp/gibot-chromium-apt.log
if ! { apt-get update -qq && apt-get install -y -qq --no-install-recommends chromium; } >"$log" 2>&1; then
  cat "$log" >&2
  exit 1
fi
