#!/usr/bin/env bash
# Renders the sample dashboard (or an existing output folder) and takes headless Chromium
# screenshots of its pages, to check them in a real browser.
#
#   scripts/screenshot-dashboard.sh                 # sample dashboard -> out/dashboard-sample/
#   scripts/screenshot-dashboard.sh path/to/out     # an existing output folder
#
# Screenshots go to <folder>/screenshots/*.png (1280x1600). Installs chromium if missing.
set -euo pipefail
cd "$(dirname "$0")/.."

folder="${1:-}"
if [[ -z "$folder" ]]; then
    folder="$PWD/out/dashboard-sample"
    mkdir -p "$folder"
    PEPQA_DASHBOARD_OUT="$folder" swift test --filter writesASampleDashboardSiteToDisk >/dev/null
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
for page in "$folder"/*.html "$folder"/reports/*.html; do
    name="$(basename "${page%.html}")"
    "$browser" --headless --no-sandbox --disable-gpu --hide-scrollbars --window-size=1280,1600 \
        --screenshot="$folder/screenshots/$name.png" "file://$page" >/dev/null 2>&1
    echo "$folder/screenshots/$name.png"
done
