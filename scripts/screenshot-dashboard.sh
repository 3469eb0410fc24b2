#!/usr/bin/env bash
# Takes headless Chromium screenshots of the coordinators' dashboard and a few QA reports, to
# check them in a real browser (no external CSS or JavaScript: what Chromium shows is the page).
#
#   scripts/screenshot-dashboard.sh                 # the sample run's out/ (runs `make sample` if needed)
#   scripts/screenshot-dashboard.sh path/to/out     # an existing output folder
#
# Screenshots go to <out>/screenshots/*.png (1280x1600). Installs chromium if missing.
set -euo pipefail
cd "$(dirname "$0")/.."

folder="${1:-$PWD/out}"
if [[ ! -f "$folder/dashboard/index.html" ]]; then
    [[ -n "${1:-}" ]] && { echo "screenshot-dashboard: no dashboard in $folder" >&2; exit 1; }
    make sample >/dev/null
fi
folder="$(cd "$folder" && pwd)"

browser="$(command -v chromium || command -v chromium-browser || command -v google-chrome || true)"
if [[ -z "$browser" ]]; then
    echo "installing chromium..." >&2
    apt-get install -y chromium >/dev/null || { apt-get update >/dev/null && apt-get install -y chromium >/dev/null; }
    browser="$(command -v chromium)"
fi

mkdir -p "$folder/screenshots"
shopt -s nullglob
reports=("$folder"/reports/*.html)
for page in "$folder"/dashboard/*.html "${reports[@]:0:3}"; do
    name="$(basename "${page%.html}")"
    "$browser" --headless --no-sandbox --disable-gpu --hide-scrollbars --window-size=1280,1600 \
        --screenshot="$folder/screenshots/$name.png" "file://$page" >/dev/null 2>&1
    echo "$folder/screenshots/$name.png"
done
