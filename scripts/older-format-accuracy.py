#!/usr/bin/env python3
"""Field accuracy of `pepqa extract` on Word forms saved as .odt and as old Word 97-2003 .doc.

    python3 scripts/older-format-accuracy.py [--count 40] [--seed 1313] [--pepqa .build/debug/pepqa] [--keep DIR]

Writes --count generated Word forms with their truth files (scripts/make_docx_samples.py: four
styles, content controls, legacy form fields, label tables and mixed, 30% with gaps), converts
each with LibreOffice headless to .odt (OpenDocument Text, which pepqa reads directly through the
labels of Rules/docx-mapping.yaml) and to .doc (MS Word 97, which pepqa converts back through
LibreOffice itself), and runs `pepqa extract` on the .docx, the .odt and the .doc. Every field
the truth lists is compared the way scripts/field-accuracy.py compares it. Prints, per format,
documents read / refused, fields right / total and the wall-clock time of `pepqa extract` per
document, then accuracy per form style and the mismatching field paths with examples.

Needs LibreOffice (`soffice` on PATH; Debian: apt-get install libreoffice-writer-nogui). Python 3,
standard library only. Documents are run one at a time, so the times are not inflated by each other.
"""
import argparse
import collections
import glob
import importlib.util
import json
import os
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import time

ROOT = os.path.abspath(os.path.join(os.path.dirname(os.path.abspath(__file__)), ".."))

spec = importlib.util.spec_from_file_location("field_accuracy", os.path.join(ROOT, "scripts", "field-accuracy.py"))
field_accuracy = importlib.util.module_from_spec(spec)
spec.loader.exec_module(field_accuracy)
flatten, norm = field_accuracy.flatten, field_accuracy.norm

FORMATS = [("docx", None), ("odt", "odt"), ("doc", "doc:MS Word 97")]


def run_pepqa(argv, tries=60):
    """Runs pepqa, waiting while its binary is being rebuilt (missing or busy) for up to 5 minutes."""
    for attempt in range(tries):
        try:
            start = time.perf_counter()
            run = subprocess.run(argv, capture_output=True, text=True)
            return run, time.perf_counter() - start
        except OSError:  # ENOENT or ETXTBSY during a rebuild
            if attempt == tries - 1:
                raise
            time.sleep(5)


