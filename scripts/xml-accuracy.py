#!/usr/bin/env python3
"""Field accuracy of `pepqa extract` on XML PEPs written the many ways ePEP systems write them.

    python3 scripts/xml-accuracy.py [--count 120] [--seed 13] [--pepqa .build/debug/pepqa] [--keep DIR]

Takes the JSON PEPs of SampleInbox/ and generated ones (seeded, so the set is the same every run)
up to --count documents, and writes each as XML in every variant below. Every variant is read
with `pepqa extract` and every field of its canonical JSON is compared with `pepqa extract` of
the JSON twin (the `submission` block, which says how a file arrived, is left out):

  a-xsd-names        pep/1 as docs/schema/pep-1.xsd names list items (attendee, assessment, target, request)
  b-item             every list item named <item>
  c-singular         items named by the singular of their list (attendee, attainment, previous_target, target, request)
  c-other-word       another reasonable word (person, subject, review, goal, bid); <subject> also holds <subject>
  d-entry, d-row     a vendor's generic word for every item
  e-prefixed         the namespace on a prefix (p:pep, p:child, ...), a second prefix re-declared
                     mid-document, an unused foreign namespace, single-quoted attributes
  e-reordered        elements in random order (the XSD's xs:all), attributes swapped, CRLF, tabs,
                     comments and a processing instruction between elements, no XML declaration,
                     <x></x> for an empty field, fields not given left out altogether
  e-compact-cdata    one line, no whitespace between elements, text in CDATA, non-ASCII as &#NNN;
  e-mixed-prefixes   the root declares the namespace both on a prefix and as the default; each
                     element uses one or the other at random
  e-padded-values    every value on its own indented line (<name>\\n    Ava\\n  </name>), and a
                     field not given as whitespace only
  e-value-spellings  the spellings the contract and XSD say are read: 7 November 2025, 07/11/2025,
                     Yes/No/Y/N, £1,250.00, 600.00 GBP, Year 7, Reception, SEN Support, EHCP, Autumn term;
                     a field not given as N/A, TBC or Word's placeholder text
  e-utf8-bom, e-utf16-le, e-utf16-be, e-iso-8859-1
                     the encodings XML 1.0 allows, declared (UTF-8 and UTF-16 every XML processor
                     must read, 4.3.3): UTF-8 after a byte-order mark, UTF-16 after its BOM, Latin-1
  f-kestrel-epep     the Kestrel ePEP dialect of Rules/xml/kestrel-epep.yaml (other names and nesting,
                     attributes, dd.MM.yyyy dates, codes, its own namespace with or without a prefix)

Prints, per variant, documents read / refused and fields matching / total (a refused document's
fields count as not matching), then every mismatching field path with its first examples. Run
from anywhere; it reads Rules/ of this repository. Python 3, standard library only.
"""
import argparse
import collections
import concurrent.futures
import copy
import datetime as dt
import glob
import importlib.util
import json
import os
import random
import re
import shutil
import subprocess
import sys
import tempfile
import time
from xml.sax.saxutils import escape, quoteattr

ROOT = os.path.abspath(os.path.join(os.path.dirname(os.path.abspath(__file__)), ".."))
NS = "urn:virtual-school:pep:1"
KNS = "urn:kestrel-systems:epep:2"


def load(name):
    spec = importlib.util.spec_from_file_location(name, os.path.join(ROOT, "scripts", f"{name}.py"))
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    return mod


samples = load("make_samples")
words = load("make_docx_samples")

# ---------------------------------------------------------------------------------------------
# Generated PEPs (canonical JSON, as an ePEP system would send them)

