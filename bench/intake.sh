#!/usr/bin/env bash
# Intake benchmark: our server (token mode, temp database, WAL + synchronous=FULL) against the bare
# HMAC-verifying Javalin handler in bench/BareServer.java, both driven by wrk on loopback with a
# signed ~7.5 KB issue_comment and a unique X-GitHub-Delivery per request.
#
#   bench/intake.sh                      the full run (defaults below meet issue 9)
#   WARMUP=5 DURATION=5 RUNS=1 bench/intake.sh     a quick look while developing
#
# Environment (all optional):
#   WARMUP=40        seconds of warm-up per server, at -t2 -c64, before anything is measured
#   DURATION=20      seconds per measured run
#   RUNS=5           measured runs per server and load; figures are medians over them
#   LOADS="1:16 2:64"   wrk threads:connections, measured in this order
#   TARGETS="ours bare" which servers to measure
#   FSYNC_TRACE=1    count fsync/fdatasync with strace (0: skip; fsyncs/s then print as "-")
#   JAVA_OPTS=       more JVM options for both servers, after the product's deploy/jvm.options
#   JAR=             the server jar to measure (default: target/agent.jar, rebuilt when stale)
#   KEEP=0           1 keeps the work directory (databases, logs, strace output)
#   FROM_DB=         start ours on a copy of this database instead of an empty one (e.g. the
#                    million runs of bench/generate-history.sh: target/bench/history.db)
#
# Rounds are interleaved (ours then bare for each load, RUNS times), so both servers see the same
# machine load; between rounds the script waits until our dispatcher has caught up, so that its
# backlog never runs during the bare handler's turn.
#
# fsyncs per second: each server runs under `strace -f --seccomp-bpf -e trace=fsync,fdatasync
# -ttt`. With the seccomp filter only those two system calls stop the process (every other call
# runs untraced), and each traced call is logged with its time, so the fsyncs inside a measured
# run's window are counted exactly. Both servers run under the same wrapper, so the comparison
# stays fair.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
WARMUP="${WARMUP:-40}"
DURATION="${DURATION:-20}"
RUNS="${RUNS:-5}"
LOADS="${LOADS:-1:16 2:64}"
TARGETS="${TARGETS:-ours bare}"
FSYNC_TRACE="${FSYNC_TRACE:-1}"
JAVA_OPTS="${JAVA_OPTS:-}"
KEEP="${KEEP:-0}"
SECRET="bench-webhook-secret"
API_TOKEN="bench-api-token"
JAR="${JAR:-}"
LUA="$ROOT/bench/intake.lua"

say() { printf '%s\n' "$*" >&2; }
die() {
  say "bench: $*"
  exit 1
}

