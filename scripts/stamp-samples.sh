#!/usr/bin/env bash
# Sets each sample's modification time to the day docs/sample-inbox.tsv says it was received.
#
# The sample inbox is a backlog: `make sample` runs `pepqa process --backlog`, which takes a
# file's modification time as its receipt (the service takes the moment a file reaches the
# inbox). A fresh clone gives every file today's time, which would make every sample PEP "late";
# this puts back the arrival dates the samples were designed with. Maildir messages count from
# the delivery time in their names.
set -euo pipefail
cd "$(dirname "$0")/.."
while IFS=$'\t' read -r file received _; do
  case "$file" in ''|'#'*) continue ;; esac
  [ -e "SampleInbox/$file" ] && touch -d "$received 09:30:00" "SampleInbox/$file"
done < docs/sample-inbox.tsv
exit 0
