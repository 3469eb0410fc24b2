#!/usr/bin/env python3
"""Builds a pepqa ledger of N documents quickly, without rating N documents, for the per-poll
benchmark (scripts/bench-pipeline.sh poll).

    python3 scripts/seed_ledger.py --pepqa BIN --template DIR --state DIR --count N [--years 6 | --per-term T]
        [--without-exports] [--check]

Why: what a poll costs at 10k or 100k documents is the question, and rating 100k documents
through pepqa to get there would take hours on this machine. So pepqa rates a small real set
once (the template), and this script copies the template's rows, with new ids, until the
ledger holds N documents. Every row is one pepqa wrote (or, for the human steps below, wrote
the way pepqa's own stores do), so the ledger looks like one that grew by real use.

The template (built once in --template DIR, reused when it is there):
  1. `pepqa process --backlog` of the JSON and XML samples of SampleInbox/ and its Word forms
     (SampleInbox/docx), with their arrival dates from docs/sample-inbox.tsv (Green to Red,
     late ones, a supersession, rejected files, a form that cannot be assessed);
  2. the people's part, as the workbench records it: a coordinator completes QA of every
     current rated PEP but the last (so the worklist is never empty), with its audit event; the
     Virtual School Head decides every PP+ request (approve, part-approve, hold), with its audit
     event (users made with `pepqa users add`);
  3. an idle `pepqa run --once`, so pepqa itself writes the feedback e-mails (outbox) and the
     Eclipse export batch that those completions release.
  No finance run is made: payment batches stay empty.

The copy (--state DIR, which must not exist): the template ledger (SQLite backup API), then in
ONE transaction, round after round, every row of every table linked to `submission` through
foreign keys (found from the schema, so a table added later is copied too), parents first:
  - INTEGER PRIMARY KEY ids and every foreign key shifted past the rows already there;
  - each submission a new sha256, and the 10-character report stems that contain it;
  - new child IDs, each child appearing in every term of --years academic years (or of as many
    years as give about --per-term PEPs a term: a Virtual School's size, whatever the count) (rounds are
    spread over terms and years going back from the template's: dates move back a term at a
    time, the terms and academic years in columns, JSON and file names with them), so the
    partial unique index "one current submission per child, term and year" holds;
  - other UNIQUE columns (an export batch's sequence and file name) made unique;
  - users are shared (not copied); tables not linked to submissions are left alone, and the
    `output_mark` row (where the outputs stood, if the schema has one) is removed, since this
    ledger has never been published to the new out folder: the first poll publishes it all.
The schema version (PRAGMA user_version, grdb_migrations) is untouched; CHECK constraints,
UNIQUE indexes and the append-only triggers all apply (inserts only); foreign keys are checked
once, after the copy (PRAGMA foreign_key_check), which is much faster than row by row.

Standard library only.
"""

import argparse
import datetime as dt
import hashlib
import os
import re
import shutil
import sqlite3
import subprocess
import sys
import time

HERE = os.path.dirname(os.path.abspath(__file__))
REPO = os.path.dirname(HERE)
SAMPLES = os.path.join(REPO, "SampleInbox")
TERMS = ["autumn", "spring", "summer"]
# Users are shared by every copied row (their ids kept); only submissions' rows are copied.
SHARED = {"app_user"}
PASSWORD = "seed-ledger-password-not-secret\n"


def die(message):
    print(f"seed_ledger: {message}", file=sys.stderr)
    sys.exit(1)


def run(cmd, **kw):
    result = subprocess.run(cmd, capture_output=True, text=True, **kw)
    if result.returncode != 0:
        die(f"{' '.join(cmd)} failed ({result.returncode}):\n{result.stdout}{result.stderr}")
    return result.stdout


def grdb_time(t):
    """A time as GRDB stores a Date (UTC, milliseconds)."""
    return t.strftime("%Y-%m-%d %H:%M:%S.") + f"{t.microsecond // 1000:03d}"


# ---------------------------------------------------------------------------------------------
# The template

