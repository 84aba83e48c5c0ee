#!/usr/bin/env bash
# Fills a database with a large run history for bench/history-queries.sh: by default 1,000,000
# runs spread evenly over 90 days, across 1,000 installations and 20 missions, 5 % failed, each
# with a small transcript (and its event payload when under 30 days old), plus 28 live runs.
# The schema is the product's own (every migration applied); rows go in with batched inserts in one
# transaction (bench/GenerateHistory.java), a few minutes for a million.
#
#   bench/generate-history.sh [file]          default target/bench/history.db (replaced)
#
# Environment (all optional): RUNS=1000000 DAYS=90 INSTALLATIONS=1000 MISSIONS=20 FAILURES=5
# SEED=15 JAR=target/agent.jar (rebuilt by bin/agent when stale)
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
FILE="${1:-$ROOT/target/bench/history.db}"
RUNS="${RUNS:-1000000}"
DAYS="${DAYS:-90}"
INSTALLATIONS="${INSTALLATIONS:-1000}"
MISSIONS="${MISSIONS:-20}"
FAILURES="${FAILURES:-5}"
SEED="${SEED:-15}"
JAR="${JAR:-$ROOT/target/agent.jar}"

if [[ "$JAR" == "$ROOT/target/agent.jar" ]]; then
  "$ROOT/bin/agent" --version >/dev/null # builds the jar when a source is newer
fi
mkdir -p "$(dirname "$FILE")"
rm -f "$FILE" "$FILE-wal" "$FILE-shm"
java -cp "$JAR" "$ROOT/bench/GenerateHistory.java" \
  "$FILE" "$RUNS" "$DAYS" "$INSTALLATIONS" "$MISSIONS" "$FAILURES" "$SEED"
ls -l "$FILE" >&2