# --- tools -------------------------------------------------------------------------------------
need=()
command -v wrk >/dev/null 2>&1 || need+=(wrk)
command -v sqlite3 >/dev/null 2>&1 || need+=(sqlite3)
command -v jq >/dev/null 2>&1 || need+=(jq)
command -v openssl >/dev/null 2>&1 || need+=(openssl)
if [[ $FSYNC_TRACE == 1 ]] && ! command -v strace >/dev/null 2>&1; then need+=(strace); fi
if ((${#need[@]})); then
  say "bench: installing ${need[*]}"
  apt-get update -qq >/dev/null && apt-get install -y -qq "${need[@]}" >/dev/null
fi

# --- build ---------------------------------------------------------------------------------------
if [[ -z $JAR ]]; then
  "$ROOT/bin/agent" --version >/dev/null # builds target/agent.jar when sources changed
  JAR="$ROOT/target/agent.jar"
fi
WORK="$(mktemp -d /tmp/intake-bench.XXXXXX)"
mkdir -p "$WORK/classes"
javac -nowarn -cp "$JAR" -d "$WORK/classes" "$ROOT/bench/BareServer.java"

# The payload: GitHub's issue_comment.created example, compact, without the repository's
# templated API URLs, which brings it to about 7.5 KB.
PAYLOAD="$WORK/issue_comment.json"
jq -c 'del(.repository[] | select(type == "string" and test("^https://api")))' \
  "$ROOT/src/test/resources/payloads/issue_comment.created.2.json" >"$PAYLOAD"
SIGNATURE="sha256=$(openssl dgst -sha256 -hmac "$SECRET" -r "$PAYLOAD" | cut -d' ' -f1)"

# --- servers -------------------------------------------------------------------------------------
declare -A PID PORT LAUNCHER
cleanup() {
  for name in "${!PID[@]}"; do
    kill "${PID[$name]}" 2>/dev/null || true
  done
  for name in "${!LAUNCHER[@]}"; do
    wait "${LAUNCHER[$name]}" 2>/dev/null || true
  done
  if [[ $KEEP == 1 ]]; then say "bench: kept $WORK"; else rm -rf "$WORK"; fi
}
trap cleanup EXIT

# start <name> <command…>: runs it in $WORK (no .env there), waits for "listening on host:port".
start() {
  local name="$1"
  shift
  local log="$WORK/$name.log"
  if [[ $FSYNC_TRACE == 1 ]]; then
    (cd "$WORK" && exec strace -f --seccomp-bpf -qq -ttt -e trace=fsync,fdatasync \
      -o "$WORK/$name.strace" "$@") >"$log" 2>&1 &
  else
    (cd "$WORK" && exec "$@") >"$log" 2>&1 &
  fi
  LAUNCHER[$name]=$!
  local port=""
  for _ in $(seq 1 600); do
    port="$(grep -oE 'listening on [^ :]+:[0-9]+' "$log" | head -1 | sed -E 's/.*://' || true)"
    [[ -n $port ]] && break
    kill -0 "${LAUNCHER[$name]}" 2>/dev/null || die "$name exited: $(tail -5 "$log")"
    sleep 0.1
  done
  [[ -n $port ]] || die "$name did not start within 60 s: $(tail -5 "$log")"
  PORT[$name]=$port
  if [[ $FSYNC_TRACE == 1 ]]; then
    PID[$name]="$(pgrep -P "${LAUNCHER[$name]}" java | head -1)"
  else
    PID[$name]="${LAUNCHER[$name]}"
  fi
  say "bench: $name listening on 127.0.0.1:$port (pid ${PID[$name]})"
}

# shellcheck disable=SC2086 # JAVA_OPTS is a list of options
for target in $TARGETS; do
  case "$target" in
    ours)
      if [[ -n ${FROM_DB:-} ]]; then
        cp "$FROM_DB" "$WORK/ours.db"
        say "bench: ours starts on a copy of $FROM_DB ($(du -h "$WORK/ours.db" | cut -f1))"
      fi
      start ours env -i PATH="$PATH" HOME="$HOME" \
        DATABASE_URL="jdbc:sqlite:$WORK/ours.db" HOST=127.0.0.1 PORT=0 \
        GITHUB_TOKEN=bench-token GITHUB_API_URL=http://127.0.0.1:9 \
        WEBHOOK_SECRET="$SECRET" API_TOKEN="$API_TOKEN" MISSIONS_DIR="$WORK/missions" \
        MALLOC_ARENA_MAX=2 java "@$ROOT/deploy/jvm.options" $JAVA_OPTS -jar "$JAR" serve
      ;;
    bare)
      start bare env -i PATH="$PATH" HOME="$HOME" WEBHOOK_SECRET="$SECRET" MALLOC_ARENA_MAX=2 \
        java "@$ROOT/deploy/jvm.options" $JAVA_OPTS -cp "$JAR:$WORK/classes" BareServer 127.0.0.1 0
      ;;
    *) die "unknown target \"$target\" (ours, bare)" ;;
  esac
done

url() { echo "http://127.0.0.1:${PORT[$1]}/api/github/webhooks"; }

# A signed request must get 202 from each server before anything is measured.
for target in $TARGETS; do
  code="$(curl -s -o /dev/null -w '%{http_code}' -X POST "$(url "$target")" \
    -H 'Content-Type: application/json' -H 'X-GitHub-Event: issue_comment' \
    -H "X-GitHub-Delivery: check-$target" -H "X-Hub-Signature-256: $SIGNATURE" \
    --data-binary "@$PAYLOAD")"
  [[ $code == 202 ]] || die "$target answered $code to a signed delivery"
