#!/usr/bin/env bash
# Installs the system libraries pepqa builds against (Debian/Ubuntu), only if any is missing.
# Safe to run again: it does nothing when everything is present.
set -euo pipefail
need=()
for pkg in pkgconf libxml2-dev libsqlite3-dev zlib1g-dev; do
  dpkg -s "$pkg" >/dev/null 2>&1 || need+=("$pkg")
done
if [ ${#need[@]} -gt 0 ]; then
  echo "pepqa: installing ${need[*]}" >&2
  SUDO=""
  [ "$(id -u)" -eq 0 ] || SUDO="sudo"
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq "${need[@]}" >/dev/null
fi
command -v swift >/dev/null 2>&1 || { echo "pepqa: the Swift toolchain (6.2 or later) is not on PATH" >&2; exit 1; }