def convert(soffice, profile, target, files, outdir):
    os.makedirs(outdir, exist_ok=True)
    subprocess.run([soffice, f"-env:UserInstallation=file://{profile}", "--headless", "--convert-to", target,
                    "--outdir", outdir] + files, check=True, capture_output=True)


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--count", type=int, default=40)
    ap.add_argument("--seed", type=int, default=1313)
    ap.add_argument("--pepqa", default=os.path.join(ROOT, ".build", "debug", "pepqa"))
    ap.add_argument("--rules", default=os.path.join(ROOT, "Rules"))
    ap.add_argument("--soffice", default="soffice")
    ap.add_argument("--keep", metavar="DIR", help="write the documents here and keep them (default: a temporary folder)")
    ap.add_argument("--show", type=int, default=3, help="examples to print per mismatching field")
    args = ap.parse_args()
    soffice = shutil.which(args.soffice)
    if not soffice:
        sys.exit("older-format-accuracy: soffice (LibreOffice) is not on PATH")
    pepqa, rules = os.path.abspath(args.pepqa), os.path.abspath(args.rules)
    work = os.path.abspath(args.keep) if args.keep else tempfile.mkdtemp(prefix="older-format-")
    os.makedirs(work, exist_ok=True)
    docx_dir, truth_dir = os.path.join(work, "docx"), os.path.join(work, "truth")
    subprocess.run([sys.executable, os.path.join(ROOT, "scripts", "make_docx_samples.py"), "--count", str(args.count),
                    "--seed", str(args.seed), "--out", docx_dir, "--truth", truth_dir], check=True, capture_output=True)
    names = sorted(n[: -len(".truth.json")] for n in os.listdir(truth_dir) if n.endswith(".truth.json"))
    sources = [os.path.join(docx_dir, f"{n}.docx") for n in names]
    profile = os.path.join(work, "lo-profile")  # LibreOffice's own, not the user's
    convert_time = {}
    for fmt, target in FORMATS:
        if target:
            start = time.perf_counter()
            convert(soffice, profile, target, sources, os.path.join(work, fmt))
            convert_time[fmt] = time.perf_counter() - start

    stats = {fmt: collections.Counter() for fmt, _ in FORMATS}
    times = {fmt: [] for fmt, _ in FORMATS}
    by_style = collections.defaultdict(collections.Counter)
    wrong = {fmt: collections.defaultdict(list) for fmt, _ in FORMATS}
    refusals = {fmt: [] for fmt, _ in FORMATS}
    for n in names:
        truth = json.load(open(os.path.join(truth_dir, f"{n}.truth.json")))
        style = n.rsplit("-", 1)[-1]
        for fmt, _ in FORMATS:
            path = os.path.join(work, fmt, f"{n}.{fmt}")
            s = stats[fmt]
            if not os.path.exists(path):
                s["refused"] += 1
                s["total"] += len(truth)
                refusals[fmt].append(f"{n}: LibreOffice wrote no {fmt}")
                continue
            run, seconds = run_pepqa([pepqa, "extract", "--rules", rules, path])
            times[fmt].append(seconds)
            if run.returncode != 0:
                s["refused"] += 1
                s["total"] += len(truth)
                refusals[fmt].append(f"{n}.{fmt}: {run.stderr.strip()}")
                continue
            s["read"] += 1
            got = dict(flatten(json.loads(run.stdout)))
            for field, expected in truth.items():
                s["total"] += 1
                by_style[(fmt, style)]["total"] += 1
                if norm(got.get(field)) == norm(expected):
                    s["right"] += 1
                    by_style[(fmt, style)]["right"] += 1
                else:
                    wrong[fmt][re.sub(r"\[\d+\]", "[]", field)].append(
                        f"{n}.{fmt} {field}: expected {expected!r}, read {got.get(field)!r}")

    print(f"Word forms as .odt and .doc: {len(names)} generated forms (make_docx_samples.py --count {args.count} "
          f"--seed {args.seed}), converted by LibreOffice headless, read by pepqa extract, against the generator's truth")
    print(f"{'format':8s} {'read':>5s} {'refused':>8s} {'fields right / total':>22s} {'%':>8s}   pepqa extract per document")
    for fmt, _ in FORMATS:
        s, t = stats[fmt], times[fmt]
        timing = (f"mean {statistics.mean(t):.2f} s, median {statistics.median(t):.2f} s, max {max(t):.2f} s" if t else "-")
        print(f".{fmt:7s} {s['read']:5d} {s['refused']:8d} {s['right']:12d} / {s['total']:<8d}"
              f" {100.0 * s['right'] / max(s['total'], 1):7.2f}%   {timing}")
    print("(.doc: pepqa converts it through LibreOffice inside extract, so its time includes that conversion; "
          + ", ".join(f"soffice --convert-to {f} of all {len(names)}: {convert_time[f]:.1f} s" for f in convert_time) + ")")
    styles = sorted({st for _, st in by_style})
    print("\nby form style: " + "   ".join(
        f".{fmt} " + " ".join(f"{st} {100.0 * by_style[(fmt, st)]['right'] / max(by_style[(fmt, st)]['total'], 1):.1f}%"
                             for st in styles) for fmt, _ in FORMATS))
    for fmt, _ in FORMATS:
        if not wrong[fmt] and not refusals[fmt]:
            continue
        print(f"\n.{fmt}:")
        for r in refusals[fmt][: args.show]:
            print(f"  refused: {r}")
        for field, examples in sorted(wrong[fmt].items(), key=lambda kv: (-len(kv[1]), kv[0])):
            print(f"  {field}: {len(examples)} wrong")
            for e in examples[: args.show]:
                print(f"    {e}")
    if args.keep:
        print(f"\ndocuments kept in {work}")
    else:
        shutil.rmtree(work)


if __name__ == "__main__":
    main()
