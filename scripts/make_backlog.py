#!/usr/bin/env python3
"""Writes a backlog of fictional PEPs for benchmarks: variants of the JSON and XML samples in
SampleInbox/ with varied child IDs, terms and academic years (some children send two PEPs for
one term, so supersession happens), plus optional DOCX forms from make_docx_samples.py.

    python3 scripts/make_backlog.py --out /tmp/backlog --count 10000 --xml-share 0.3 --docx 500

Standard library only. Every name and number in the output is invented (copied from samples).
"""

import argparse
import json
import os
import re
import subprocess
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
SAMPLES = os.path.join(HERE, "..", "SampleInbox")
JSON_SAMPLES = ["01-green-review-secondary.json", "03-amber-thin-targets.json", "05-red-no-child-voice.json",
                "07-initial-pep.json", "09-over-cap-ppplus.json", "11-green-year6-transition.json",
                "12-amber-compliance-slightly-late.json"]
XML_SAMPLES = ["02-green-review-primary.xml", "04-amber-no-carer-low-attendance.xml", "06-red-no-targets.xml",
               "08-ehcp-year11-spring.xml", "10-late-submission.xml"]
TERMS = ["autumn", "spring", "summer"]
YEARS = ["2024/25", "2025/26", "2026/27"]


def variant_key(i, children):
    return "BL%06d" % (i % children), TERMS[i % 3], YEARS[(i // 3) % 3]


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--out", required=True)
    ap.add_argument("--count", type=int, default=10000, help="JSON + XML + DOCX documents in all")
    ap.add_argument("--xml-share", type=float, default=0.3)
    ap.add_argument("--docx", type=int, default=0, help="how many of the documents are DOCX")
    args = ap.parse_args()
    os.makedirs(args.out, exist_ok=True)
    plain = args.count - args.docx
    children = max(1, int(plain * 0.8))
    json_texts = [json.load(open(os.path.join(SAMPLES, n))) for n in JSON_SAMPLES]
    xml_texts = [open(os.path.join(SAMPLES, n), encoding="utf-8").read() for n in XML_SAMPLES]
    every_xml = int(round(1 / args.xml_share)) if args.xml_share > 0 else 0
    for i in range(plain):
        la_id, term, year = variant_key(i, children)
        if every_xml and i % every_xml == 0:
            text = xml_texts[i % len(xml_texts)]
            text = re.sub(r"<la_id>[^<]*</la_id>", f"<la_id>{la_id}</la_id>", text, count=1)
            text = re.sub(r"<term>[^<]*</term>", f"<term>{term}</term>", text, count=1)
            text = re.sub(r"<academic_year>[^<]*</academic_year>", f"<academic_year>{year}</academic_year>", text, count=1)
            name = f"pep-{i:05d}.xml"
            data = text.encode("utf-8")
        else:
            doc = json.loads(json.dumps(json_texts[i % len(json_texts)]))
            doc["child"]["la_id"] = la_id
            doc["pep"]["term"] = term
            doc["pep"]["academic_year"] = year
            name = f"pep-{i:05d}.json"
            data = json.dumps(doc, indent=1).encode("utf-8")
        with open(os.path.join(args.out, name), "wb") as f:
            f.write(data)
    if args.docx:
        subprocess.run([sys.executable, os.path.join(HERE, "make_docx_samples.py"), "--count", str(args.docx),
                        "--out", args.out], check=True, stdout=subprocess.DEVNULL)
    print(f"wrote {args.count} documents to {args.out}")


if __name__ == "__main__":
    main()