FIRST = words.FIRST + ["Zoë", "Siobhán", "Łukasz", "Chloé", "Seán"]
LAST = words.LAST + ["O'Connor", "Smith-Jones", "Núñez", "D'Souza"]
SCHOOLS = words.SCHOOLS + ["St Mary & St John's CE Primary", "Ashby <Hub> Alternative Provision", "École Française de Londres"]
VOICES = words.VOICE + [
    "I like \"Minecraft\" club & art.\nI don't like loud rooms.\nMaths < English for me.",
    "My carer says I'm doing better — I think so too. I'd like help with fractions ½ and ¼.",
    "  Reading is OK.  Writing is hard.  ",
]
NEEDS = ["SEMH", "SLCN", "MLD", "Autism (ASD)", "SpLD (dyslexia)"]
GRADES = ["4", "5", "6", "WTS", "EXS", "GDS", "Working towards", "Expected standard", "Pre-key stage 2"]
OWNERS = ["Class teacher", "TA", "DT", "Carer", "SENCo", "Learning mentor", "Maths tutor"]
FREQ = ["Daily", "Weekly", "3x weekly", "Twice a week, 30 minutes", "Fortnightly"]
PROVIDERS = ["Bright Tutors Ltd", "School ELSA", "Northfield Tutoring Ltd", "Music & Arts Hub", "School teaching assistant"]
INTERVENTIONS = ["1:1 reading tuition", "Lego therapy group, 10 sessions", "Drama club fees", "Laptop for homework",
                 "Precision teaching for spelling"]
STATUSES = ["C1", "C2", "D1", "E1", "J1", "J2", "J3", "L1", "L2", "L3", "V2", "V3", "V4"]
YEARS = ["N1", "N2", "R"] + [str(n) for n in range(1, 15)]


def day(rng, start, end):
    return (start + dt.timedelta(days=rng.randint(0, (end - start).days))).isoformat()


def maybe(rng, value, p_none=0.15):
    return None if rng.random() < p_none else value