done

sql() { sqlite3 -cmd '.timeout 10000' "$WORK/ours.db" "$1"; }

# Waits until our dispatcher has handled every stored delivery (bounded: 300 s).
drain() {
  local pending
  for _ in $(seq 1 3000); do
    pending="$(sql 'SELECT COUNT(*) FROM deliveries WHERE dispatched_at IS NULL')"
    [[ $pending == 0 ]] && return 0
    sleep 0.1
  done
  say "bench: the dispatcher still had $pending deliveries pending after 300 s"
}

fsyncs_between() { # name t0 t1
  [[ $FSYNC_TRACE == 1 ]] || {
    echo "-"
    return
  }
  awk -v a="$2" -v b="$3" '$2 >= a && $2 <= b && /(fsync|fdatasync)\(/ {n++} END {print n + 0}' \
    "$WORK/$1.strace"
}

RESULTS="$WORK/results.txt"
: >"$RESULTS"
LOAD_BEFORE="$(cut -d' ' -f1-3 /proc/loadavg)"

# run <target> <threads> <connections> <seconds> <label>: one wrk run, one result line.
run() {
  local target="$1" t="$2" c="$3" d="$4" label="$5"
  local t0 t1 out line
  t0="$(date +%s.%N)"
  out="$(wrk -t"$t" -c"$c" -d"${d}s" -s "$LUA" "$(url "$target")" -- "$label" "$PAYLOAD" \
    "$SIGNATURE")"
  t1="$(date +%s.%N)"
  line="$(grep '^BENCH ' <<<"$out")" || die "no result from wrk: $out"
  local requests dur p50 p99 max non2xx errs
  requests="$(sed -E 's/.*requests=([0-9]+).*/\1/' <<<"$line")"
  dur="$(sed -E 's/.*duration_us=([0-9]+).*/\1/' <<<"$line")"
  p50="$(sed -E 's/.*p50_us=([0-9]+).*/\1/' <<<"$line")"
  p99="$(sed -E 's/.*p99_us=([0-9]+).*/\1/' <<<"$line")"
  max="$(sed -E 's/.*max_us=([0-9]+).*/\1/' <<<"$line")"
  non2xx="$(sed -E 's/.*non2xx=([0-9]+).*/\1/' <<<"$line")"
  errs="$(awk '{for (i = 1; i <= NF; i++) if ($i ~ /^(connect|read|write|timeout)=/) {split($i, kv, "="); s += kv[2]}} END {print s + 0}' <<<"$line")"
  local ok=$((requests - non2xx))
  local rps
  rps="$(awk -v r="$requests" -v d="$dur" 'BEGIN {printf "%.0f", r / (d / 1e6)}')"
  local fs="-" fps="-" stored="-"
  if [[ $target == ours ]]; then
    drain
    stored="$(sql "SELECT COUNT(*) FROM deliveries WHERE delivery_id LIKE '$label-%'")"
    if ((stored < ok)); then
      say "bench: DURABILITY FAILURE: $ok answers 2xx but only $stored rows stored ($label)"
    fi
  fi
  fs="$(fsyncs_between "$target" "$t0" "$t1")"
  if [[ $fs != "-" ]]; then
    fps="$(awk -v n="$fs" -v a="$t0" -v b="$t1" 'BEGIN {printf "%.0f", n / (b - a)}')"
  fi
  printf '%s t%s-c%s %s %s %s %s %s %s %s %s\n' "$target" "$t" "$c" "$rps" "$p50" "$p99" "$max" \
    "$((non2xx + errs))" "$ok" "$stored" "$fps" >>"$RESULTS"
  printf '  %-4s -t%s -c%-3s %7s req/s  p50 %6.2f ms  p99 %6.2f ms  max %7.2f ms  errors %s  2xx %s  stored %s  fsync/s %s\n' \
    "$target" "$t" "$c" "$rps" "$(awk -v x="$p50" 'BEGIN {print x / 1000}')" \
    "$(awk -v x="$p99" 'BEGIN {print x / 1000}')" "$(awk -v x="$max" 'BEGIN {print x / 1000}')" \
    "$((non2xx + errs))" "$ok" "$stored" "$fps"
}

