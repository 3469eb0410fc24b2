#!/usr/bin/env bash
# Benchmark (not a test): the whole pipeline at the speed of parsing, and what one poll costs as
# the ledger grows. Release build, in its own scratch path (.build-bench), so it never fights a
# debug build in .build over the build lock.
#
#   scripts/bench-pipeline.sh pipeline [N]       N Word PEPs (default 500) against the floor
#   scripts/bench-pipeline.sh poll [SIZE...]     per-poll cost at ledger sizes (default 1000 10000 100000)
#   scripts/bench-pipeline.sh export [SIZE...]   the first export batch of every rating (default 1000 10000)
#
# pipeline: N generated Word PEPs with about 230 KB of main-part XML each (the four binding
#   styles of scripts/make_docx_samples.py: content controls, legacy form fields, label tables,
#   mixed), plus N/5 JSON and XML PEPs (scripts/make_backlog.py). The FLOOR is
#   scripts/floor/floor.c: unzip word/document.xml and pass it once through libxml2 (the
#   xmlTextReader pepqa uses, and a SAX2 push parser with empty handlers), nothing else: the
#   least any reader must do. `pepqa process` then rates the same .docx files into a fresh
#   ledger as configured (reading ahead on the other cores) and with --read-ahead 0 (one core),
#   three times each, alternating, for the both-core speed-up (medians). Shared, noisy machines make absolute speeds meaningless
#   alone, so the RATIO of pepqa's documents per CPU-second to the floor's, both measured in this run, comes first
#   (target >= 0.5x); then wall-clock documents per second and peak RSS (target < 100 MB).
# poll: scripts/seed_ledger.py makes ledgers of each SIZE from a small rated template (without
#   rating SIZE documents), about BENCH_PER_TERM (500) PEPs a term: a larger ledger is more
#   years of the same Virtual School, which is how a real one grows. Then one ledger of
#   BENCH_BIG_TERM_LEDGER (20,000) documents with BENCH_BIG_TERM (5,300) PEPs a term (0: none),
#   since a term's size is the other thing a poll's cost may follow. For each: one idle `pepqa
#   run --once` publishes everything once (a seeded ledger has no outputs yet); then we time a
#   second idle `run --once` on an empty inbox (the idle poll, process start included), and a
#   `run --once` that takes one new document, whose log line "outputs published ms= cpu_ms=" is the
#   publish after it (the work beyond rating it); and, once, the process start-up alone
#   (`pepqa --help`, `pepqa rules check`). Flat is the target: the growth from the smallest to
#   the largest size comes first. A step over BENCH_STEP_TIMEOUT (600 s) is reported as "over
#   600 s" and skipped.
# export: ledgers of each SIZE seeded with nothing exported (`seed_ledger.py --without-exports`):
#   the first publish writes one Eclipse batch of every rating, as when the export is switched on
#   after years of use; its peak RSS should not grow with the batch (the batch is streamed).
#
# Environment: PEPQA_BIN=path uses that binary instead of building; BENCH_DIR=dir keeps the
# corpora, ledgers and logs there (default: a mktemp folder under /tmp, removed at the end);
# BENCH_STEP_TIMEOUT (600) and BENCH_WARMUP_TIMEOUT (5400, the first publish after seeding, which
# renders every output: 43 minutes at 100k documents on a loaded 2-core machine, 2026-12-07).
# Needs: swift, python3, cc, libxml2-dev, zlib1g-dev, GNU time (installed with apt-get when
# missing and we are root).
set -euo pipefail
cd "$(dirname "$0")/.."

die() { echo "bench-pipeline: $*" >&2; exit 1; }
usage() { sed -n '5,7p' "$0" | sed 's/^# *//' >&2; exit 64; }