def generated(rng):
    doc = copy.deepcopy(rng.choice([samples.BASE, samples.PRIMARY]))
    body = "".join(str(rng.randint(0, 9)) for _ in range(12))
    first, last = rng.choice(FIRST), rng.choice(LAST)
    meeting = dt.date(2025, 9, 1) + dt.timedelta(days=rng.randint(0, 250))
    send = rng.choice(["none", "none", "sen-support", "ehcp"])
    attended = rng.random() < 0.75
    doc["pep"] = {"type": rng.choice(["initial", "review", "review"]), "term": rng.choice(["autumn", "spring", "summer"]),
                  "academic_year": rng.choice(["2025/26", "2024/25"])}
    doc["child"] = {
        "la_id": rng.choice(["LA", "EC", "ICS-"]) + str(rng.randint(100000, 999999)), "upn": maybe(rng, samples.upn(body)),
        "first_name": first, "last_name": last,
        "date_of_birth": day(rng, dt.date(2008, 9, 1), dt.date(2021, 8, 31)), "year_group": rng.choice(YEARS),
        "care_start_date": maybe(rng, day(rng, dt.date(2015, 1, 1), meeting)), "legal_status": maybe(rng, rng.choice(STATUSES)),
        "send": {"status": send, "primary_need": rng.choice(NEEDS) if send != "none" else None,
                 "ehcp_review_date": day(rng, meeting - dt.timedelta(days=330), meeting) if send == "ehcp" else None},
    }
    dt_name = f"{rng.choice(['Mr', 'Mrs', 'Ms', 'Dr'])} {rng.choice(FIRST)} {rng.choice(LAST)}"
    doc["school"] = {"urn": maybe(rng, str(rng.randint(100000, 149999))), "name": rng.choice(SCHOOLS),
                     "designated_teacher": {"name": dt_name, "email": maybe(rng, f"dt{rng.randint(1, 99)}@school.example.sch.uk")}}
    doc["social_worker"] = {"name": maybe(rng, f"{rng.choice(FIRST)} {rng.choice(LAST)}"),
                            "email": maybe(rng, "sw@council.example.gov.uk")}
    doc["meeting"] = {
        "date": meeting.isoformat(), "next_date": maybe(rng, (meeting + dt.timedelta(days=rng.choice([84, 91, 98]))).isoformat()),
        "child_attended": maybe(rng, attended, 0.1),
        "child_absence_reason": None if attended else maybe(rng, "Unwell on the day; views gathered beforehand.", 0.4),
        "attendees": [{"name": f"{rng.choice(FIRST)} {rng.choice(LAST)}", "role": maybe(rng, rng.choice(words.ROLES), 0.1)}
                      for _ in range(rng.randint(0, 6))],
    }
    doc["attendance"] = {"percentage": maybe(rng, rng.choice([round(rng.uniform(60, 100), 1), rng.randint(80, 100)]), 0.1)}
    doc["exclusions"] = {"suspension_days": maybe(rng, rng.choice([0, 0, 0.5, 2, 3.5])), "permanent": maybe(rng, rng.random() < 0.05, 0.1)}
    doc["wellbeing"] = {"sdq_score": maybe(rng, rng.randint(0, 40))}
    doc["attainment"] = [{"subject": s, "current": maybe(rng, rng.choice(GRADES), 0.1), "target": rng.choice(GRADES),
                          "progress": maybe(rng, rng.choice(["above", "expected", "below"]), 0.1)}
                         for s in rng.sample(words.SUBJECTS, rng.randint(0, 5))]
    doc["previous_targets"] = [{"description": t[1], "outcome": rng.choice(["achieved", "partly", "not-achieved"]),
                                "comment": maybe(rng, "Reviewed with the child & carer.", 0.3)}
                               for t in rng.sample(words.TARGET_TEXT, rng.randint(0, 4))]
    doc["targets"] = [{"area": a, "description": d, "success_criteria": maybe(rng, s, 0.1), "actions": maybe(rng, act, 0.1),
                       "owner": maybe(rng, rng.choice(OWNERS), 0.1), "frequency": maybe(rng, rng.choice(FREQ), 0.1),
                       "review_date": maybe(rng, day(rng, meeting, meeting + dt.timedelta(days=120)), 0.1)}
                      for a, d, s, act in rng.sample(words.TARGET_TEXT, rng.randint(0, 5))]
    doc["child_voice"] = maybe(rng, rng.choice(VOICES), 0.1)
    doc["carer_views"] = maybe(rng, "Settled term; better sleep and homework routines.", 0.3)
    doc["boxall"] = {"completed_on": maybe(rng, day(rng, meeting - dt.timedelta(days=60), meeting), 0.6),
                     "attached": maybe(rng, rng.random() < 0.3, 0.2)}
    doc["ppplus"] = {"requests": [{"intervention": rng.choice(INTERVENTIONS), "target_ref": maybe(rng, rng.choice(["1", "2", "Target 3"]), 0.1),
                                   "amount": rng.choice([rng.choice([150, 300, 450, 1250]), f"{rng.choice([99.5, 350, 600, 1250.1]):.2f}"]),
                                   "intended_impact": maybe(rng, "Reading age up six months; reads class texts alone.", 0.1),
                                   "provider": maybe(rng, rng.choice(PROVIDERS), 0.1)}
                                  for _ in range(rng.randint(0, 3))],
                     "previous_impact": maybe(rng, "Tutoring raised the reading age by 8 months.", 0.3)}
    doc["transition"] = {"plan": maybe(rng, "Visits to the new school in June & July.", 0.6)}
    doc["careers"] = {"guidance": maybe(rng, "Careers interview booked for spring.", 0.5)}
    doc["sign_off"] = {"designated_teacher": {"name": maybe(rng, dt_name, 0.1),
                                              "date": maybe(rng, (meeting + dt.timedelta(days=rng.randint(0, 9))).isoformat(), 0.1)},
                       "confirmed": maybe(rng, rng.random() < 0.85, 0.1)}
    return doc


# ---------------------------------------------------------------------------------------------
# pep/1 writer with its variations

XSD_ITEMS = {"attendees": "attendee", "attainment": "assessment", "previous_targets": "target", "targets": "target",
             "requests": "request"}
SINGULAR = {"attendees": "attendee", "attainment": "attainment", "previous_targets": "previous_target",
            "targets": "target", "requests": "request"}
OTHER = {"attendees": "person", "attainment": "subject", "previous_targets": "review", "targets": "goal", "requests": "bid"}
MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
          "November", "December"]
DATE_FIELDS = {"date_of_birth", "care_start_date", "ehcp_review_date", "date", "next_date", "review_date", "completed_on"}
BOOL_FIELDS = {"child_attended", "permanent", "attached", "confirmed"}


def text_of(v):
    if isinstance(v, bool):
        return "true" if v else "false"
    return str(v)


