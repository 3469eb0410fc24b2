#!/usr/bin/env bash
# Benchmark: `pepqa extract` over N generated Word PEPs (default 500) in a release build.
#
#   scripts/bench-extract.sh [N]
#
# Generates N documents in the three form styles and the mixed one (scripts/make_docx_samples.py),
# runs one `pepqa extract` process per document, as a school's file would be, and prints documents
# per second (wall clock, process start-up included), the largest peak RSS of any one process
# (/usr/bin/time's %M over the loop's children) and the field accuracy against the generator's truth.
set -euo pipefail
cd "$(dirname "$0")/.."
count=${1:-500}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
command -v /usr/bin/time >/dev/null || { echo "bench-extract: needs /usr/bin/time (apt-get install time)" >&2; exit 1; }

# The release binary in its own scratch path (as bench-pipeline.sh): never the debug build's .build.
if [ -n "${PEPQA_BIN:-}" ]; then
  bin=$PEPQA_BIN
else
  nice -n 10 swift build -c release --product pepqa --scratch-path .build-bench >/dev/null
  bin=$(swift build -c release --product pepqa --scratch-path .build-bench --show-bin-path)/pepqa
fi
python3 scripts/make_docx_samples.py --count "$count" --out "$work/docs" --truth "$work/truth" >/dev/null
bytes=$(du -sb "$work/docs" --exclude=truth | cut -f1)

cat > "$work/loop.sh" <<LOOP
for f in "$work"/docs/*.docx; do "$bin" extract "\$f" > /dev/null || echo "failed: \$f" >&2; done
LOOP
start=$(date +%s.%N)
/usr/bin/time -f "%M" -o "$work/rss" bash "$work/loop.sh"
end=$(date +%s.%N)
python3 - "$count" "$start" "$end" "$(cat "$work/rss")" "$bytes" <<'PY'
import sys
n, start, end, rss, size = int(sys.argv[1]), float(sys.argv[2]), float(sys.argv[3]), int(sys.argv[4]), int(sys.argv[5])
secs = end - start
print(f"pepqa extract (release): {n} documents, {size / 1e6:.1f} MB, {secs:.2f} s, "
      f"{n / secs:.1f} documents/s, {1000 * secs / n:.1f} ms/document, peak RSS {rss / 1024:.1f} MB")
PY
python3 scripts/field-accuracy.py "$work/docs" "$work/truth" --pepqa "$bin" --show 5
