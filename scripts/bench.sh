#!/usr/bin/env bash
# The benchmarks (`make bench`): speed and memory are measured here, never asserted in tests.
#   scripts/bench.sh                 all of them
#   scripts/bench.sh extract         pepqa extract over 500 generated Word PEPs
#   scripts/bench.sh drain           pepqa run --once draining a 10,000-file backlog
#   scripts/bench.sh pipeline [N]    pepqa process over N (500) Word PEPs of ~230 KB main part, as a
#                                    ratio to the floor (unzip + libxml2 alone, scripts/floor/floor.c)
#   scripts/bench.sh poll [SIZE...]  one poll (idle, and one new document) at ledgers of 1k, 10k and
#                                    100k documents (scripts/seed_ledger.py)
#   scripts/bench.sh export [SIZE...] the first export batch of every rating, at 1k and 10k documents
# pipeline and poll build the release binary in .build-bench (see scripts/bench-pipeline.sh).
set -euo pipefail
cd "$(dirname "$0")/.."
what=${1:-all}
case "$what" in
  all|extract|drain|pipeline|poll|export) ;;
  *) echo "usage: scripts/bench.sh [all|extract|drain|pipeline [N]|poll [SIZE...]|export [SIZE...]]" >&2; exit 64 ;;
esac
if [ "$what" = all ] || [ "$what" = extract ]; then scripts/bench-extract.sh 500; fi
if [ "$what" = all ] || [ "$what" = drain ]; then scripts/bench-drain.sh; fi
if [ "$what" = all ]; then scripts/bench-pipeline.sh pipeline 500; fi
if [ "$what" = pipeline ]; then scripts/bench-pipeline.sh pipeline "${2:-500}"; fi
if [ "$what" = all ]; then scripts/bench-pipeline.sh poll; fi
if [ "$what" = poll ]; then shift; scripts/bench-pipeline.sh poll "$@"; fi
if [ "$what" = all ]; then scripts/bench-pipeline.sh export; fi
if [ "$what" = export ]; then shift; scripts/bench-pipeline.sh export "$@"; fi