def spelled(key, value, rng):
    """A value as a school's system might spell it (e-value-spellings); the reader must read each."""
    if value is None:
        return rng.choice([None, "N/A", "TBC", "n/a", "Click or tap here to enter text."])
    if isinstance(value, bool):
        return rng.choice([("Yes", "No"), ("Y", "N"), ("yes", "no"), ("TRUE", "FALSE")])[0 if value else 1]
    s = str(value)
    if key in DATE_FIELDS and re.fullmatch(r"\d{4}-\d\d-\d\d", s):
        d = dt.date.fromisoformat(s)
        suffix = "th" if 11 <= d.day <= 13 else {1: "st", 2: "nd", 3: "rd"}.get(d.day % 10, "th")
        return rng.choice([f"{d.day:02d}/{d.month:02d}/{d.year}", f"{d.day} {MONTHS[d.month - 1]} {d.year}",
                           f"{d.day}{suffix} {MONTHS[d.month - 1][:3]} {d.year}", f"{d.day}.{d.month}.{d.year}",
                           f"{d.day}/{d.month}/{d.year % 100:02d}"])
    if key == "amount":
        n = float(s.replace("£", "").replace(",", ""))
        return rng.choice([f"£{n:,.2f}", f"{n:.2f} GBP", f"£{n:g}" if n == int(n) else f"£{n:.2f}"])
    if key == "year_group":
        return {"R": "Reception"}.get(s, f"Year {s}" if s.isdigit() else s)
    if key == "status":
        return {"sen-support": "SEN Support", "ehcp": rng.choice(["EHCP", "Education, Health and Care Plan"]),
                "none": "None"}.get(s, s)
    if key == "term":
        return f"{s.capitalize()} term"
    if key in ("progress", "type"):
        return s.capitalize()
    return s


class PEPWriter:
    """Writes one canonical JSON PEP as pep/1 XML. Options select the variation."""

    def __init__(self, items, rng=None, prefix="", indent="  ", newline="\n", quote='"', declaration=True,
                 empty="self", shuffle=False, comments=False, cdata=False, charrefs=False, pad=False, spell=False,
                 redeclare=False, foreign_ns=False, attr_swap=False, mixed=False):
        self.__dict__.update(locals())
        del self.__dict__["self"]
        self.out = []

    def name(self, local):
        if self.prefix and self.mixed and self.rng.random() < 0.5:
            return local  # the same namespace as the default one the root also declares
        return f"{self.prefix}:{local}" if self.prefix else local

    def text(self, s):
        if self.cdata:
            return "<![CDATA[" + s.replace("]]>", "]]]]><![CDATA[>") + "]]>"
        t = escape(s)
        if self.charrefs:
            t = "".join(c if ord(c) < 128 else f"&#{ord(c)};" for c in t).replace("'", "&apos;").replace('"', "&quot;")
        return t

    def line(self, depth, s):
        self.out.append((self.indent * depth) + s)

    def emit(self, key, value, depth):
        tag = self.name(key)
        if isinstance(value, dict):
            self.line(depth, f"<{tag}>")
            self.members(value, depth + 1)
            self.line(depth, f"</{tag}>")
        elif isinstance(value, list):
            if not value and self.empty == "omit":
                return
            self.line(depth, f"<{tag}>")
            for item in value:
                self.emit(self.items[key], item, depth + 1)
            self.line(depth, f"</{tag}>")
        else:
            if self.spell:
                value = spelled(key, value, self.rng)
            if value is None and self.pad:
                self.line(depth, f"<{tag}>{self.newline}{self.indent * depth}</{tag}>")
                return
            if value is None:
                if self.empty == "self":
                    self.line(depth, f"<{tag}/>")
                elif self.empty == "pair":
                    self.line(depth, f"<{tag}></{tag}>")
                return
            body = self.text(text_of(value))
            if self.pad:
                pad = self.indent * (depth + 1)
                self.line(depth, f"<{tag}>{self.newline}{pad}{body}{self.newline}{self.indent * depth}</{tag}>")
            else:
                self.line(depth, f"<{tag}>{body}</{tag}>")

    def members(self, obj, depth):
        keys = [k for k in obj if k != "schema"]
        if self.shuffle:
            self.rng.shuffle(keys)
        for i, k in enumerate(keys):
            if self.comments and i == 1:
                self.line(depth, "<!-- exported by ePEP 4.2 -->")
            if self.redeclare and depth == 1 and k == "school":
                # the same namespace on another prefix for one subtree
                saved = self.prefix
                self.prefix = "vs"
                self.line(depth, f'<vs:school xmlns:vs="{NS}">')
                self.members(obj[k], depth + 1)
                self.line(depth, "</vs:school>")
                self.prefix = saved
                continue
            self.emit(k, obj[k], depth)

    def write(self, doc):
        q = self.quote
        xmlns = f"xmlns:{self.prefix}={q}{NS}{q}" if self.prefix else f"xmlns={q}{NS}{q}"
        version = f"schema-version={q}1{q}"
        attrs = [version, xmlns] if self.attr_swap else [xmlns, version]
        if self.mixed:
            attrs.append(f"xmlns={q}{NS}{q}")
        if self.foreign_ns:
            attrs.append(f"xmlns:vendor={q}urn:example:vendor:export{q}")
        if self.declaration:
            self.out.append(f"<?xml version={q}1.0{q} encoding={q}UTF-8{q}?>")
        if self.comments:
            self.out.append("<?epep-export build=\"2025.11\"?>")
            self.out.append("<!-- PEP export: fictional data -->")
        root = f"{self.prefix}:pep" if self.prefix else "pep"
        self.out.append(f"<{root} {' '.join(attrs)}>")
        self.members(doc, 1)
        self.out.append(f"</{root}>")
        if self.indent == "" and self.newline == "":
            return "".join(self.out)
        return self.newline.join(self.out) + self.newline


