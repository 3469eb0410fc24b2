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
# The real-browser test of the workbench (scripts/browser-test.py): headless Chromium and its
# WebDriver from Debian, Selenium and axe-core (bundled by axe-selenium-python) from PyPI.
if [ "${PEPQA_BROWSER_TEST:-1}" = "1" ]; then
  bneed=()
  for pkg in chromium chromium-driver python3-pip; do
    dpkg -s "$pkg" >/dev/null 2>&1 || bneed+=("$pkg")
  done
  if [ ${#bneed[@]} -gt 0 ]; then
    echo "pepqa: installing ${bneed[*]} (browser test)" >&2
    SUDO=""
    [ "$(id -u)" -eq 0 ] || SUDO="sudo"
    $SUDO apt-get update -qq
    DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq "${bneed[@]}" >/dev/null
  fi
  python3 -c "import selenium, axe_selenium_python" 2>/dev/null \
    || python3 -m pip install -q --break-system-packages selenium axe-selenium-python 2>/dev/null \
    || python3 -m pip install -q selenium axe-selenium-python
fi
# LibreOffice, which pepqa uses (when installed) to read a school's old .doc and .rtf forms:
# installed here so the test of a real conversion runs rather than being skipped.
if [ "${PEPQA_LIBREOFFICE:-1}" = "1" ] && ! command -v soffice >/dev/null 2>&1; then
  echo "pepqa: installing libreoffice-writer-nogui (old Word and RTF forms)" >&2
  SUDO=""
  [ "$(id -u)" -eq 0 ] || SUDO="sudo"
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq libreoffice-writer-nogui >/dev/null
fi
command -v swift >/dev/null 2>&1 || { echo "pepqa: the Swift toolchain (6.2 or later) is not on PATH" >&2; exit 1; }
