#!/usr/bin/env bash
# Benchmark (not a test): drain a generated backlog with `pepqa run --once` from a release build,
# and report documents per second, peak RSS (/usr/bin/time -v) and RSS sampled every second
# during the run, to show that memory stays flat however long the backlog.
#
#   scripts/bench-drain.sh [COUNT] [DOCX]      default 10000 documents, 300 of them DOCX
#   BENCH_DIR=/tmp/x scripts/bench-drain.sh    where the backlog, state and outputs go
#
# Needs python3 and GNU time (apt-get install time).
set -euo pipefail
cd "$(dirname "$0")/.."
count=${1:-10000}
docx=${2:-300}
dir=${BENCH_DIR:-$(mktemp -d /tmp/pepqa-bench.XXXXXX)}
[ -x /usr/bin/time ] || { echo "bench-drain: /usr/bin/time missing (apt-get install time)" >&2; exit 1; }

# The release binary in its own scratch path (as bench-pipeline.sh): never the debug build's .build.
if [ -n "${PEPQA_BIN:-}" ]; then
  bin=$PEPQA_BIN
else
  nice -n 10 swift build -c release --product pepqa --scratch-path .build-bench >&2
  bin=$(swift build -c release --product pepqa --scratch-path .build-bench --show-bin-path)/pepqa
fi

rm -rf "$dir/inbox" "$dir/state" "$dir/out"
python3 scripts/make_backlog.py --out "$dir/inbox" --count "$count" --docx "$docx" >&2
# Old enough that --once takes every file at first sight (it waits one poll interval otherwise).
find "$dir/inbox" -type f -exec touch -d '10 minutes ago' {} +

/usr/bin/time -v -o "$dir/time.txt" "$bin" run --once --inbox "$dir/inbox" --state "$dir/state" --out "$dir/out" \
  --rules Rules --poll-interval 60 >"$dir/stdout.txt" 2>"$dir/log.txt" &
timer=$!
# Sample the pepqa child's RSS (kB) once a second.
: >"$dir/rss.txt"
start=$(date +%s.%N)
while kill -0 "$timer" 2>/dev/null; do
  pid=$(pgrep -P "$timer" pepqa || true)
  if [ -n "$pid" ] && [ -r "/proc/$pid/status" ]; then
    awk -v t="$(echo "$(date +%s.%N) - $start" | bc)" '/VmRSS/ {printf "%.0f %s\n", t, $2}' "/proc/$pid/status" >>"$dir/rss.txt" || true
  fi
  sleep 1
done
wait "$timer"
elapsed=$(awk -F': ' '/Elapsed \(wall clock\)/ {print $2}' "$dir/time.txt")
seconds=$(echo "$elapsed" | awk -F: '{ if (NF == 3) print $1*3600 + $2*60 + $3; else print $1*60 + $2 }')
peak=$(awk -F': ' '/Maximum resident set size/ {print $2}' "$dir/time.txt")
left=$(find "$dir/inbox" -maxdepth 1 -type f | wc -l)
archived=$(find "$dir/state/archive" -type f | wc -l)
quarantined=$( (find "$dir/state/quarantine" -type f ! -name '*.reason' 2>/dev/null || true) | wc -l)

echo "backlog:       $count documents ($docx DOCX, the rest about 2/3 JSON, 1/3 XML) in $dir"
echo "result:        $(cat "$dir/stdout.txt")"
echo "filed:         $archived archived, $quarantined quarantined, $left left in the inbox"
echo "wall time:     $elapsed"
echo "throughput:    $(echo "scale=1; $count / $seconds" | bc) documents/s"
echo "peak RSS:      $((peak / 1024)) MB"
if [ -s "$dir/rss.txt" ]; then
  n=$(wc -l <"$dir/rss.txt")
  echo "RSS sampled:   $n samples; at 10%/50%/90% of the run:" \
    "$(awk -v n="$n" 'NR==int(n*0.1)+1||NR==int(n*0.5)+1||NR==int(n*0.9)+1 {printf "%d MB @%ss  ", $2/1024, $1}' "$dir/rss.txt")"
  echo "               min $(sort -n -k2 "$dir/rss.txt" | head -1 | awk '{print int($2/1024)}') MB," \
    "max $(sort -n -k2 "$dir/rss.txt" | tail -1 | awk '{print int($2/1024)}') MB (full series: $dir/rss.txt)"
fi