part=${1:-}
case "$part" in
  pipeline) count=${2:-500}; [[ "$count" =~ ^[1-9][0-9]*$ ]] || usage ;;
  poll) shift; sizes=("$@"); [ ${#sizes[@]} -gt 0 ] || sizes=(1000 10000 100000)
        for s in "${sizes[@]}"; do [[ "$s" =~ ^[1-9][0-9]*$ ]] || usage; done ;;
  export) shift; sizes=("$@"); [ ${#sizes[@]} -gt 0 ] || sizes=(1000 10000)
        for s in "${sizes[@]}"; do [[ "$s" =~ ^[1-9][0-9]*$ ]] || usage; done ;;
  *) usage ;;
esac
step_timeout=${BENCH_STEP_TIMEOUT:-600}
per_term=${BENCH_PER_TERM:-500}
big_term=${BENCH_BIG_TERM:-5300}
big_term_ledger=${BENCH_BIG_TERM_LEDGER:-20000}
warmup_timeout=${BENCH_WARMUP_TIMEOUT:-5400}

# --- What the scripts need ------------------------------------------------------------------
need_apt=()
[ -x /usr/bin/time ] || need_apt+=(time)
command -v xml2-config >/dev/null || need_apt+=(libxml2-dev)
echo '#include <zlib.h>' | cc -E - >/dev/null 2>&1 || need_apt+=(zlib1g-dev)
if [ ${#need_apt[@]} -gt 0 ]; then
  if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null; then
    echo "bench-pipeline: installing ${need_apt[*]}" >&2
    apt-get install -y "${need_apt[@]}" >/dev/null || { apt-get update >/dev/null && apt-get install -y "${need_apt[@]}" >/dev/null; } ||
      die "could not install ${need_apt[*]}"
  else
    die "missing ${need_apt[*]} (apt-get install ${need_apt[*]})"
  fi
fi
for tool in python3 cc timeout; do command -v "$tool" >/dev/null || die "needs $tool"; done

work=${BENCH_DIR:-}
if [ -z "$work" ]; then
  work=$(mktemp -d /tmp/pepqa-bench-pipeline.XXXXXX)
  trap 'rm -rf "$work"' EXIT
fi
mkdir -p "$work"

# The release binary, in its own scratch path (a debug build may be running in .build).
if [ -n "${PEPQA_BIN:-}" ]; then
  bin=$PEPQA_BIN
else
  command -v swift >/dev/null || die "needs swift (or PEPQA_BIN=path to a release pepqa)"
  echo "bench-pipeline: building the release binary (swift build -c release --scratch-path .build-bench)" >&2
  if ! nice -n 10 swift build -c release --product pepqa --scratch-path .build-bench >"$work/build.log" 2>&1; then
    tail -20 "$work/build.log" >&2
    die "the release build failed (log above)"
  fi
  bin="$(swift build -c release --product pepqa --scratch-path .build-bench --show-bin-path)/pepqa"
fi
[ -x "$bin" ] || die "no pepqa binary at $bin"

# timed OUT CMD...: runs CMD under GNU time and timeout; OUT gets "wall user sys maxrss_kb".
# Returns the command's status (124 when it ran out of time).
timed() {
  local out=$1; shift
  local limit=$step_timeout
  if [ "$1" = --limit ]; then limit=$2; shift 2; fi
  local rc=0
  /usr/bin/time -f "%e %U %S %M" -o "$out" timeout "$limit" "$@" || rc=$?
  # GNU time adds a "Command exited with non-zero status" line first on failure.
  tail -1 "$out" >"$out.tmp" && mv "$out.tmp" "$out"
  return $rc
}

# --- pipeline: N Word PEPs, pepqa against the floor ------------------------------------------
bench_pipeline() {
  local n=$1 plain=$(( $1 / 5 > 10 ? $1 / 5 : 10 ))
  echo "bench-pipeline: generating $n Word PEPs (about 230 KB main part each) and $plain JSON/XML" >&2
  rm -rf "$work/docx" "$work/plain"
  python3 scripts/make_docx_samples.py --count "$n" --out "$work/docx" --pad-kb 230 >/dev/null
  python3 scripts/make_backlog.py --out "$work/plain" --count "$plain" >/dev/null
  local docx_bytes
  docx_bytes=$(cat "$work"/docx/*.docx | wc -c)

  cc -O2 $(xml2-config --cflags) scripts/floor/floor.c $(xml2-config --libs) -lz -o "$work/floor" ||
    die "could not build scripts/floor/floor.c"
  # Each floor three times (the median counts); passes enough to run about a second or more.
  local repeat=$(( (1500 + n - 1) / n )) mode i
  for mode in reader sax; do
    for i in 1 2 3; do
      local flag=(); [ "$mode" = sax ] && flag=(--sax)
      timed "$work/floor-$mode-$i.time" "$work/floor" "${flag[@]}" --repeat "$repeat" "$work"/docx/*.docx \
        >"$work/floor-$mode-$i.out" || die "the floor failed: $(cat "$work/floor-$mode-$i.out")"
    done
  done

  # Both cores (as configured) and one (--read-ahead 0), three times each, alternating, each into
  # a fresh ledger: the medians count (a shared VM's steal time moves single runs by a third).
  local run rc
  for run in 1 2 3; do
    echo "bench-pipeline: pepqa process over the $n Word PEPs, both cores then one (run $run of 3)" >&2
    rm -rf "$work/p-state" "$work/p-out" "$work/s-state" "$work/s-out"
    rc=0
    timed "$work/pepqa-$run.time" --limit $(( step_timeout * 6 )) "$bin" process --backlog "$work/docx" \
      --state "$work/p-state" --out "$work/p-out" --rules Rules >"$work/pepqa-$run.out" 2>"$work/pepqa.err" || rc=$?
    [ $rc = 0 ] || { tail -5 "$work/pepqa.err" >&2; die "pepqa process failed ($rc)"; }
    rc=0
    timed "$work/single-$run.time" --limit $(( step_timeout * 6 )) "$bin" process --read-ahead 0 --backlog "$work/docx" \
      --state "$work/s-state" --out "$work/s-out" --rules Rules >"$work/single-$run.out" 2>"$work/single.err" || rc=$?
    [ $rc = 0 ] || { tail -5 "$work/single.err" >&2; die "pepqa process --read-ahead 0 failed ($rc)"; }
  done
  timed "$work/plain.time" "$bin" process --backlog "$work/plain" \
    --state "$work/j-state" --out "$work/j-out" --rules Rules >"$work/plain.out" 2>"$work/plain.err" ||
    { tail -5 "$work/plain.err" >&2; die "pepqa process (JSON/XML) failed"; }

  python3 - "$work" "$n" "$plain" "$repeat" "$docx_bytes" <<'PY'
import os, re, statistics, sys
work, n, plain, repeat, docx_bytes = sys.argv[1], int(sys.argv[2]), int(sys.argv[3]), int(sys.argv[4]), int(sys.argv[5])

def time_of(name):
    wall, user, sys_, rss = open(f"{work}/{name}").read().split()
    return float(wall), float(user), float(sys_), int(rss)

def floor(mode):
    runs = []
    for i in (1, 2, 3):
        m = re.match(r"(\d+) documents (\d+) bytes (\d+) events (\d+) failed ([\d.]+) cpu_seconds",
                     open(f"{work}/floor-{mode}-{i}.out").read())
        docs, size, cpu = int(m[1]), int(m[2]), float(m[5])
        runs.append((docs / cpu, size / cpu, cpu, docs, size, time_of(f"floor-{mode}-{i}.time")[3]))
    runs.sort()
    return runs[1], [r[0] for r in runs]

def summary(name):
    text = open(f"{work}/{name}").read()
    m = re.search(r"^(\d+) documents: (\d+) rated, (\d+) rejected.*$", text, re.M)
    return m[0] if m else "(no summary line)", int(m[2]) if m else 0

reader, reader_all = floor("reader")
sax, sax_all = floor("sax")
xml_bytes = reader[4] / repeat
def medians(prefix):
    runs = [time_of(f"{prefix}-{i}.time") for i in (1, 2, 3)]
    return (statistics.median(r[0] for r in runs), statistics.median(r[1] + r[2] for r in runs), max(r[3] for r in runs),
            [r[0] for r in runs])

wall, cpu, rss, walls = medians("pepqa")
rate = n / cpu
line, rated = summary("pepqa-1.out")
swall, scpu, srss, swalls = medians("single")
sline, srated = summary("single-1.out")
cores = os.cpu_count()
pwall, puser, psys, prss = time_of("plain.time")
pline, _ = summary("plain.out")

print(f"pipeline: {n} Word PEPs, mean main part {xml_bytes / n / 1000:.0f} KB ({xml_bytes / 1e6:.1f} MB of XML, "
      f"{docx_bytes / 1e6:.1f} MB of .docx), four binding styles; release build; CPU = user + sys")
print(f"  ratio to the floor (xmlTextReader): {rate / reader[0]:.3f}x   (target >= 0.5x; "
      f"{n / scpu / reader[0]:.3f}x with --read-ahead 0)")
print(f"  ratio to the floor (SAX2 push):     {rate / sax[0]:.3f}x")
print(f"  both cores: {swall / wall:.2f}x the one-core wall clock   (target >= 1.6x on 2 cores; "
      f"{n / wall:.1f} against {n / swall:.1f} documents/s, medians of 3; this machine has {cores} cores)")
print(f"  peak RSS: {max(rss, srss) / 1024:.0f} MB   (target < 100 MB)")
print("absolute (this run; each floor and each pepqa run three times, the median counts):")
print(f"  floor, xmlTextReader: {reader[0]:.0f} documents/CPU-s, {reader[1] / 1e6:.0f} MB/CPU-s "
      f"({repeat} passes, {reader[3]} documents in {reader[2]:.2f} CPU-s; runs: "
      f"{', '.join(f'{x:.0f}' for x in reader_all)}), peak RSS {reader[5] / 1024:.0f} MB")
print(f"  floor, SAX2 push:     {sax[0]:.0f} documents/CPU-s, {sax[1] / 1e6:.0f} MB/CPU-s "
      f"({repeat} passes, {sax[3]} documents in {sax[2]:.2f} CPU-s; runs: "
      f"{', '.join(f'{x:.0f}' for x in sax_all)}), peak RSS {sax[5] / 1024:.0f} MB")
print(f"  pepqa process:        {rate:.1f} documents/CPU-s, {xml_bytes / cpu / 1e6:.1f} MB/CPU-s "
      f"({n} documents in {cpu:.2f} CPU-s; wall {wall:.2f} s, {1000 * wall / n:.1f} ms/document "
      f"[{', '.join(f'{x:.2f}' for x in walls)}]; peak RSS {rss / 1024:.0f} MB)")
print(f"                        {line}")
print(f"  pepqa process --read-ahead 0: {n / scpu:.1f} documents/CPU-s, wall {swall:.2f} s "
      f"({1000 * swall / n:.1f} ms/document [{', '.join(f'{x:.2f}' for x in swalls)}]), peak RSS {srss / 1024:.0f} MB")
print(f"                        {sline}")
if rated != n or srated != n:
    print(f"  WARNING: {n - rated} of the {n} Word PEPs were not rated (see {work}/pepqa-1.out)")
print(f"  pepqa process, {plain} JSON/XML (fresh ledger): {plain / (puser + psys):.1f} documents/CPU-s, "
      f"wall {pwall:.2f} s, peak RSS {prss / 1024:.0f} MB; {pline}")
PY
}

# --- poll: the cost of one poll as the ledger grows --------------------------------------------
fmt_time() { # "wall user sys rss" file -> "W s (CPU C s)"
  awk '{ printf "%.2f s (CPU %.2f s)", $1, $2 + $3 }' "$1"
}

bench_poll() {
  mkdir -p "$work/empty" "$work/new"
  echo "bench-pipeline: start-up baseline" >&2
  local i
  for i in 1 2 3 4 5; do
    timed "$work/help-$i.time" "$bin" --help >/dev/null 2>&1 || true
    timed "$work/rules-$i.time" "$bin" rules check Rules >/dev/null 2>&1 || die "pepqa rules check Rules failed"
  done
  # Three new documents (children no seeded ledger has), one for each timed one-document poll.
  python3 scripts/make_backlog.py --out "$work/new" --count 3 --xml-share 0 >/dev/null
  local new_docs=("$work"/new/*.json)

  # Cases: each SIZE at PER_TERM PEPs a term (the same Virtual School, more years of it), and
  # then a ledger of BIG_TERM_LEDGER documents whose terms hold BIG_TERM PEPs each (a term's
  # size is the other thing a poll's cost may follow).
  local cases=() size
  for size in "${sizes[@]}"; do cases+=("$size:$per_term"); done
  [ "$big_term" = 0 ] || cases+=("$big_term_ledger:$big_term")
  local case_ results=()
  for case_ in "${cases[@]}"; do
    size=${case_%%:*}
    local term_size=${case_##*:}
    local d="$work/poll-$size-$term_size"
    rm -rf "$d"; mkdir -p "$d"
    echo "bench-pipeline: seeding a ledger of $size documents, about $term_size a term" >&2
    local seeded
    seeded=$(python3 scripts/seed_ledger.py --pepqa "$bin" --template "$work/template" --state "$d/state" \
      --count "$size" --per-term "$term_size" 2>"$d/seed.err") || { cat "$d/seed.err" >&2; die "seeding $size failed"; }
    echo "$seeded" >"$d/seeded.txt"
    local common=(--state "$d/state" --out "$d/out" --rules Rules)
    echo "bench-pipeline: $size at $term_size a term: first publish (renders every output)" >&2
    local rc=0
    timed "$d/warmup.time" --limit "$warmup_timeout" "$bin" run --once --inbox "$work/empty" --poll-interval 1 \
      "${common[@]}" >"$d/warmup.out" 2>"$d/warmup.err" || rc=$?
    if [ $rc = 124 ]; then
      results+=("$size|$term_size|$seeded|over $warmup_timeout s|-")
      rm -rf "$d"; continue
    elif [ $rc != 0 ]; then
      tail -5 "$d/warmup.err" >&2; die "$size: the first publish failed ($rc)"
    fi
    # The idle poll, and a poll that takes one new document (the service's own `run --once`,
    # whose log says what its publish cost: the work beyond rating), three times each (one
    # when a step takes over a minute).
    local what r
    for what in idle one; do
      for r in 0 1 2; do
        rc=0
        local inbox="$work/empty"
        if [ $what = one ]; then
          inbox="$d/inbox-$r"; mkdir -p "$inbox"; cp "${new_docs[$r]}" "$inbox/"
        fi
        timed "$d/$what-$r.time" "$bin" run --once --inbox "$inbox" --poll-interval 1 "${common[@]}" \
          >"$d/$what-$r.out" 2>"$d/$what-$r.err" || rc=$?
        if [ $rc = 124 ]; then echo "over" >"$d/$what-$r.time"; break; fi
        [ $rc = 0 ] || { tail -5 "$d/$what-$r.err" >&2; die "$size: $what failed ($rc)"; }
        if [ $what = one ]; then
          grep -q "rated" "$d/$what-$r.err" || { tail -5 "$d/$what-$r.err" >&2; die "$size: the new document was not rated"; }
          sed -n 's/.*outputs published.* ms=\([0-9.]*\).*/\1/p' "$d/$what-$r.err" | tail -1 >"$d/$what-$r.ms"
          sed -n 's/.*outputs published.* cpu_ms=\([0-9.]*\).*/\1/p' "$d/$what-$r.err" | tail -1 >"$d/$what-$r.cpu"
        fi
        awk '{ exit !($1 > 60) }' "$d/$what-$r.time" && break
      done
    done
    results+=("$size|$term_size|$seeded|$(fmt_time "$d/warmup.time")|$d")
    # Keep what the summary needs, free the disk (a 100k ledger and its reports are gigabytes).
    mkdir -p "$work/kept-$size-$term_size"; cp "$d"/*.time "$d"/*.ms "$d"/*.cpu "$work/kept-$size-$term_size/" 2>/dev/null || true
    [ -n "${BENCH_DIR:-}" ] || rm -rf "$d"
  done

  python3 - "$work" "$step_timeout" "${results[@]}" <<'PY'
import os, statistics, sys
work, limit, results = sys.argv[1], sys.argv[2], sys.argv[3:]

def times(prefix, folder):
    out = []
    for r in range(3):
        path = f"{folder}/{prefix}-{r}.time"
        if not os.path.exists(path):
            continue
        text = open(path).read().split()
        if text == ["over"]:
            return None
        def logged(ext):
            if not os.path.exists(f"{folder}/{prefix}-{r}.{ext}"):
                return None
            t = open(f"{folder}/{prefix}-{r}.{ext}").read().strip()
            return float(t) if t else None
        out.append((float(text[0]), float(text[1]) + float(text[2]), int(text[3]), logged("ms"), logged("cpu")))
    return out

def median(runs, i):
    return statistics.median(x[i] for x in runs)

def publish_ms(runs, i=3):
    ms = [r[i] for r in runs or [] if r[i] is not None]
    return statistics.median(ms) if ms else None

def baseline(prefix):
    runs = []
    for i in range(1, 6):
        wall, user, sys_, rss = open(f"{work}/{prefix}-{i}.time").read().split()
        runs.append((float(wall), float(user) + float(sys_), int(rss)))
    return median(runs, 0), median(runs, 1), max(r[2] for r in runs)

hw, hc, hr = baseline("help")
rw, rc, rr = baseline("rules")
rows = []
for entry in results:
    size, term_size, seeded, warm, folder = entry.split("|")[:5]
    kept = f"{work}/kept-{size}-{term_size}"
    if not os.path.isdir(kept):
        rows.append((int(size), int(term_size), seeded, warm, None, None))
        continue
    rows.append((int(size), int(term_size), seeded, warm, times("idle", kept), times("one", kept)))

def label(size):
    return f"{size // 1000}k" if size % 1000 == 0 else str(size)

def show(runs):
    if runs is None:
        return f"over {limit} s"
    if not runs:
        return "not run"
    return f"{median(runs, 0):.2f} s"

def show_ms(runs):
    ms, cpu = publish_ms(runs), publish_ms(runs, 4)
    if ms is None:
        return "not logged"
    return f"{ms:.0f} ms" + ("" if cpu is None else f" (CPU {cpu:.0f} ms)")

# Ratios first: how a poll grows with the ledger (flat is the target), smallest to largest
# size of the same Virtual School (the cases at the usual PEPs a term).
same = [r for r in rows if r[1] == rows[0][1]]
def growth(i, name, value):
    timed_ = [(r[0], r[i]) for r in same if r[i]]
    if len(timed_) < 2:
        return None
    (a, ra), (b, rb) = timed_[0], timed_[-1]
    va, vb = value(ra), value(rb)
    if va is None or vb is None:
        return None
    return f"{name} {label(a)} -> {label(b)} ({b // a}x the ledger): {vb / max(va, 1e-3):.1f}x"

for i, name, value in ((4, "idle poll, wall", lambda r: median(r, 0)), (4, "idle poll, CPU", lambda r: median(r, 1)),
                       (5, "one document, publish (the work beyond rating)", publish_ms),
                       (5, "one document, whole run --once CPU", lambda r: median(r, 1))):
    g = growth(i, name, value)
    if g:
        print("poll growth, " + g)
for size, term_size, seeded, warm, idle, one in rows:
    if idle is None and one is None and warm.startswith("over"):
        print(f"at {label(size)} ({term_size} PEPs a term): first publish {warm}, not timed")
        continue
    beyond = f"{median(idle, 1) - rc:.3f} s CPU beyond start-up" if idle else "-"
    print(f"at {label(size)} ({term_size} PEPs a term): publish after one new document {show_ms(one)} (target < 50 ms); "
          f"idle run --once {show(idle)} ({beyond})")
print(f"start-up baseline: pepqa --help {hw:.2f} s (CPU {hc:.2f} s), pepqa rules check {rw:.2f} s (CPU {rc:.2f} s, "
      f"peak RSS {rr / 1024:.0f} MB); medians of 5")
print("absolute (this run; wall-clock medians of up to 3, CPU = user + sys, RSS = peak):")
for size, term_size, seeded, warm, idle, one in rows:
    print(f"  {label(size):>5}, about {term_size} a term: {seeded}")
    print(f"         first publish after seeding (idle run --once, renders everything): {warm}")
    for name, runs in (("idle poll (run --once, empty inbox)", idle),
                       ("one new document (run --once; its file is first seen, then read when stable)", one)):
        if runs is None:
            print(f"         {name}: over {limit} s")
        elif runs:
            extra = f", publish {show_ms(runs)} [{', '.join('-' if r[3] is None else f'{r[3]:.0f}' for r in runs)}]" if runs[0][3] is not None else ""
            print(f"         {name}: {median(runs, 0):.2f} s wall, CPU {median(runs, 1):.2f} s, "
                  f"peak RSS {max(r[2] for r in runs) / 1024:.0f} MB  [{', '.join(f'{r[0]:.2f}' for r in runs)}]{extra}")
PY
}

# --- export: the first Eclipse batch after the export is switched on --------------------------
bench_export() {
  mkdir -p "$work/empty"
  local size rows=()
  for size in "${sizes[@]}"; do
    local d="$work/export-$size"
    rm -rf "$d"; mkdir -p "$d"
    echo "bench-pipeline: seeding a ledger of $size documents with nothing exported" >&2
    local seeded
    seeded=$(python3 scripts/seed_ledger.py --pepqa "$bin" --template "$work/template" --state "$d/state" \
      --count "$size" --per-term "$per_term" --without-exports 2>"$d/seed.err") || { cat "$d/seed.err" >&2; die "seeding $size failed"; }
    echo "bench-pipeline: $size: the first publish, which exports every rating" >&2
    timed "$d/first.time" --limit "$warmup_timeout" "$bin" run --once --inbox "$work/empty" --poll-interval 1 \
      --state "$d/state" --out "$d/out" --rules Rules >"$d/first.out" 2>"$d/first.err" || { tail -5 "$d/first.err" >&2; die "$size: the first publish failed"; }
    local records
    records=$(cat "$d"/out/exports/eclipse-*.xml 2>/dev/null | grep -o ' count="[0-9]*"' | tr -dc '0-9\n' | awk '{ s += $1 } END { print s + 0 }')
    rows+=("$size|$records|$(cat "$d/first.time")|$seeded")
    [ -n "${BENCH_DIR:-}" ] || rm -rf "$d"
  done
  python3 - "${rows[@]}" <<'PY'
import sys
rows = [r.split("|") for r in sys.argv[1:]]
def label(n): return f"{n // 1000}k" if n % 1000 == 0 else str(n)
first, last = rows[0], rows[-1]
rss = lambda r: int(r[2].split()[3]) / 1024
print(f"export growth, peak RSS of the first publish (every rating exported in one streamed batch) "
      f"{label(int(first[0]))} -> {label(int(last[0]))}: {rss(last) / rss(first):.2f}x   (target: flat, under 100 MB)")
for size, records, time_, seeded in rows:
    wall, user, sys_, kb = time_.split()
    print(f"  {label(int(size)):>5}: {records} records exported; first publish {float(wall):.1f} s wall, "
          f"CPU {float(user) + float(sys_):.1f} s, peak RSS {int(kb) / 1024:.0f} MB ({seeded})")
PY
}

case "$part" in
  pipeline) bench_pipeline "$count" ;;
  poll) bench_poll ;;
  export) bench_export ;;
esac
