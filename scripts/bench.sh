#!/usr/bin/env bash
# The benchmarks (`make bench`): speed and memory are measured here, never asserted in tests.
#   scripts/bench.sh            all of them
#   scripts/bench.sh extract    pepqa extract over 500 generated Word PEPs
#   scripts/bench.sh drain      pepqa run --once draining a 10,000-file backlog
set -euo pipefail
cd "$(dirname "$0")/.."
what=${1:-all}
if [ "$what" = all ] || [ "$what" = extract ]; then scripts/bench-extract.sh 500; fi
if [ "$what" = all ] || [ "$what" = drain ]; then scripts/bench-drain.sh; fi
