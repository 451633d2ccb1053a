#!/usr/bin/env bash
# Figures of the daemon (issue 3), on this machine:
#  (a) check-in latency: from the `imelab moniker intunemanagementextension://syncapp` invocation
#      to the start of processing (the "application poller starts." line the daemon logs), and the
#      part of it inside the daemon (from "[IPC] Received a sync request" to that line); medians;
#  (b) idle RSS (VmRSS) of `imelab run --lab` after check-ins of the sample lab, as a ratio to a bare
#      JVM (a main that sleeps) started with the same flags.
# Usage: bench/daemon-figures.sh [ROUNDS]   (env DAEMON_JVM_OPTS overrides the flags of
# agent/daemon.jvm-options, the ones the launcher gives `imelab run`; "none" = no flags)
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
ROUNDS="${1:-7}"
"$ROOT/imelab" --version >/dev/null   # selects a JDK 21+ and builds the agent
for d in "${JAVA_HOME:-}" /usr/lib/jvm/*; do
  if [[ -x "$d/bin/javac" ]] && "$d/bin/java" -version 2>&1 | grep -qE 'version "(2[1-9]|[3-9][0-9])'; then JDK="$d"; break; fi
done
JAVA="$JDK/bin/java"
JAR="$ROOT/agent/target/imelab.jar"
if [[ -n "${DAEMON_JVM_OPTS+x}" ]]; then
  [[ "$DAEMON_JVM_OPTS" == none ]] && DAEMON_JVM_OPTS=""
  read -r -a FLAGS <<<"$DAEMON_JVM_OPTS"
else
  FLAGS=("@$ROOT/agent/daemon.jvm-options")
fi

WORK="$(mktemp -d /tmp/imelab-figures.XXXXXX)"
DAEMON=""; BARE=""
cleanup() {
  [[ -n "$DAEMON" ]] && kill "$DAEMON" 2>/dev/null && wait "$DAEMON" 2>/dev/null
  [[ -n "$BARE" ]] && kill "$BARE" 2>/dev/null && wait "$BARE" 2>/dev/null
  rm -rf "$WORK"
}
trap cleanup EXIT
HOME_DIR="$WORK/home"; OUT="$WORK/console.txt"; LOG="$HOME_DIR/Logs/IntuneManagementExtension.log"

await() { # await PATTERN FILE: polls the file for a line, with a 120 s deadline
  local deadline=$((SECONDS + 120))
  until grep -aq -- "$1" "$2" 2>/dev/null; do
    (( SECONDS < deadline )) || { echo "no '$1' in $2:" >&2; cat "$2" >&2; exit 1; }
    sleep 0.05
  done
}
tod() { # seconds since local midnight of a CMTrace time="HH:MM:SS.fffffff" or of `date +%T.%N`
  awk -F'[:.]' '{ printf "%.6f\n", $1*3600 + $2*60 + $3 + ("0." $4) }' <<<"$1"
}
median() { sort -n | awk '{ v[NR] = $1 } END { print (NR % 2) ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2 }'; }
nth_time() { # nth_time PATTERN N: the time of the Nth log line with PATTERN
  grep -a -- "$1" "$LOG" | sed -n "${2}p" | sed -E 's/.*time="([0-9:.]+)[^"]*".*/\1/'
}

echo "JVM: $("$JAVA" -version 2>&1 | head -1); flags: ${FLAGS[*]:-(none)}; $(nproc) CPUs"
"$JAVA" "${FLAGS[@]}" -jar "$JAR" --home "$HOME_DIR" run --lab --start-delay 0 >"$OUT" 2>&1 &
DAEMON=$!
await "check-in 1 done" "$OUT"
grep -a "check-in 1 done" "$OUT"

totals=(); inside=()
for ((i = 1; i <= ROUNDS; i++)); do
  n=$((i + 1))
  t0="$(date +%T.%N)"
  "$JAVA" -jar "$JAR" --home "$HOME_DIR" moniker intunemanagementextension://syncapp >/dev/null
  await "check-in $n done" "$OUT"
  received="$(nth_time "Received a sync request" "$i")"
  started="$(nth_time "application poller starts" "$n")"
  totals+=("$(awk -v a="$(tod "$t0")" -v b="$(tod "$started")" 'BEGIN { printf "%.0f", (b - a) * 1000 }')")
  inside+=("$(awk -v a="$(tod "$received")" -v b="$(tod "$started")" 'BEGIN { printf "%.1f", (b - a) * 1000 }')")
done
echo "moniker invocation -> processing starts, ms: ${totals[*]}; median $(printf '%s\n' "${totals[@]}" | median)"
echo "  of which in the daemon (IPC received -> processing starts), ms: ${inside[*]}; median $(printf '%s\n' "${inside[@]}" | median)"

sleep 10 # idle: let the last check-in's threads and buffers settle
rss() { awk '/^VmRSS/ { print $2 }' "/proc/$1/status"; }
daemon_rss="$(rss "$DAEMON")"

mkdir -p "$WORK/bare"
cat >"$WORK/bare/Sleep.java" <<'JAVA'
public class Sleep {
    public static void main(String[] args) throws InterruptedException {
        System.out.println("sleeping");
        Thread.sleep(Long.MAX_VALUE);
    }
}
JAVA
"$JDK/bin/javac" -d "$WORK/bare" "$WORK/bare/Sleep.java"
"$JAVA" "${FLAGS[@]}" -cp "$WORK/bare" Sleep >"$WORK/bare/out.txt" 2>&1 &
BARE=$!
await sleeping "$WORK/bare/out.txt"
sleep 10
bare_rss="$(rss "$BARE")"
echo "idle RSS: daemon ${daemon_rss} kB, bare JVM ${bare_rss} kB, ratio $(awk -v a="$daemon_rss" -v b="$bare_rss" 'BEGIN { printf "%.2f", a / b }')x"
