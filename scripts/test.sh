#!/usr/bin/env bash
# The whole test suite from a fresh machine: installs what it needs, builds, runs every test project,
# and ends with one line "N passed, N failed, N skipped". Exits non-zero on any failure.
set -euo pipefail
cd "$(dirname "$0")/.."

# End-to-end tests drive Debian's Chromium; Playwright never downloads a browser here.
if [ ! -x /usr/bin/chromium ]; then
  echo "Installing Chromium from Debian for the end-to-end tests..."
  if [ "$(id -u)" -ne 0 ]; then SUDO=sudo; else SUDO=; fi
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq chromium fonts-dejavu-core >/dev/null
fi

dotnet tool restore >/dev/null
dotnet build StreamingDemo.sln -c Release -warnaserror -nologo -v q

log=$(mktemp)
trap 'rm -f "$log"' EXIT
set +e
dotnet test --solution StreamingDemo.sln -c Release --no-build 2>&1 | tee "$log"
status=${PIPESTATUS[0]}
set -e

# Microsoft.Testing.Platform prints one summary per run: "total: N", "failed: N", "succeeded: N", "skipped: N".
count() { grep -E "^\s+$1: [0-9]+" "$log" | tail -1 | grep -oE '[0-9]+' || echo 0; }
passed=$(count succeeded); failed=$(count failed); skipped=$(count skipped)
if [ "$status" -ne 0 ] && [ "$failed" -eq 0 ]; then failed=1; fi
echo "$passed passed, $failed failed, $skipped skipped"
exit "$status"
