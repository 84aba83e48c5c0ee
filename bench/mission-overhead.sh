#!/usr/bin/env bash
# Mission overhead per deterministic step against FakeGitHub (issue 15): builds the classes and the
# test classpath (FakeGitHub lives in the test sources), compiles bench/MissionOverhead.java
# against them and runs it. Prints medians; see docs/PERFORMANCE.md.
#
#   bench/mission-overhead.sh
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"
WORK="$(mktemp -d /tmp/mission-overhead.XXXXXX)"
trap 'rm -rf "$WORK"' EXIT

echo "bench: compiling the product and its tests..." >&2
./mvnw -q -B -DskipTests -Dspotless.check.skip=true test-compile >&2
./mvnw -q -B dependency:build-classpath -Dmdep.includeScope=test \
  -Dmdep.outputFile="$WORK/classpath.txt" >&2
CP="$ROOT/target/classes:$ROOT/target/test-classes:$(cat "$WORK/classpath.txt")"
javac -nowarn -cp "$CP" -d "$WORK/classes" "$ROOT/bench/MissionOverhead.java"
java -cp "$WORK/classes:$CP" MissionOverhead
