#!/usr/bin/env bash
# Sets each sample's modification time to the day docs/sample-inbox.tsv says it was received.
#
# A plain file in a drop folder is taken as received when it was written there (its mtime). A
# fresh clone gives every file today's time, which would make every sample PEP "late"; this puts
# back the arrival dates the samples were designed with. E-mails carry their own Date: header.
set -euo pipefail
cd "$(dirname "$0")/.."
while IFS=$'\t' read -r file received _; do
  case "$file" in ''|'#'*) continue ;; esac
  [ -e "SampleInbox/$file" ] && touch -d "$received 09:30:00" "SampleInbox/$file"
done < docs/sample-inbox.tsv
exit 0
