#!/usr/bin/env bash
# Start-up to the first accepted webhook: starts `bin/agent serve` in token mode on a fresh
# temporary database (HOST=127.0.0.1, a free port, the shipped missions, GitHub pointed at a closed
# loopback port), POSTs a signed `ping` every 10 ms from the moment it is launched until one is
# answered 202, and prints the milliseconds that took. One untimed warm-up run first (it also lets
# bin/agent record its class-data archive), then RUNS timed runs and their median; beside each,
# the CPU the server had used by then (all its threads, from /proc), which the machine's other
# load moves much less than the elapsed time.
#
#   bench/startup.sh
#   AGENT_CDS=0 bench/startup.sh                          without class-data sharing
#   AGENT_JAVA_OPTS=-XX:TieredStopAtLevel=1 bench/startup.sh
#
# Environment (all optional): RUNS=7, AGENT=bin/agent (the launcher; anything taking `serve`),
# KEEP=0 (1 keeps the work directory with each run's log). AGENT_CDS and AGENT_JAVA_OPTS reach
# bin/agent unchanged.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
RUNS="${RUNS:-7}"
AGENT="${AGENT:-$ROOT/bin/agent}"
KEEP="${KEEP:-0}"
SECRET="bench-webhook-secret"

"$ROOT/bin/agent" --version >/dev/null # builds the jar when a source is newer, before anything is timed
WORK="$(mktemp -d /tmp/startup-bench.XXXXXX)"
SERVER=""
cleanup() {
  if [[ -n $SERVER ]]; then
    kill "$SERVER" 2>/dev/null || true
    wait "$SERVER" 2>/dev/null || true
  fi
  if [[ $KEEP == 1 ]]; then echo "kept $WORK" >&2; else rm -rf "$WORK"; fi
}
trap cleanup EXIT

PAYLOAD="$WORK/ping.json"
jq -c . "$ROOT/src/test/resources/payloads/ping.json" >"$PAYLOAD"
SIGNATURE="sha256=$(openssl dgst -sha256 -hmac "$SECRET" -r "$PAYLOAD" | cut -d' ' -f1)"

free_port() {
  python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])'
}

median() { sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'; }

# Milliseconds from launching the server to its first 202 for a signed ping.
once() {
  local n="$1" port code t0 t1
  port="$(free_port)"
  t0="$EPOCHREALTIME"
  (cd "$WORK" && exec env -i PATH="$PATH" HOME="$HOME" \
    DATABASE_URL="jdbc:sqlite:$WORK/run-$n.db" HOST=127.0.0.1 PORT="$port" \
    GITHUB_TOKEN=bench-token GITHUB_API_URL=http://127.0.0.1:9 WEBHOOK_SECRET="$SECRET" \
    MISSIONS_DIR="$ROOT/missions" AGENT_CDS="${AGENT_CDS:-1}" \
    AGENT_JAVA_OPTS="${AGENT_JAVA_OPTS:-}" "$AGENT" serve) >"$WORK/run-$n.log" 2>&1 &
  SERVER=$!
  while true; do
    code="$(curl -s -o /dev/null -w '%{http_code}' --max-time 10 -X POST \
      "http://127.0.0.1:$port/api/github/webhooks" -H 'Content-Type: application/json' \
      -H 'X-GitHub-Event: ping' -H "X-GitHub-Delivery: startup-$n" \
      -H "X-Hub-Signature-256: $SIGNATURE" --data-binary "@$PAYLOAD" || true)"
    [[ $code == 202 ]] && break
    if ! kill -0 "$SERVER" 2>/dev/null; then
      echo "the server exited: $(tail -5 "$WORK/run-$n.log")" >&2
      exit 1
    fi
    sleep 0.01
  done
  t1="$EPOCHREALTIME"
  # utime + stime of the server (bin/agent execs java, so this is the JVM), in clock ticks
  local ticks
  ticks="$(awk '{print $14 + $15}' "/proc/$SERVER/stat")"
  kill "$SERVER"
  wait "$SERVER" || true
  SERVER=""
  awk -v a="$t0" -v b="$t1" -v t="$ticks" -v hz="$(getconf CLK_TCK)" \
    'BEGIN {printf "%.0f %.0f\n", (b - a) * 1000, t * 1000 / hz}'
}

echo "$(nproc) cores, load $(cut -d' ' -f1-3 /proc/loadavg), $(java -version 2>&1 | head -1)"
echo "warm-up: $(once 0 | cut -d' ' -f1) ms"
times=()
cpus=()
for ((i = 1; i <= RUNS; i++)); do
  read -r ms cpu < <(once "$i")
  [[ -n "${ms:-}" ]] || exit 1 # once said why
  times+=("$ms")
  cpus+=("$cpu")
done
printf 'start-up to the first accepted webhook: median %s ms   (runs: %s)\n' \
  "$(printf '%s\n' "${times[@]}" | median)" "${times[*]}"
printf 'CPU used by then:                       median %s ms   (runs: %s)\n' \
  "$(printf '%s\n' "${cpus[@]}" | median)" "${cpus[*]}"
echo "load after: $(cut -d' ' -f1-3 /proc/loadavg)"
