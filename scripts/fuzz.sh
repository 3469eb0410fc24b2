#!/usr/bin/env bash
# libFuzzer over every reader of outside bytes (README, "Fuzzing").
#
#   scripts/fuzz.sh --list             the targets, one a line
#   scripts/fuzz.sh TARGET SECONDS     build TARGET and fuzz it for SECONDS
#   scripts/fuzz.sh --smoke [SECONDS]  every target in turn, 20 s each unless told (make test)
#
# Each run starts from a seed corpus made from the samples (SampleInbox/, Rules/, test fixtures)
# plus what earlier runs found (.build-fuzz/corpus/TARGET). A crash, leak, hang (> 2 s) or memory
# blow-up (> 512 MB) is saved under .build-fuzz/artifacts/TARGET/ and printed with a one-line
# reason, and the script exits 1; each one belongs in the normal test suite as a regression test.
# Builds and runs are niced: the machines are shared. FUZZ_BUILD=0 runs the targets as last
# built. Needs the Swift toolchain on Linux (-sanitize=fuzzer,address).
set -euo pipefail
cd "$(dirname "$0")/.."

TARGETS=(
    FuzzJSON FuzzXML FuzzXMLDialect FuzzZIP FuzzDocxBody FuzzMIME
    FuzzRulesYAML FuzzMappingYAML FuzzRosterCSV FuzzRegisterCSV FuzzWebForm
)
SCRATCH=.build-fuzz
# AddressSanitizer keeps freed memory in a 256 MB quarantine by default: with Foundation's own
# 160 MB under ASan, a long job passed the 512 MB limit on memory it had freed (the same MIME
# input run 2,000 times: 610 MB by default, 203 MB with 64), and libFuzzer called it a blow-up.
export ASAN_OPTIONS=${ASAN_OPTIONS:-quarantine_size_mb=64}
NICE=(nice -n 15)

usage() {
    echo "usage: scripts/fuzz.sh --list | --smoke [SECONDS] | TARGET SECONDS" >&2
    exit 64
}

build() {
    [[ ${FUZZ_BUILD:-1} == 0 ]] && return
    PEPQA_FUZZ=1 "${NICE[@]}" swift build --product "$1" --scratch-path "$SCRATCH" \
        -Xswiftc -sanitize=fuzzer,address 2>&1 | grep -v -e "__asan_" -e "found 1 file(s) which are unhandled" \
        -e "PrivacyInfo.xcprivacy" || true
    [[ -x "$SCRATCH/debug/$1" ]] || { echo "fuzz.sh: $1 did not build" >&2; exit 1; }
}