def build_template(pepqa, rules, template):
    inbox = os.path.join(template, "inbox")
    state = os.path.join(template, "state")
    out = os.path.join(template, "out")
    empty = os.path.join(template, "empty")
    for d in (inbox, empty):
        os.makedirs(d, exist_ok=True)
    arrival = {}
    with open(os.path.join(REPO, "docs", "sample-inbox.tsv"), encoding="utf-8") as f:
        for line in f:
            if line.startswith("#") or not line.strip():
                continue
            name, received = line.split("\t")[:2]
            arrival[name] = received
    copied = 0
    for rel in sorted(arrival):
        src = os.path.join(SAMPLES, rel)
        if not os.path.isfile(src) or not rel.endswith((".json", ".xml", ".docx")):
            continue
        dst = os.path.join(inbox, rel.replace("/", "-"))
        shutil.copyfile(src, dst)
        t = dt.datetime.strptime(arrival[rel] + " 09:30", "%Y-%m-%d %H:%M").timestamp()
        os.utime(dst, (t, t))
        copied += 1
    if copied == 0:
        die(f"no samples found in {SAMPLES}")
    common = ["--state", state, "--out", out, "--rules", rules]
    run([pepqa, "process", "--backlog", inbox] + common)
    run([pepqa, "users", "add", "seed-coordinator", "--role", "coordinator"] + common, input=PASSWORD)
    run([pepqa, "users", "add", "seed-vsh", "--role", "vsh"] + common, input=PASSWORD)

    con = sqlite3.connect(os.path.join(state, "ledger.sqlite"), isolation_level=None)
    con.execute("PRAGMA foreign_keys = ON")
    con.execute("BEGIN IMMEDIATE")
    users = dict(con.execute("SELECT name, id FROM app_user"))
    coord, vsh = users["seed-coordinator"], users["seed-vsh"]
    current = con.execute(
        """SELECT s.id, s.recorded_at, r.id, r.quality, r.compliance FROM submission s
           JOIN rating_run r ON r.submission_id = s.id
           WHERE s.status = 'rated' AND s.superseded_by IS NULL
             AND r.id = (SELECT MAX(id) FROM rating_run WHERE submission_id = s.id)
           ORDER BY s.id""").fetchall()

    def later(text, days):
        base = dt.datetime.strptime(text[:19], "%Y-%m-%d %H:%M:%S")
        return grdb_time(base + dt.timedelta(days=days, minutes=7))

    for sid, recorded, run_id, quality, compliance in current[:-1]:
        at = later(recorded, 0)
        con.execute("""INSERT INTO qa_completion (submission_id, run_id, quality, compliance, user_id, officer,
                       automatic, at) VALUES (?, ?, ?, ?, ?, 'seed-coordinator', 0, ?)""",
                    (sid, run_id, quality, compliance, coord, at))
        con.execute("""INSERT INTO audit_event (at, user_id, actor, action, submission_id, subject, before, after, reason)
                       VALUES (?, ?, 'seed-coordinator', 'qa.complete', ?, 'QA', 'waiting', ?, NULL)""",
                    (at, coord, sid, f"quality={quality} compliance={compliance}"))
        red = "red" in (quality, compliance)
        for did, requested, approved, status in con.execute(
                "SELECT id, requested_pence, approved_pence, status FROM funding_decision WHERE submission_id = ? "
                "AND status <> 'superseded' AND requested_pence > 0", (sid,)).fetchall():
            if status == "approved" and approved == requested:
                verdict, amount = "approve", requested
            elif status == "approved" and approved > 0:
                verdict, amount = "part-approve", approved
            else:
                verdict, amount = "hold", 0
            con.execute("""INSERT INTO ppplus_verdict (decision_id, verdict, amount_pence, reason, exception,
                           school_acknowledged, user_id, at) VALUES (?, ?, ?, 'Seeded decision', ?, 1, ?, ?)""",
                        (did, verdict, amount, 1 if red and amount else 0, vsh, at))
            con.execute("""INSERT INTO audit_event (at, user_id, actor, action, submission_id, subject, before, after, reason)
                           VALUES (?, ?, 'seed-vsh', ?, ?, ?, 'undecided', ?, 'Seeded decision')""",
                        (at, vsh, f"ppplus.{verdict}", sid, f"PP+ request {did}", f"{verdict} £{amount / 100:.2f}"))
    con.execute("COMMIT")
    con.close()
    # pepqa writes what the completions release: feedback e-mails, the Eclipse batch.
    run([pepqa, "run", "--once", "--inbox", empty, "--poll-interval", "1"] + common)


# ---------------------------------------------------------------------------------------------
# The schema, read from the ledger

