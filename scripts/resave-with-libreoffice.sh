#!/usr/bin/env bash
# Re-saves the two `*-libreoffice.docx` samples with LibreOffice Writer, in place, so that the
# reader is tested on the XML another word processor writes (its own run properties, no rsids,
# content controls and form fields rewritten). Run after scripts/make_docx_samples.py, which
# writes them first. Needs LibreOffice (Debian: apt-get install libreoffice-writer-nogui).
set -euo pipefail
cd "$(dirname "$0")/.."
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
soffice --headless --convert-to 'docx:MS Word 2007 XML' --outdir "$work" SampleInbox/docx/*-libreoffice.docx
cp "$work"/*.docx SampleInbox/docx/