# ---------------------------------------------------------------------------------------------
# The Kestrel ePEP dialect (Rules/xml/kestrel-epep.yaml)

def kdate(v):
    if v is None:
        return None
    d = dt.date.fromisoformat(v)
    return f"{d.day:02d}.{d.month:02d}.{d.year}"


def kestrel(doc, rng):
    p = rng.choice(["k:", "k:", ""])
    out = []

    def el(name, value, attrs=None):
        a = "".join(f" {k}={quoteattr(str(v))}" for k, v in (attrs or {}).items() if v is not None)
        if value is None:
            return f"<{p}{name}{a}/>"
        return f"<{p}{name}{a}>{escape(str(value))}</{p}{name}>"

    def box(name, *inner, attrs=None):
        a = "".join(f" {k}={quoteattr(str(v))}" for k, v in (attrs or {}).items() if v is not None)
        return f"<{p}{name}{a}>" + "".join(inner) + f"</{p}{name}>"

    def yn(v, yes="1", no="0"):
        return None if v is None else (yes if v else no)

    def code(v, table):
        return None if v is None else table[v]

    c, s, m = doc["child"], doc["school"], doc["meeting"]
    pep, so = doc["pep"], doc["sign_off"]
    xmlns = f'xmlns:k="{KNS}"' if p else f'xmlns="{KNS}"'
    out.append('<?xml version="1.0" encoding="UTF-8"?>')
    out.append(f'<{p}PlanExport {xmlns} xmlns:meta="urn:kestrel-systems:meta" exported="2025-11-12T08:00:00">')
    out.append("<meta:Generator>Kestrel 4.2</meta:Generator>")
    out.append(box("Learner",
                   box("Identifiers", el("UPN", c["upn"])),
                   box("Name", el("Forename", c["first_name"]), el("Surname", c["last_name"])),
                   el("Born", kdate(c["date_of_birth"])), el("NCYear", c["year_group"]),
                   box("Care", el("Since", kdate(c["care_start_date"])), el("Status", c["legal_status"])),
                   box("SEN", el("Provision", code(c["send"]["status"], {"none": "N", "sen-support": "K", "ehcp": "E"})),
                       el("Need", c["send"]["primary_need"]), el("EHCPReview", kdate(c["send"]["ehcp_review_date"]))),
                   attrs={"caseRef": c["la_id"]}))
    goals = [box("Goal", el("Domain", t["area"]), el("Text", t["description"]), el("Measure", t["success_criteria"]),
                 el("Steps", t["actions"]), el("Lead", t["owner"]), el("HowOften", t["frequency"]),
                 el("ReviewBy", kdate(t["review_date"]))) for t in doc["targets"]]
    out.append(box("Plan", el("Term", code(pep["term"], {"autumn": "AUT", "spring": "SPR", "summer": "SUM"})),
                   el("Year", pep["academic_year"]), box("Goals", *goals),
                   attrs={"kind": code(pep["type"], {"initial": "I", "review": "R"})}))
    out.append(box("Setting", el("Name", s["name"]),
                   box("DT", el("Name", s["designated_teacher"]["name"]), el("Mail", s["designated_teacher"]["email"])),
                   attrs={"urn": s["urn"]}))
    out.append(box("Professionals", box("SocialWorker", el("Name", doc["social_worker"]["name"]),
                                        el("Mail", doc["social_worker"]["email"]))))
    people = [el("Person", None, {"name": a["name"], "role": a["role"]}) for a in m["attendees"]]
    out.append(box("Review", el("Held", kdate(m["date"])), el("Next", kdate(m["next_date"])),
                   el("YoungPerson", yn(m["child_attended"], rng.choice(["Present", "attended"]), rng.choice(["Absent", "Not present"]))),
                   el("AbsenceReason", m["child_absence_reason"]), box("Attendance", *people)))
    results = [box("Result", el("Now", a["current"]), el("Aim", a["target"]),
                   el("Trend", code(a["progress"], {"above": "+", "expected": "=", "below": "-"})), attrs={"subject": a["subject"]})
               for a in doc["attainment"]]
    pct = doc["attendance"]["percentage"]
    out.append(box("Education", el("AttendancePct", pct), el("FixedTermDays", doc["exclusions"]["suspension_days"]),
                   el("Permanent", yn(doc["exclusions"]["permanent"])), box("Results", *results)))
    out.append(box("Wellbeing", box("SDQ", el("Total", doc["wellbeing"]["sdq_score"])),
                   box("Boxall", el("Date", kdate(doc["boxall"]["completed_on"])), el("Attached", yn(doc["boxall"]["attached"])))))
    goals = [box("Goal", el("Text", t["description"]), el("Note", t["comment"]),
                 attrs={"met": code(t["outcome"], {"achieved": "Y", "partly": "P", "not-achieved": "N"})})
             for t in doc["previous_targets"]]
    out.append(box("Outcomes", *goals))
    out.append(box("Voices", el("YoungPerson", doc["child_voice"]), el("Carer", doc["carer_views"])))
    bids = [box("Bid", el("What", r["intervention"]), el("Pounds", r["amount"]), el("Impact", r["intended_impact"]),
                el("Supplier", r["provider"]), attrs={"goal": r["target_ref"]}) for r in doc["ppplus"]["requests"]]
    out.append(box("Funding", *bids, el("ImpactLastTerm", doc["ppplus"]["previous_impact"])))
    out.append(box("Plans", el("Transition", doc["transition"]["plan"]), el("Careers", doc["careers"]["guidance"])))
    out.append(box("Approval", el("By", so["designated_teacher"]["name"]), el("On", kdate(so["designated_teacher"]["date"])),
                   attrs={"final": yn(so["confirmed"], rng.choice(["1", "true"]), rng.choice(["0", "false"]))}))
    out.append(f"</{p}PlanExport>")
    return "\n".join(out) + "\n"