class Table:
    def __init__(self, con, name):
        self.name = name
        cols = con.execute(f'PRAGMA main.table_info("{name}")').fetchall()
        self.columns = [c[1] for c in cols]
        self.types = {c[1]: (c[2] or "").upper() for c in cols}
        pk = [c[1] for c in cols if c[5]]
        sql = con.execute("SELECT sql FROM main.sqlite_master WHERE type = 'table' AND name = ?", (name,)).fetchone()[0]
        without_rowid = bool(re.search(r"WITHOUT\s+ROWID\s*;?\s*$", sql, re.I))
        self.rowid = pk[0] if len(pk) == 1 and self.types[pk[0]] == "INTEGER" and not without_rowid else None
        # foreign keys: column -> (parent table, parent column)
        self.fks = {}
        groups = {}
        for fk_id, _seq, parent, frm, to, *_ in con.execute(f'PRAGMA main.foreign_key_list("{name}")'):
            groups.setdefault(fk_id, []).append((parent, frm, to))
        for fk in groups.values():
            for parent, frm, to in fk:
                if to is None:  # REFERENCES parent: its primary key
                    to = [c[1] for c in con.execute(f'PRAGMA main.table_info("{parent}")') if c[5]][0]
                self.fks.setdefault(frm, (parent, to))
        # UNIQUE column groups (unique indexes, partial or not, and UNIQUE constraints)
        self.unique = []
        for _seq, index, unique, _origin, _partial in con.execute(f'PRAGMA main.index_list("{name}")'):
            if unique:
                cols_ = [r[2] for r in con.execute(f'PRAGMA main.index_info("{index}")')]
                if None not in cols_:
                    self.unique.append(cols_)
        self.parents = {p for p, _ in self.fks.values()} - {name}


def linked_tables(con):
    names = [r[0] for r in con.execute(
        "SELECT name FROM main.sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' "
        "AND name <> 'grdb_migrations' ORDER BY name")]
    tables = {n: Table(con, n) for n in names}
    if "submission" not in tables:
        die("the ledger has no submission table")
    edges = {n: set() for n in names}
    for t in tables.values():
        for p in t.parents:
            if p in tables and t.name not in SHARED and p not in SHARED:
                edges[t.name].add(p)
                edges[p].add(t.name)
    linked, todo = set(), ["submission"]
    while todo:
        n = todo.pop()
        if n not in linked:
            linked.add(n)
            todo.extend(edges[n])
    # parents first
    order, seen = [], set()

    def visit(n, path=()):
        if n in seen:
            return
        if n in path:
            die(f"foreign-key cycle through {n}")
        for p in sorted(tables[n].parents & linked):
            visit(p, path + (n,))
        seen.add(n)
        order.append(n)

    for n in sorted(linked):
        visit(n)
    return tables, order


# ---------------------------------------------------------------------------------------------
# Moving a row to another term

DATE = r"(?<!\d)(\d{4})-(\d{2})-(\d{2})(?!\d)"
YEARS = r"(?<!\d)(\d{4})([/_-])(\d{2})(?!\d)"
TERM = r"(?<![A-Za-z])(autumn|spring|summer)(?![A-Za-z])"
MOVE = re.compile(f"{DATE}|{YEARS}|{TERM}")
DAYS = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31]


def slot_of(term, year):
    """A term as a number: 3 * the academic year's first calendar year + the term's index."""
    if term not in TERMS or not year:
        return None
    return 3 * int(year[:4]) + TERMS.index(term)


