#!/usr/bin/env bash
# Content phase 2 (verify HMAC + decrypt + SHA-256 digest) of one large package: imelab against
# openssl doing the same three steps one after the other on the same data (ContentBenchmark:
# verifyDecryptDigest, opensslReference), plus imelab's unpack time on its own.
#
#   bench/content-vs-openssl.sh [SIZE_MB] [DIR] [JMH options...]   defaults: 1024 /tmp/imelab-content-bench
#   env ROUNDS (default 3): JMH runs of both sides, one after the other, so a burst of load on a
#   shared machine hits both sides alike; each round's figure is the median of its iterations,
#   the ratio is the median of the rounds' ratios.
#   env COLD_FORKS (default 3, 0 = none): fresh JVMs that each verify+decrypt+digest the package
#   once, without warm-up, as the agent does its first package (openssl has no warm-up either).
#   env BENCH_JAR: an already built imelab-bench.jar to measure instead (e.g. an older commit's).
#
# The package (a real .intunewin of incompressible files) is generated once per size under DIR and
# reused; it needs about 5 x SIZE_MB of disk. Both sides read warm page cache and write their
# plaintext into DIR. Compare the ratio, not the seconds.
set -euo pipefail
SIZE_MB="${1:-1024}"
DIR="${2:-/tmp/imelab-content-bench}"
shift $(( $# > 2 ? 2 : $# ))
ROUNDS="${ROUNDS:-3}"
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
for d in "${JAVA_HOME:-}" /usr/lib/jvm/*; do
  if [[ -n "$d" && -x "$d/bin/java" ]] && "$d/bin/java" -version 2>&1 | grep -qE 'version "(2[1-9]|[3-9][0-9])'; then JAVA_HOME="$d"; break; fi
done
export JAVA_HOME
command -v openssl >/dev/null || { echo "openssl is needed for the reference run" >&2; exit 2; }
command -v jq >/dev/null || { echo "jq is needed to read JMH's results" >&2; exit 2; }
if [[ -z "${BENCH_JAR:-}" ]]; then
  (cd "$ROOT" && ./mvnw -B -q -DskipTests -pl bench -am package)
fi
JAR="${BENCH_JAR:-$ROOT/bench/target/imelab-bench.jar}"
mkdir -p "$DIR"

jmh() { # benchmark regex, result file, JMH options
  local regex="$1" out="$2"; shift 2
  # another benchmark may hold JMH's lock on a shared machine: run beside it rather than fail
  "$JAVA_HOME/bin/java" -Djmh.ignoreLock=true -jar "$JAR" "$regex" -p sizeMb="$SIZE_MB" -p dir="$DIR" \
    -rf json -rff "$out" "$@" | grep -E '^(ContentBenchmark|Iteration|# Warmup Iteration|# Benchmark:)' || true
}
median() { # the median of one benchmark's iterations in a JMH JSON file, in ms
  jq -r --arg b "org.imelab.bench.ContentBenchmark.$2" \
    '.[] | select(.benchmark == $b) | [.primaryMetric.rawData[][]] | sort
     | if length % 2 == 1 then .[length / 2 | floor] else (.[length / 2 - 1] + .[length / 2]) / 2 end' "$1"
}
med() { sort -g | awk '{ v[NR] = $1 } END { print (NR % 2) ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2 }'; }

echo "load before: $(uptime)"
RATIOS=(); OURS_ALL=(); REF_ALL=()
for r in $(seq 1 "$ROUNDS"); do
  JSON="$DIR/content-jmh-${SIZE_MB}mb-round$r.json"
  jmh 'ContentBenchmark\.(verifyDecryptDigest|opensslReference)$' "$JSON" "$@"
  OURS="$(median "$JSON" verifyDecryptDigest)"; REF="$(median "$JSON" opensslReference)"
  RATIO="$(awk -v o="$OURS" -v r="$REF" 'BEGIN { printf "%.3f", o / r }')"
  printf 'round %d: imelab %.0f ms, openssl %.0f ms, imelab / openssl %s (load %s)\n' \
    "$r" "$OURS" "$REF" "$RATIO" "$(cut -d' ' -f1-3 /proc/loadavg)"
  RATIOS+=("$RATIO"); OURS_ALL+=("$OURS"); REF_ALL+=("$REF")
done
COLD_FORKS="${COLD_FORKS:-3}"
if (( COLD_FORKS > 0 )); then
  COLD_JSON="$DIR/content-jmh-${SIZE_MB}mb-cold.json"
  jmh 'ContentBenchmark\.verifyDecryptDigest$' "$COLD_JSON" -f "$COLD_FORKS" -wi 0 -i 1 >/dev/null
fi
UNPACK_JSON="$DIR/content-jmh-${SIZE_MB}mb-unpack.json"
jmh 'ContentBenchmark\.unpack$' "$UNPACK_JSON" "$@" >/dev/null
echo "load after: $(uptime)"

OURS="$(printf '%s\n' "${OURS_ALL[@]}" | med)"; REF="$(printf '%s\n' "${REF_ALL[@]}" | med)"
RATIO="$(printf '%s\n' "${RATIOS[@]}" | med)"
echo "package size: ${SIZE_MB} MB, ${ROUNDS} rounds (JMH single-shot, median ms per operation)"
printf 'imelab verify+decrypt+digest (one pass, 3 threads, heap capped at 128 MB): %.0f ms\n' "$OURS"
printf 'openssl dgst HMAC; enc -d; dgst sha256 (one after the other):               %.0f ms\n' "$REF"
if (( COLD_FORKS > 0 )); then
  COLD="$(median "$COLD_JSON" verifyDecryptDigest)"
  printf 'imelab, first package in a fresh JVM (median of %d forks, no warm-up):     %.0f ms (%.2fx openssl)\n' \
    "$COLD_FORKS" "$COLD" "$(awk -v c="$COLD" -v r="$REF" 'BEGIN { print c / r }')"
fi
printf 'imelab unpack (separately):                                                  %.0f ms\n' \
  "$(median "$UNPACK_JSON" unpack)"
awk -v q="$RATIO" 'BEGIN { printf "ratio imelab / openssl: %.2fx (below 1.0 = faster than openssl); openssl / imelab: %.2fx\n", q, 1 / q }'