def encoded(kind):
    """The same XML in another encoding XML 1.0 allows (section 4.3.3: every processor must read
    UTF-8 and UTF-16): UTF-8 with a byte-order mark, UTF-16 with its BOM (little- or big-endian),
    or ISO-8859-1 as declared (characters outside it as character references)."""
    def write(doc, rng):
        text = PEPWriter(XSD_ITEMS, rng, declaration=False).write(doc)
        if kind == "utf-8-bom":
            return b"\xef\xbb\xbf" + ('<?xml version="1.0" encoding="UTF-8"?>\n' + text).encode("utf-8")
        if kind == "utf-16-le":
            return b"\xff\xfe" + ('<?xml version="1.0" encoding="UTF-16"?>\n' + text).encode("utf-16-le")
        if kind == "utf-16-be":
            return b"\xfe\xff" + ('<?xml version="1.0" encoding="UTF-16"?>\n' + text).encode("utf-16-be")
        return ('<?xml version="1.0" encoding="ISO-8859-1"?>\n' + text).encode("iso-8859-1", "xmlcharrefreplace")
    return write


VARIANTS = [
    ("a-xsd-names", lambda d, r: PEPWriter(XSD_ITEMS).write(d)),
    ("b-item", lambda d, r: PEPWriter(collections.defaultdict(lambda: "item")).write(d)),
    ("c-singular", lambda d, r: PEPWriter(SINGULAR).write(d)),
    ("c-other-word", lambda d, r: PEPWriter(OTHER).write(d)),
    ("d-entry", lambda d, r: PEPWriter(collections.defaultdict(lambda: "entry")).write(d)),
    ("d-row", lambda d, r: PEPWriter(collections.defaultdict(lambda: "row")).write(d)),
    ("e-prefixed", lambda d, r: PEPWriter(XSD_ITEMS, r, prefix="p", quote="'", redeclare=True, foreign_ns=True).write(d)),
    ("e-mixed-prefixes", lambda d, r: PEPWriter(XSD_ITEMS, r, prefix="p", mixed=True).write(d)),
    ("e-reordered", lambda d, r: PEPWriter(collections.defaultdict(lambda: "item"), r, indent="\t", newline="\r\n",
                                           declaration=False, empty=r.choice(["pair", "omit"]), shuffle=True, comments=True,
                                           attr_swap=True).write(d)),
    ("e-compact-cdata", lambda d, r: PEPWriter(XSD_ITEMS, r, indent="", newline="", cdata=r.random() < 0.5,
                                               charrefs=True).write(d)),
    ("e-padded-values", lambda d, r: PEPWriter(XSD_ITEMS, r, pad=True).write(d)),
    ("e-value-spellings", lambda d, r: PEPWriter(XSD_ITEMS, r, spell=True).write(d)),
    ("e-utf8-bom", encoded("utf-8-bom")),
    ("e-utf16-le", encoded("utf-16-le")),
    ("e-utf16-be", encoded("utf-16-be")),
    ("e-iso-8859-1", encoded("iso-8859-1")),
    ("f-kestrel-epep", kestrel),
]