echo "== warm-up: ${WARMUP}s per server at -t2 -c64"
for target in $TARGETS; do
  run "$target" 2 64 "$WARMUP" "warmup-$target" >/dev/null
done
: >"$RESULTS"

echo "== measured: $RUNS round(s) of ${DURATION}s per server and load"
for round in $(seq 1 "$RUNS"); do
  for load in $LOADS; do
    for target in $TARGETS; do
      run "$target" "${load%%:*}" "${load##*:}" "$DURATION" "r$round-$target-${load/:/-}"
    done
  done
done
LOAD_AFTER="$(cut -d' ' -f1-3 /proc/loadavg)"

median() { sort -n | awk '{a[NR] = $1} END {if (NR == 0) print "-"; else if (NR % 2) print a[(NR + 1) / 2]; else print (a[NR / 2] + a[NR / 2 + 1]) / 2}'; }
col() { awk -v tg="$1" -v ld="$2" -v k="$3" '$1 == tg && $2 == ld {print $k}' "$RESULTS"; }

echo
echo "== medians over $RUNS run(s) of ${DURATION}s (warm-up ${WARMUP}s)"
printf '%-5s %-8s %9s %9s %9s %9s %7s %9s\n' target load "req/s" "p50 ms" "p99 ms" "max ms" errors "fsync/s"
for load in $LOADS; do
  ld="t${load%%:*}-c${load##*:}"
  for target in $TARGETS; do
    printf '%-5s %-8s %9s %9.2f %9.2f %9.2f %7s %9s\n' "$target" "$ld" \
      "$(col "$target" "$ld" 3 | median)" \
      "$(col "$target" "$ld" 4 | median | awk '{print $1 / 1000}')" \
      "$(col "$target" "$ld" 5 | median | awk '{print $1 / 1000}')" \
      "$(col "$target" "$ld" 6 | median | awk '{print $1 / 1000}')" \
      "$(col "$target" "$ld" 7 | awk '{s += $1} END {print s + 0}')" \
      "$(col "$target" "$ld" 10 | grep -v -- - | median)"
  done
done
if [[ " $TARGETS " == *" ours "* && " $TARGETS " == *" bare "* ]]; then
  for load in $LOADS; do
    ld="t${load%%:*}-c${load##*:}"
    ours="$(col ours "$ld" 3 | median)"
    bare="$(col bare "$ld" 3 | median)"
    echo "ratio ours/bare at -${ld/-/ -}: $(awk -v o="$ours" -v b="$bare" 'BEGIN {printf "%.2f", o / b}')x"
  done
fi
echo
for target in $TARGETS; do
  echo "peak RSS $target: $(awk '/VmHWM/ {printf "%.0f MiB", $2 / 1024}' "/proc/${PID[$target]}/status")"
done
if [[ " $TARGETS " == *" ours "* ]]; then
  echo "sqlite pragmas (ours, the writer connection): $(grep -oE 'sqlite pragmas: .*' "$WORK/ours.log" | head -1 | sed 's/sqlite pragmas: //' || echo unknown)"
  total_ok="$(awk '$1 == "ours" {s += $8} END {print s + 0}' "$RESULTS")"
  total_stored="$(awk '$1 == "ours" {s += $9} END {print s + 0}' "$RESULTS")"
  echo "durability (ours): $total_ok answers 2xx, $total_stored rows stored for them" \
    "($((total_stored - total_ok)) more: requests in flight when wrk stopped)"
fi
echo "fsync counting: $([[ $FSYNC_TRACE == 1 ]] && echo "strace --seccomp-bpf, fsync+fdatasync in each run's window" || echo off)"
echo "load average before: $LOAD_BEFORE  after: $LOAD_AFTER  (2 cores, load generator on the same machine)"
echo "java: $(java -version 2>&1 | head -1)  JAVA_OPTS: ${JAVA_OPTS:-none}"
