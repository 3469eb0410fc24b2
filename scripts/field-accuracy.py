#!/usr/bin/env python3
"""Field accuracy of `pepqa extract` on generated Word PEPs against the generator's truth.

    python3 scripts/make_docx_samples.py --out DIR --truth DIR/truth      # (or --count 500)
    python3 scripts/field-accuracy.py DIR DIR/truth [--pepqa .build/release/pepqa]

For every document with a `<name>.truth.json`, every field the truth lists is compared with what
`pepqa extract` printed: a field is right when the reader found the value written (compared the
way the contract normalises it: case, spacing, punctuation, £, 'Year 9' = 9, enum spellings) or,
for a blank or placeholder cell, when it read nothing. Prints per-document and overall accuracy
and the first mismatches. Run from the repository root (it needs Rules/docx-mapping.yaml).
"""
import argparse
import json
import os
import re
import subprocess
import sys

# Contract enum spellings (pep-template.md) the generator writes in words.
SYNONYMS = {"partlyachieved": "partly", "notachieved": "notachieved", "sensupport": "sensupport"}


def flatten(x, prefix=""):
    if isinstance(x, dict):
        for k, v in x.items():
            yield from flatten(v, f"{prefix}.{k}" if prefix else k)
    elif isinstance(x, list):
        for i, v in enumerate(x):
            yield from flatten(v, f"{prefix}[{i}]")
    else:
        yield prefix, x


def norm(v):
    if isinstance(v, bool) or v is None:
        return v
    text = re.sub(r"^year\s*", "", str(v).strip().lower().replace("£", ""))
    try:
        return float(text)
    except ValueError:
        pass
    key = re.sub(r"[^a-z0-9]", "", text)
    return SYNONYMS.get(key, key)


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("docs")
    ap.add_argument("truth")
    ap.add_argument("--pepqa", default=".build/debug/pepqa")
    ap.add_argument("--show", type=int, default=15, help="mismatches to print")
    args = ap.parse_args()
    total = right = 0
    mismatches = []
    names = sorted(n for n in os.listdir(args.truth) if n.endswith(".truth.json"))
    for n in names:
        doc = os.path.join(args.docs, n.replace(".truth.json", ".docx"))
        truth = json.load(open(os.path.join(args.truth, n)))
        run = subprocess.run([args.pepqa, "extract", doc], capture_output=True, text=True)
        got = dict(flatten(json.loads(run.stdout))) if run.returncode == 0 else {}
        ok = 0
        for path, expected in truth.items():
            seen = got.get(path)
            if norm(seen) == norm(expected):
                ok += 1
            else:
                mismatches.append(f"{os.path.basename(doc)}: {path}: expected {expected!r}, read {seen!r}")
        total += len(truth)
        right += ok
        if len(names) <= 20:
            print(f"{os.path.basename(doc):45s} {ok:4d}/{len(truth):<4d} {100.0 * ok / max(len(truth), 1):6.1f}%")
    print(f"{len(names)} documents, {right}/{total} fields right: {100.0 * right / max(total, 1):.2f}%")
    for m in mismatches[: args.show]:
        print("  " + m)
    sys.exit(0)


if __name__ == "__main__":
    main()
