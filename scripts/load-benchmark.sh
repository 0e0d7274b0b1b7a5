#!/usr/bin/env bash
# Issue 11's workshop load benchmark (W3): the server alone with a room of attendees on real Blazor circuits.
# Prints one table of p50/p95/p99 per interaction, errors, lost writes, CPU ms and KB allocated per interaction and
# memory per idle circuit. Run it on a quiet machine; the report says how loaded the machine was.
#
#   ./scripts/load-benchmark.sh                # 100 attendees, demo preset, arriving over 60 s
#   SESSIONS=100 PRESET=demo ARRIVAL=0 ./scripts/load-benchmark.sh   # all at once
#   TRACE=1 ./scripts/load-benchmark.sh        # also writes a dotnet-trace CPU/thread-time trace to data/load.nettrace
#   GC_SERVER=0 ./scripts/load-benchmark.sh    # workstation GC, for comparison
#
# The site runs with Server GC (Microsoft.NET.Sdk.Web's default, "System.GC.Server": true in
# StreamingDemo.Web.runtimeconfig.json), but the benchmark hosts it inside the test runner, whose runtimeconfig says
# workstation GC; DOTNET_gcServer gives the benchmark the GC the site really runs with. The report prints the mode.
set -euo pipefail
cd "$(dirname "$0")/.."

out=$(mktemp)
trap 'rm -f "$out"' EXIT
dotnet tool restore >/dev/null
dotnet build tests/StreamingDemo.E2E -c Release -nologo -v q >/dev/null
runner=(tests/StreamingDemo.E2E/bin/Release/net10.0/StreamingDemo.E2E -class StreamingDemo.E2E.WorkshopLoadBenchmark)
if [ "${TRACE:-0}" = "1" ]; then
  mkdir -p data
  runner=(dotnet dotnet-trace collect --profile dotnet-sampled-thread-time -o data/load.nettrace -- "${runner[@]}")
fi

DOTNET_gcServer="${GC_SERVER:-1}" \
STREAMINGDEMO_BENCH=1 \
STREAMINGDEMO_LOAD_SESSIONS="${SESSIONS:-100}" \
STREAMINGDEMO_LOAD_PRESET="${PRESET:-demo}" \
STREAMINGDEMO_LOAD_ARRIVAL_SECONDS="${ARRIVAL:-60}" \
STREAMINGDEMO_BENCH_OUT="$out" \
  "${runner[@]}" >/dev/null || status=$?
cat "$out"
exit "${status:-0}"
