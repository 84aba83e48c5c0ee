#!/usr/bin/env bash
# Status, history and prune against a large history (made by bench/generate-history.sh): each
# command timed end to end as an operator runs it (JVM start included), median of RUNS after one
# untimed warm-up (which also applies any pending migration); then, in one process with the
# product's SQLite, EXPLAIN QUERY PLAN and the median execution time of every status and history
# query (bench/ExplainHistory.java). Prune runs on a fresh copy of the database each time, since a
# second prune finds nothing left to do.
#
#   bench/history-queries.sh [file]           default target/bench/history.db
#
# Environment (all optional): RUNS=5 PRUNE_RUNS=$RUNS LOOKBACK=168 AGENT=bin/agent
# JAR=target/agent.jar (for the EXPLAIN step)
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
FILE="${1:-$ROOT/target/bench/history.db}"
RUNS="${RUNS:-5}"
PRUNE_RUNS="${PRUNE_RUNS:-$RUNS}"
LOOKBACK="${LOOKBACK:-168}"
AGENT="${AGENT:-$ROOT/bin/agent}"
JAR="${JAR:-$ROOT/target/agent.jar}"

[[ -f "$FILE" ]] || { echo "no database at $FILE; run bench/generate-history.sh first" >&2; exit 1; }
"$AGENT" --version >/dev/null # builds the jar when a source is newer, before anything is timed

median() { sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'; }

LAST="$(mktemp)"
trap 'rm -f "$LAST"' EXIT

# Seconds taken by one run of the agent against $1; its output goes to $LAST.
timed() {
  local db="$1"; shift
  local start end
  start=$(date +%s%N)
  DATABASE_URL="jdbc:sqlite:$db" "$AGENT" "$@" >"$LAST" 2>/dev/null
  end=$(date +%s%N)
  echo "scale=3; ($end - $start) / 1000000000" | bc
}

measure() {
  local label="$1"; shift
  timed "$FILE" "$@" >/dev/null # warm-up: migrations, page cache
  local times=()
  for ((i = 0; i < RUNS; i++)); do times+=("$(timed "$FILE" "$@")"); done
  printf '%-40s median %6s s   (runs: %s)\n' "$label" \
    "$(printf '%s\n' "${times[@]}" | median)" "${times[*]}"
}

echo "database: $FILE ($(du -h "$FILE" | cut -f1)), $(nproc) cores, load $(cut -d' ' -f1-3 /proc/loadavg)"
echo
echo "== commands, end to end (JVM start included)"
measure "agent status --lookback-hours $LOOKBACK" status --lookback-hours "$LOOKBACK"
measure "agent history --limit 50" history --limit 50
# the JVM and App start alone, for reading the figures above
measure "agent status --help (start-up only)" status --help

COPY="$FILE.prune.db"
times=()
for ((i = 0; i < PRUNE_RUNS; i++)); do
  rm -f "$COPY" "$COPY-wal" "$COPY-shm"
  cp "$FILE" "$COPY"
  times+=("$(timed "$COPY" prune)")
done
printf '%-40s median %6s s   (runs: %s)\n' "agent prune (fresh copy each time)" \
  "$(printf '%s\n' "${times[@]}" | median)" "${times[*]}"
rm -f "$COPY" "$COPY-wal" "$COPY-shm"
echo
echo "== what each prune did"
cat "$LAST"

echo
echo "== query plans and in-process times (median of $RUNS)"
java -cp "$JAR" "$ROOT/bench/ExplainHistory.java" "$FILE" "$LOOKBACK" "$RUNS"