def mover(slot, back):
    """A function moving every date, term and academic year in a text `back` terms earlier, for a
    row of a submission in `slot` (None: a row of no one term; terms rotate, years follow)."""
    if back == 0:
        return lambda text: text
    if slot is None:
        year_delta = -(back // 3)
    else:
        year_delta = (slot - back) // 3 - slot // 3

    def one(m):
        if m.group(1):  # a date: back 4 months a term, the day kept within the month
            months = int(m.group(1)) * 12 + int(m.group(2)) - 1 - 4 * back
            y, mo = divmod(months, 12)
            last = DAYS[mo] + (1 if mo == 1 and (y % 4 == 0 and (y % 100 != 0 or y % 400 == 0)) else 0)
            return f"{y:04d}-{mo + 1:02d}-{min(int(m.group(3)), last):02d}"
        if m.group(4):  # an academic or financial year (2025/26, 2025_26, 2025-26)
            y = int(m.group(4))
            if int(m.group(6)) != (y + 1) % 100:
                return m.group(0)
            y += year_delta
            return f"{y:04d}{m.group(5)}{(y + 1) % 100:02d}"
        return TERMS[(TERMS.index(m.group(7)) - back) % 3]

    return lambda text: MOVE.sub(one, text)


# ---------------------------------------------------------------------------------------------
# The copy

def seed(template_ledger, target, count, years, check, without_exports=False):
    os.makedirs(os.path.dirname(target), exist_ok=True)
    src = sqlite3.connect(f"file:{template_ledger}?mode=ro", uri=True)
    dst = sqlite3.connect(target, isolation_level=None)
    src.backup(dst)
    src.close()
    con = dst
    tables, order = linked_tables(con)
    if without_exports:
        # Ratings never exported: the first publish makes one batch of every one (the export
        # switched on after years of use), which is what the export benchmark times.
        order = [n for n in order if not n.startswith("export_")]
    version = con.execute("PRAGMA user_version").fetchone()[0]
    migrations = con.execute("SELECT COUNT(*) FROM grdb_migrations").fetchone()[0]

    # The template's rows, by table, and each row's submission (its owner).
    rows = {n: con.execute(f'SELECT * FROM main."{n}"').fetchall() for n in order}
    order = [n for n in order if rows[n]]
    index = {}  # (table, column) -> {value: row}

    def find(table, column, value):
        key = (table, column)
        if key not in index:
            i = tables[table].columns.index(column)
            index[key] = {r[i]: r for r in rows[table]}
        return index[key].get(value)

    def owner(table, row, depth=0):
        t = tables[table]
        if table == "submission":
            return row[t.columns.index("id")]
        if depth > 10:
            return None
        for col, (parent, pcol) in t.fks.items():
            v = row[t.columns.index(col)]
            if v is not None and parent in rows and parent != table:
                prow = find(parent, pcol, v)
                if prow is not None:
                    o = owner(parent, prow, depth + 1)
                    if o is not None:
                        return o
        return None

    sub = tables["submission"]
    si = {c: i for i, c in enumerate(sub.columns)}
    slots = {r[si["id"]]: slot_of(r[si["term"]], r[si["academic_year"]]) for r in rows["submission"]}
    per_round = len(rows["submission"])
    have = con.execute("SELECT COUNT(*) FROM submission").fetchone()[0]

    # One child must not be current in two terms of the template: copies move every row by the
    # same number of terms, and that could put them on one term.
    seen_child = {}
    for r in rows["submission"]:
        child, slot = r[si["child_la_id"]], slots[r[si["id"]]]
        if child and r[si["superseded_by"]] is None:
            if seen_child.setdefault(child, slot) != slot:
                die(f"the template has child {child} in two terms; the copies could collide")

    # What a copy changes: child IDs and sha256 (with the 10-character stems), as whole words.
    children = sorted({r[si["child_la_id"]] for r in rows["submission"] if r[si["child_la_id"]]})
    shas = sorted(r[si["sha256"]] for r in rows["submission"])
    keys = children + shas + [s[:10] for s in shas]
    key_re = re.compile(r"(?<![A-Za-z0-9])(" + "|".join(re.escape(k) for k in sorted(keys, key=len, reverse=True))
                        + r")(?![A-Za-z0-9])")
    child_digits = max(2, len(str(len(children))))

    def round_keys(k, group):
        m = {c: f"S{group:05d}{j:0{child_digits}d}" for j, c in enumerate(children)}
        for s in shas:
            new = hashlib.sha256(f"{s}:{k}".encode()).hexdigest()
            m[s] = new
            m[s[:10]] = new[:10]
        return m

    # How each column of each table is copied.
    plans = {}
    for n in order:
        t = tables[n]

        def kind(col, t=t):
            """('id', table) shifted like that table's ids; ('seq', (table, col)); 'text'; 'keep'."""
            seen_ = set()
            table, c = t.name, col
            while (table, c) not in seen_:
                seen_.add((table, c))
                tt = tables[table]
                if c in tt.fks:
                    table, c = tt.fks[c]
                    if table in SHARED or table not in tables:
                        return "keep"
                    continue
                if c == tt.rowid:
                    return ("id", table)
                break
            return None

        kinds = []
        for col in t.columns:
            k_ = kind(col)
            if k_ is None:
                k_ = "text" if t.types[col] in ("TEXT", "") else "keep"
            kinds.append(k_)
        # UNIQUE groups with no shifted id and no child or sha256 in them: make them unique.
        suffix, seq = set(), set()
        for group in t.unique:
            idx = [t.columns.index(c) for c in group]
            if any(isinstance(kinds[i], tuple) for i in idx):
                continue
            texts = [i for i in idx if kinds[i] == "text"]
            # A row with a NULL in the group is never a duplicate (SQL's NULLs are distinct).
            full = [r for r in rows[n] if all(r[i] is not None for i in idx)]
            if texts and all(any(key_re.search(r[i]) for i in texts) for r in full):
                continue
            ints = [i for i in idx if t.types[t.columns[i]] == "INTEGER"]
            if ints:
                seq.add(ints[0])
            elif texts:
                suffix.add(texts[0])
        for i in seq:
            kinds[i] = ("seq", (n, t.columns[i]))
        owners = [owner(n, r) for r in rows[n]]
        plans[n] = (kinds, suffix, owners)

    # Where the ids (and sequences) of the next copy start.
    offsets, spans = {}, {}
    for n in order:
        kinds = plans[n][0]
        for i, k_ in enumerate(kinds):
            if isinstance(k_, tuple):
                if k_[0] == "id" and k_[1] not in offsets:
                    tn = k_[1]
                    col = tables[tn].rowid
                    offsets[k_] = con.execute(f'SELECT COALESCE(MAX("{col}"), 0) FROM main."{tn}"').fetchone()[0]
                    spans[k_] = con.execute(f'SELECT COALESCE(MAX("{col}"), 0) FROM main."{tn}"').fetchone()[0]
                elif k_[0] == "seq":
                    tn, col = k_[1]
                    offsets[k_] = con.execute(f'SELECT COALESCE(MAX("{col}"), 0) FROM main."{tn}"').fetchone()[0]
                    spans[k_] = offsets[k_]

    # Each table's rows moved back by each number of terms, worked out once: the values that
    # are the same in every copy, and the few a copy changes (ids, child IDs and sha256 in text).
    movers = {}
    moved = {}  # (table, back) -> [(row with the fixed values, [(column, how, what)])]

    def moved_rows(n, back):
        plan = moved.get((n, back))
        if plan is not None:
            return plan
        kinds, suffix, owners = plans[n]
        plan = []
        for ri, r in enumerate(rows[n]):
            slot = slots.get(owners[ri])
            mv = movers.get((slot, back))
            if mv is None:
                mv = movers[(slot, back)] = mover(slot, back)
            base, varying = list(r), []
            for ci, k_ in enumerate(kinds):
                v = r[ci]
                if v is None or k_ == "keep":
                    continue
                if k_ == "text":
                    if isinstance(v, str):
                        p = key_re.split(mv(v))
                        if len(p) > 1:
                            varying.append((ci, 1, p))
                        elif ci in suffix:
                            varying.append((ci, 2, p[0]))
                        else:
                            base[ci] = p[0]
                else:
                    varying.append((ci, 0, (k_, v)))
            plan.append((base, varying))
        moved[(n, back)] = plan
        return plan

    terms_span = 3 * years
    rounds = max(0, -(-(count - have) // per_round))
    con.execute("PRAGMA journal_mode = DELETE")  # one big transaction: no WAL the size of the ledger
    con.execute("PRAGMA synchronous = OFF")
    con.execute("PRAGMA cache_size = -200000")
    # Foreign keys are checked once at the end (PRAGMA foreign_key_check): enforced row by row,
    # SQLite scans child tables with no index on the key (outbox_message) for every submission.
    con.execute("PRAGMA foreign_keys = OFF")
    started = time.time()
    con.execute("BEGIN IMMEDIATE")
    if con.execute("SELECT 1 FROM main.sqlite_master WHERE type = 'table' AND name = 'output_mark'").fetchone():
        con.execute("DELETE FROM output_mark")
    inserts = {n: f'INSERT INTO main."{n}" ({", ".join(chr(34) + c + chr(34) for c in tables[n].columns)}) '
                  f'VALUES ({", ".join("?" * len(tables[n].columns))})' for n in order}
    total_rows = 0
    for k in range(1, rounds + 1):
        back = k % terms_span
        group = k // terms_span
        mapping = round_keys(k, group)
        tag = f"-s{k:06d}"
        for n in order:
            suffix = plans[n][1]
            batch = []
            for base, varying in moved_rows(n, back):
                new = base.copy()
                for ci, how, what in varying:
                    if how == 0:
                        new[ci] = what[1] + offsets[what[0]]
                        continue
                    if how == 1:
                        v = "".join(x if i % 2 == 0 else mapping[x] for i, x in enumerate(what))
                    else:
                        v = what
                    if ci in suffix:
                        stem, dot, ext = v.rpartition(".")
                        v = f"{stem}{tag}.{ext}" if dot and "/" not in ext else v + tag
                    new[ci] = v
                batch.append(new)
            con.executemany(inserts[n], batch)
            total_rows += len(batch)
        for k_ in offsets:
            offsets[k_] += spans[k_]
        if k % 500 == 0:
            print(f"seed_ledger: {have + k * per_round} documents, {total_rows} rows, "
                  f"{time.time() - started:.0f} s", file=sys.stderr)
    con.execute("COMMIT")
    con.execute("PRAGMA journal_mode = WAL")
    bad = con.execute("PRAGMA foreign_key_check").fetchall()
    if bad:
        die(f"foreign key check failed (table, rowid, parent, fk): {bad[:5]}")
    if check:
        dup = con.execute("""SELECT child_la_id, term, academic_year, COUNT(*) FROM submission
                             WHERE superseded_by IS NULL AND child_la_id IS NOT NULL
                             GROUP BY 1, 2, 3 HAVING COUNT(*) > 1 LIMIT 3""").fetchall()
        if dup:
            die(f"two current submissions for one child and term: {dup}")
    assert con.execute("PRAGMA user_version").fetchone()[0] == version
    assert con.execute("SELECT COUNT(*) FROM grdb_migrations").fetchone()[0] == migrations
    docs = con.execute("SELECT COUNT(*) FROM submission").fetchone()[0]
    spread = con.execute("SELECT COUNT(DISTINCT academic_year || term), COUNT(DISTINCT child_la_id) FROM submission").fetchone()
    con.close()
    return docs, total_rows, time.time() - started, spread


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--pepqa", required=True, help="the pepqa binary (builds the template)")
    ap.add_argument("--rules", default=os.path.join(REPO, "Rules"))
    ap.add_argument("--template", required=True, help="folder of the template (built there when missing)")
    ap.add_argument("--state", required=True, help="the new state folder (must not exist)")
    ap.add_argument("--count", type=int, required=True, help="documents in the ledger (rounded up to whole copies)")
    ap.add_argument("--years", type=int, default=6, help="academic years each copied child spans (default 6)")
    ap.add_argument("--per-term", type=int, default=0,
                    help="about this many PEPs a term: the years are chosen to fit (--years is then ignored), so a "
                         "larger ledger is more terms of the same Virtual School, not a larger one")
    ap.add_argument("--without-exports", action="store_true",
                    help="copy no export rows: the first publish exports every copied rating in one batch")
    ap.add_argument("--check", action="store_true", help="also check for two current submissions of one child and term")
    args = ap.parse_args()
    template_ledger = os.path.join(args.template, "state", "ledger.sqlite")
    if not os.path.exists(template_ledger):
        t = time.time()
        build_template(os.path.abspath(args.pepqa), os.path.abspath(args.rules), os.path.abspath(args.template))
        print(f"seed_ledger: template built in {time.time() - t:.1f} s in {args.template}", file=sys.stderr)
    if os.path.exists(args.state):
        die(f"{args.state} exists; give a new folder")
    if args.per_term > 0:
        args.years = max(1, -(-args.count // (3 * args.per_term)))
    docs, nrows, secs, (terms, kids) = seed(template_ledger, os.path.join(args.state, "ledger.sqlite"),
                                            args.count, args.years, args.check, args.without_exports)
    size = os.path.getsize(os.path.join(args.state, "ledger.sqlite"))
    print(f"seeded {docs} documents ({nrows} rows copied, {kids} children, {terms} terms) "
          f"in {secs:.1f} s, ledger {size / 1e6:.0f} MB")


if __name__ == "__main__":
    main()