# Copies the samples that fit a target into $2 (one file per seed).
seeds() {
    local target=$1 dir=$2 f n=0
    rm -rf "$dir" && mkdir -p "$dir"
    case $target in
    FuzzJSON) cp SampleInbox/*.json Tests/PEPReadersTests/Fixtures/*.json "$dir"/ ;;
    FuzzXML) cp SampleInbox/*.xml Tests/PEPReadersTests/Fixtures/*.xml "$dir"/ ;;
    FuzzXMLDialect) cp Tests/PEPReadersTests/Fixtures/*.xml SampleInbox/02-*.xml "$dir"/ ;;
    FuzzZIP) cp SampleInbox/docx/*.docx SampleInbox/*.docx "$dir"/ ;;
    FuzzDocxBody)
        python3 -c 'import sys, zipfile, pathlib
for f in sys.argv[2:]:
    z = zipfile.ZipFile(f)
    for name in (n for n in z.namelist() if n.startswith("word/") and n.endswith(".xml") and "/_rels/" not in n):
        (pathlib.Path(sys.argv[1]) / (pathlib.Path(f).stem + "-" + pathlib.Path(name).name)).write_bytes(z.read(name))' \
            "$dir" SampleInbox/docx/*.docx ;;
    FuzzMIME) cp SampleInbox/maildir/new/* "$dir"/ ;;
    FuzzRulesYAML)
        # First line: the file the rest replaces (see Fuzz/FuzzRulesYAML).
        for f in Rules/ruleset.yaml Rules/calendar/*.yaml Rules/criteria/*.yaml; do
            n=$((n + 1))
            { echo "${f#Rules/}"; cat "$f"; } >"$dir/$n.txt"
        done ;;
    FuzzMappingYAML) cp Rules/docx-mapping.yaml "$dir"/ && cp Rules/xml/*.yaml "$dir"/ ;;
    FuzzRosterCSV) cp Rules/roster.csv "$dir"/ ;;
    FuzzRegisterCSV) cp Rules/schools.csv "$dir"/ ;;
    FuzzWebForm)
        printf 'username=dt%%40school.example&password=s3cret%%21&csrf=abc123' >"$dir/1"
        printf 'csrf=abc&action=override&rating=amber&reason=Targets+are+not+SMART&note=%%C3%%A9t%%C3%%A9' >"$dir/2"
        printf 'outcome=clarify&note=a=b&note=second&&=x&%%ZZ=%%' >"$dir/3" ;;
    *) echo "fuzz.sh: no such target: $target (see --list)" >&2; exit 64 ;;
    esac
}

# Why an artifact fails, in one line: replays it, keeps the first line that says, and adds the
# first place in our own sources on the stack. Returns 1 when the replay passes.
reason() {
    local bin=$1 artifact=$2 out why where
    out=$(timeout 30 "$bin" -timeout=2 -rss_limit_mb=512 -malloc_limit_mb=512 "$artifact" 2>&1) && {
        echo "did not fail again when replayed ($(grep -oE 'in [0-9]+ ms' <<<"$out" | head -1))"
        return 1
    }
    why=$(grep -m1 -E "Fatal error|ERROR: (AddressSanitizer|LeakSanitizer|libFuzzer)|deadly signal|out-of-memory" <<<"$out" |
        sed -E 's/^==[0-9]+==//')
    where=$(grep -m1 -oE "(Sources|\.build-fuzz/checkouts)/[^ ]+:[0-9]+" <<<"$out" || true)
    echo "${why:-failed}${where:+ at $where}"
}

# Fuzzes one target; prints a summary line; returns 1 when it found anything.
run() {
    local target=$1 seconds=$2
    local bin=$SCRATCH/debug/$target artifacts=$SCRATCH/artifacts/$target corpus=$SCRATCH/corpus/$target
    local seeddir=$SCRATCH/seeds/$target log=$SCRATCH/logs/$target.log
    seeds "$target" "$seeddir"
    mkdir -p "$corpus" "$SCRATCH/logs"
    if [[ -d $artifacts ]] && compgen -G "$artifacts/*" >/dev/null; then
        rm -rf "$artifacts.previous" && mv "$artifacts" "$artifacts.previous"
    fi
    mkdir -p "$artifacts"
    local start=$SECONDS
    "${NICE[@]}" "$bin" "$corpus" "$seeddir" -max_total_time="$seconds" -timeout=2 -rss_limit_mb=512 \
        -malloc_limit_mb=512 -max_len=1048576 -fork=1 -ignore_crashes=1 -ignore_timeouts=1 -ignore_ooms=1 \
        -artifact_prefix="$artifacts/" >"$log" 2>&1 || true
    local execs
    execs=$(grep -oE '^#[0-9]+' "$log" | tail -1 | tr -d '#')
    local found=0 artifact
    for artifact in "$artifacts"/*; do
        [[ -e $artifact ]] || continue
        if why=$(reason "$bin" "$artifact"); then
            found=$((found + 1))
        elif [[ $(basename "$artifact") == timeout-* ]]; then
            # Quick when replayed: the 2 s ran out on a loaded machine, not in the reader.
            why="$why; not counted, the machine was busy"
        elif [[ $(basename "$artifact") == oom-* ]] && ! grep -qE 'oom/timeout/crash: [1-9]' "$log"; then
            # Fine when replayed, and no job of the run counted an out-of-memory: left by a job
            # stopped while the run wrapped up (seen once, an empty input, on a loaded machine).
            why="$why; not counted, no job of the run ran out of memory"
        else
            found=$((found + 1))
        fi
        echo "$target: $(basename "$artifact"): $why"
    done
    echo "$target: $((SECONDS - start)) s, ${execs:-0} executions, $found findings (log $log)"
    [[ $found -eq 0 ]]
}

case ${1:-} in
--list) printf '%s\n' "${TARGETS[@]}" ;;
--smoke)
    seconds=${2:-20}
    for t in "${TARGETS[@]}"; do build "$t"; done
    status=0
    for t in "${TARGETS[@]}"; do run "$t" "$seconds" || status=1; done
    exit $status ;;
"" | -*) usage ;;
*)
    [[ $# -eq 2 && $2 =~ ^[0-9]+$ ]] || usage
    printf '%s\n' "${TARGETS[@]}" | grep -qx "$1" || { echo "fuzz.sh: no such target: $1 (see --list)" >&2; exit 64; }
    build "$1"
    run "$1" "$2" ;;
esac
