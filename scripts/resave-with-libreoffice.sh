#!/usr/bin/env bash
# Re-saves two generated samples with LibreOffice Writer, so that the reader is tested on the XML
# another word processor writes (its own run properties, no rsids, content controls rewritten).
# Needs LibreOffice (Debian: apt-get install libreoffice-writer-nogui). Run after make_docx_samples.py.
set -euo pipefail
cd "$(dirname "$0")/.."
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
cp SampleInbox/docx/pep-content-controls-good.docx "$work/pep-content-controls-libreoffice.docx"
cp SampleInbox/docx/pep-legacy-form-fields-good.docx "$work/pep-legacy-form-fields-libreoffice.docx"
mkdir "$work/out"
soffice --headless --convert-to 'docx:MS Word 2007 XML' --outdir "$work/out" "$work"/*.docx
cp "$work"/out/*.docx SampleInbox/docx/