# ---------------------------------------------------------------------------------------------
# Reading and comparing


def flatten(x, prefix=""):
    if isinstance(x, dict):
        for k, v in x.items():
            yield from flatten(v, f"{prefix}.{k}" if prefix else k)
    elif isinstance(x, list):
        if not x:
            yield prefix, []
        for i, v in enumerate(x):
            yield from flatten(v, f"{prefix}[{i}]")
    else:
        yield prefix, x


def run_pepqa(argv, tries=60):
    """Runs pepqa, waiting while its binary is being rebuilt (missing or busy) for up to 5 minutes."""
    for attempt in range(tries):
        try:
            return subprocess.run(argv, capture_output=True, text=True)
        except OSError:  # ENOENT or ETXTBSY during a rebuild
            if attempt == tries - 1:
                raise
            time.sleep(5)


def extract(pepqa, rules, path):
    run = run_pepqa([pepqa, "extract", "--rules", rules, path])
    if run.returncode != 0:
        return None, (run.stderr.strip().splitlines() or [f"exit {run.returncode}"])[-1]
    doc = json.loads(run.stdout)
    doc.pop("submission", None)
    return dict(flatten(doc)), None


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--count", type=int, default=120, help="documents in all (the SampleInbox JSON PEPs, then generated ones)")
    ap.add_argument("--seed", type=int, default=13)
    ap.add_argument("--pepqa", default=os.path.join(ROOT, ".build", "debug", "pepqa"))
    ap.add_argument("--rules", default=os.path.join(ROOT, "Rules"))
    ap.add_argument("--keep", metavar="DIR", help="write the documents here and keep them (default: a temporary folder)")
    ap.add_argument("--show", type=int, default=3, help="examples to print per mismatching field")
    ap.add_argument("--jobs", type=int, default=os.cpu_count() or 4)
    args = ap.parse_args()
    pepqa, rules = os.path.abspath(args.pepqa), os.path.abspath(args.rules)
    work = os.path.abspath(args.keep) if args.keep else tempfile.mkdtemp(prefix="xml-accuracy-")
    os.makedirs(work, exist_ok=True)
    rng = random.Random(args.seed)

    docs = []
    for path in sorted(glob.glob(os.path.join(ROOT, "SampleInbox", "*.json"))):
        try:
            docs.append((os.path.basename(path)[:-5], json.load(open(path, encoding="utf-8"))))
        except ValueError:
            pass  # the broken sample
    docs = docs[: args.count]
    sample_count = len(docs)
    while len(docs) < args.count:
        docs.append((f"gen-{len(docs):04d}", generated(rng)))

    jobs = []  # (doc name, variant or None for the twin, file)
    for name, doc in docs:
        twin = os.path.join(work, f"{name}.json")
        with open(twin, "w", encoding="utf-8") as f:
            json.dump(doc, f, indent=2, ensure_ascii=False)
        jobs.append((name, None, twin))
        for variant, write in VARIANTS:
            path = os.path.join(work, f"{name}.{variant}.xml")
            data = write(doc, random.Random(f"{args.seed}/{name}/{variant}"))
            with open(path, "wb") as f:
                f.write(data if isinstance(data, bytes) else data.encode("utf-8"))
            jobs.append((name, variant, path))

    with concurrent.futures.ThreadPoolExecutor(args.jobs) as pool:
        results = dict(zip([(n, v) for n, v, _ in jobs], pool.map(lambda j: extract(pepqa, rules, j[2]), jobs)))

    twins_refused = [(n, results[(n, None)][1]) for n, _ in docs if results[(n, None)][0] is None]
    stats = {v: collections.Counter() for v, _ in VARIANTS}
    wrong = {v: collections.defaultdict(list) for v, _ in VARIANTS}
    refusals = {v: [] for v, _ in VARIANTS}
    for name, _ in docs:
        truth = results[(name, None)][0]
        if truth is None:
            continue
        for variant, _ in VARIANTS:
            got, err = results[(name, variant)]
            s = stats[variant]
            s["docs"] += 1
            if got is None:
                s["refused"] += 1
                s["total"] += len(truth)
                refusals[variant].append((name, err))
                continue
            s["read"] += 1
            for path in sorted(set(truth) | set(got)):
                s["total"] += 1
                if path in truth and path in got and truth[path] == got[path]:
                    s["right"] += 1
                else:
                    wrong[variant][re.sub(r"\[\d+\]", "[]", path)].append(
                        f"{name}.{variant}.xml {path}: expected {truth.get(path, '(absent)')!r}, got {got.get(path, '(absent)')!r}")

    print(f"XML field accuracy: {len(docs)} documents ({sample_count} SampleInbox JSON PEPs + "
          f"{len(docs) - sample_count} generated, seed {args.seed}), each in {len(VARIANTS)} XML variants, "
          f"compared field by field with pepqa extract of its JSON twin")
    if twins_refused:
        print(f"  ({len(twins_refused)} JSON twins refused and left out: {twins_refused[:3]})")
    print(f"{'variant':20s} {'read':>5s} {'refused':>8s} {'fields right / total':>22s} {'%':>8s}")
    all_right = all_total = 0
    for variant, _ in VARIANTS:
        s = stats[variant]
        all_right += s["right"]
        all_total += s["total"]
        print(f"{variant:20s} {s['read']:5d} {s['refused']:8d} {s['right']:12d} / {s['total']:<8d}"
              f" {100.0 * s['right'] / max(s['total'], 1):7.2f}%")
    print(f"{'all variants':20s} {sum(s['read'] for s in stats.values()):5d} {sum(s['refused'] for s in stats.values()):8d}"
          f" {all_right:12d} / {all_total:<8d} {100.0 * all_right / max(all_total, 1):7.2f}%")
    for variant, _ in VARIANTS:
        if not wrong[variant] and not refusals[variant]:
            continue
        print(f"\n{variant}:")
        reasons = collections.defaultdict(list)
        for name, err in refusals[variant]:
            reasons[err.split(": ", 2)[-1]].append(name)
        for reason, names in sorted(reasons.items(), key=lambda kv: -len(kv[1])):
            print(f"  refused {len(names)}: {reason} (e.g. {', '.join(f'{n}.{variant}.xml' for n in names[: args.show])})")
        for path, examples in sorted(wrong[variant].items(), key=lambda kv: -len(kv[1])):
            print(f"  {path}: {len(examples)} wrong")
            for e in examples[: args.show]:
                print(f"    {e}")
    if not args.keep:
        shutil.rmtree(work)
    else:
        print(f"\ndocuments kept in {work}")


if __name__ == "__main__":
    main()
