#!/usr/bin/env bash
# Content phase 2 (verify HMAC + decrypt + SHA-256 digest) of one large package: imelab (JMH,
# ContentBenchmark) against openssl doing the same three steps one after the other on the same
# data, plus imelab's unpack time on its own. Prints the ratio imelab / openssl (below 1.0 = faster).
#
#   bench/content-vs-openssl.sh [SIZE_MB] [DIR]      defaults: 1024 /tmp/imelab-content-bench
#
# The package is generated once per size under DIR and reused. openssl gets its inputs pre-cut at
# offsets 32 (MAC input) and 48 (ciphertext), outside its timing. Both sides read warm page cache
# and write their plaintext to a file in DIR. The machine is shared: compare ratios, not seconds.
set -euo pipefail
SIZE_MB="${1:-1024}"
DIR="${2:-/tmp/imelab-content-bench}"
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
for d in "${JAVA_HOME:-}" /usr/lib/jvm/*; do
  if [[ -n "$d" && -x "$d/bin/java" ]] && "$d/bin/java" -version 2>&1 | grep -qE 'version "(2[1-9]|[3-9][0-9])'; then JAVA_HOME="$d"; break; fi
done
export JAVA_HOME
command -v openssl >/dev/null || { echo "openssl is needed for the reference run" >&2; exit 2; }
(cd "$ROOT" && ./mvnw -B -q -DskipTests -pl bench -am package)
JAR="$ROOT/bench/target/imelab-bench.jar"

BASE="$("$JAVA_HOME/bin/java" -cp "$JAR" org.imelab.bench.ContentBenchmarkData "$DIR" "$SIZE_MB" | tail -1)"
prop() { grep "^$1=" "$BASE/keys.properties" | cut -d= -f2; }
KEY="$(prop key)"; MACKEY="$(prop macKey)"; IV="$(prop iv)"; MAC="$(prop mac)"; DIGEST="$(prop digest)"

now() { date +%s%N; }
openssl_run() {
  local t0 t1 mac dig
  t0=$(now)
  mac=$(openssl dgst -sha256 -mac HMAC -macopt "hexkey:$MACKEY" -r "$BASE/openssl-mac-input.bin" | cut -d' ' -f1)
  openssl enc -d -aes-256-cbc -K "$KEY" -iv "$IV" -in "$BASE/openssl-ciphertext.bin" -out "$BASE/openssl-plain.zip"
  dig=$(openssl dgst -sha256 -r "$BASE/openssl-plain.zip" | cut -d' ' -f1)
  t1=$(now)
  [[ "$mac" == "$MAC" ]] || { echo "openssl HMAC differs: $mac vs $MAC" >&2; exit 1; }
  [[ "$dig" == "$DIGEST" ]] || { echo "openssl digest differs: $dig vs $DIGEST" >&2; exit 1; }
  rm -f "$BASE/openssl-plain.zip"
  echo $(( (t1 - t0) / 1000000 ))
}
openssl_run >/dev/null # warm-up, as JMH's warm-up iteration
RUNS=()
for _ in 1 2 3; do RUNS+=("$(openssl_run)"); done
OPENSSL_MS=$(printf '%s\n' "${RUNS[@]}" | sort -n | sed -n 2p)   # median of three
echo "openssl (dgst HMAC; enc -d; dgst sha256), ${SIZE_MB} MB: ${RUNS[*]} ms -> median ${OPENSSL_MS} ms"

CSV="$BASE/jmh.csv"
"$JAVA_HOME/bin/java" -jar "$JAR" ContentBenchmark -p sizeMb="$SIZE_MB" -p dir="$DIR" -rf csv -rff "$CSV" | grep -E '^(Benchmark|ContentBenchmark)' || true
score() { awk -F, -v b="\"org.imelab.bench.ContentBenchmark.$1\"" '$1==b {print $5}' "$CSV"; }
OURS_MS="$(score verifyDecryptDigest)"; UNPACK_MS="$(score unpack)"
echo "imelab verify+decrypt+digest, ${SIZE_MB} MB: ${OURS_MS} ms (mean of 3, heap capped at 128 MB)"
echo "imelab unpack, ${SIZE_MB} MB: ${UNPACK_MS} ms"
awk -v o="$OURS_MS" -v r="$OPENSSL_MS" 'BEGIN { printf "ratio imelab / openssl: %.2fx (below 1.0 = faster than openssl)\n", o / r }'
