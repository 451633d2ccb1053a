#!/usr/bin/env bash
# Content phase 2 (verify HMAC + decrypt + SHA-256 digest) of one large package: imelab against
# openssl doing the same three steps one after the other on the same data, both in one JMH run
# (ContentBenchmark: verifyDecryptDigest, opensslReference), plus imelab's unpack time on its own.
# Prints the ratio imelab / openssl (below 1.0 = faster than openssl).
#
#   bench/content-vs-openssl.sh [SIZE_MB] [DIR] [JMH options...]   defaults: 1024 /tmp/imelab-content-bench
#
# The package (a real .intunewin of incompressible files) is generated once per size under DIR and
# reused; it needs about 5 x SIZE_MB of disk. Both sides read warm page cache and write their
# plaintext into DIR. The machine may be shared: compare the ratio, not the seconds.
set -euo pipefail
SIZE_MB="${1:-1024}"
DIR="${2:-/tmp/imelab-content-bench}"
shift $(( $# > 2 ? 2 : $# ))
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
for d in "${JAVA_HOME:-}" /usr/lib/jvm/*; do
  if [[ -n "$d" && -x "$d/bin/java" ]] && "$d/bin/java" -version 2>&1 | grep -qE 'version "(2[1-9]|[3-9][0-9])'; then JAVA_HOME="$d"; break; fi
done
export JAVA_HOME
command -v openssl >/dev/null || { echo "openssl is needed for the reference run" >&2; exit 2; }
(cd "$ROOT" && ./mvnw -B -q -DskipTests -pl bench -am package)
JAR="$ROOT/bench/target/imelab-bench.jar"
mkdir -p "$DIR"
CSV="$DIR/content-jmh-${SIZE_MB}mb.csv"
# another benchmark may hold JMH's lock on a shared machine: run beside it rather than fail
"$JAVA_HOME/bin/java" -Djmh.ignoreLock=true -jar "$JAR" 'ContentBenchmark' -p sizeMb="$SIZE_MB" -p dir="$DIR" \
  -rf csv -rff "$CSV" "$@" | grep -E '^(Benchmark|ContentBenchmark|Iteration|# Warmup Iteration|# Benchmark:)' || true
score() { awk -F, -v b="\"org.imelab.bench.ContentBenchmark.$1\"" '$1==b {print $5}' "$CSV"; }
OURS="$(score verifyDecryptDigest)"; REF="$(score opensslReference)"; UNPACK="$(score unpack)"
echo "package size: ${SIZE_MB} MB (JMH single-shot, ms per operation)"
echo "imelab verify+decrypt+digest (one pass, 3 threads, heap capped at 128 MB): ${OURS} ms"
echo "openssl dgst HMAC; enc -d; dgst sha256 (one after the other):               ${REF} ms"
echo "imelab unpack (separately):                                                  ${UNPACK} ms"
awk -v o="$OURS" -v r="$REF" 'BEGIN { printf "ratio imelab / openssl: %.2fx (below 1.0 = faster than openssl)\n", o / r }'
