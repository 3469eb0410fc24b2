#!/usr/bin/env python3
"""Writes the fictional JSON and XML PEPs of SampleInbox/ and their manifest.

Every person, school and number here is invented. Each sample is designed to show one thing
(a Green PEP, a missing child's voice, an over-cap PP+ request, ...); SampleInbox/MANIFEST.tsv
records the design: the date the document is taken as received (the file's mtime, which
`scripts/stamp-samples.sh` sets) and the expected quality, compliance and PP+ outcome.

Run from the repository root:  python3 scripts/make_samples.py
"""
import copy
import json
import os
from xml.sax.saxutils import escape

OUT = "SampleInbox"
LETTERS = "ABCDEFGHJKLMNPQRTUVWXYZ"


def upn(body12):
    """A UPN with the DfE check letter in front of 12 digits."""
    total = sum(int(ch) * (i + 2) for i, ch in enumerate(body12))
    return LETTERS[total % 23] + body12


BASE = {
    "schema": "pep/1",
    "pep": {"type": "review", "term": "autumn", "academic_year": "2025/26"},
    "child": {
        "la_id": "LA100001", "upn": upn("938201100451"), "first_name": "Ava", "last_name": "Testwood",
        "date_of_birth": "2012-03-14", "year_group": "9", "care_start_date": "2022-05-10", "legal_status": "C2",
        "send": {"status": "none", "primary_need": None, "ehcp_review_date": None},
    },
    "school": {
        "urn": "190001", "name": "Riverside Academy",
        "designated_teacher": {"name": "Mr Daniel Okafor", "email": "d.okafor@riverside.example.sch.uk"},
    },
    "social_worker": {"name": "Ms Priya Lang", "email": "priya.lang@council.example.gov.uk"},
    "meeting": {
        "date": "2025-10-08", "next_date": "2026-01-21", "child_attended": True, "child_absence_reason": None,
        "attendees": [
            {"name": "Ava Testwood", "role": "Child"},
            {"name": "Mr Daniel Okafor", "role": "Designated Teacher"},
            {"name": "Ms Priya Lang", "role": "Social Worker"},
            {"name": "Mrs Joan Pemberton", "role": "Foster Carer"},
            {"name": "Mr Sam Reyes", "role": "Virtual School Adviser"},
        ],
    },
    "attendance": {"percentage": 96.5},
    "exclusions": {"suspension_days": 0, "permanent": False},
    "wellbeing": {"sdq_score": 12},
    "attainment": [
        {"subject": "English", "current": "5", "target": "6", "progress": "expected"},
        {"subject": "Maths", "current": "4", "target": "6", "progress": "below"},
        {"subject": "Science", "current": "5", "target": "6", "progress": "expected"},
    ],
    "previous_targets": [
        {"description": "Read for 20 minutes four evenings a week", "outcome": "achieved",
         "comment": "Reading log shows 4 or more sessions in 11 of 12 weeks."},
        {"description": "Complete maths homework on time", "outcome": "partly",
         "comment": "Homework handed in on time in 7 of 10 weeks; continue with homework club."},
    ],
    "targets": [
        {"area": "English", "description": "Improve inference when reading fiction",
         "success_criteria": "Scores 70% or more on the end-of-unit reading assessment",
         "actions": "Small-group guided reading with the English TA", "owner": "English TA (Mrs Hall)",
         "frequency": "Twice a week, 30 minutes", "review_date": "2025-12-12"},
        {"area": "Maths", "description": "Secure fractions, decimals and percentages",
         "success_criteria": "Answers 8 out of 10 FDP questions correctly in the December check",
         "actions": "One-to-one tuition with a specialist maths tutor", "owner": "Maths tutor",
         "frequency": "Weekly, 1 hour", "review_date": "2025-12-12"},
        {"area": "Wellbeing", "description": "Build confidence to speak in class",
         "success_criteria": "Contributes an answer in at least 3 lessons a week, as logged by her tutor",
         "actions": "Weekly mentoring session and a planned first answer in tutor time", "owner": "Learning mentor",
         "frequency": "Weekly", "review_date": "2025-12-19"},
    ],
    "child_voice": ("I like science and art best. I want to get better at maths because I want to be a vet. "
                    "Homework club helps me and I would like to keep going to it on Tuesdays."),
    "carer_views": "Ava is settled at home and reads most evenings. We would like more help with maths homework.",
    "boxall": {"completed_on": None, "attached": False},
    "ppplus": {
        "requests": [
            {"intervention": "One-to-one specialist maths tuition, 10 weekly sessions", "target_ref": "2",
             "amount": "400.00",
             "intended_impact": "Ava closes her gap in fractions and percentages and reaches her target grade by the spring PEP.",
             "provider": "Northfield Tutoring Ltd"},
        ],
        "previous_impact": "Last term's reading intervention raised her reading age by 11 months.",
    },
    "transition": {"plan": None},
    "careers": {"guidance": "Met the careers adviser in October; interested in animal care courses and sixth-form science."},
    "sign_off": {"designated_teacher": {"name": "Mr Daniel Okafor", "date": "2025-10-10"}, "confirmed": True},
}

PRIMARY = copy.deepcopy(BASE)
PRIMARY["child"].update({"la_id": "LA100002", "upn": upn("938201200877"), "first_name": "Leo", "last_name": "Marchant",
                         "date_of_birth": "2017-01-22", "year_group": "Year 4", "care_start_date": "2023-02-01",
                         "legal_status": "C1"})
PRIMARY["school"].update({"urn": "190002", "name": "Hillside Primary School",
                          "designated_teacher": {"name": "Mrs Claire Bowen", "email": "c.bowen@hillside.example.sch.uk"}})
PRIMARY["attainment"] = [
    {"subject": "Reading", "current": "Working towards", "target": "Expected standard", "progress": "expected"},
    {"subject": "Writing", "current": "Working towards", "target": "Expected standard", "progress": "below"},
    {"subject": "Maths", "current": "Expected standard", "target": "Expected standard", "progress": "expected"},
]
PRIMARY["careers"] = {"guidance": None}
PRIMARY["meeting"]["attendees"][0]["name"] = "Leo Marchant"
PRIMARY["meeting"]["attendees"][1]["name"] = "Mrs Claire Bowen"
PRIMARY["sign_off"]["designated_teacher"]["name"] = "Mrs Claire Bowen"
PRIMARY["child_voice"] = ("I like football at lunch and reading about dinosaurs. Writing makes my hand tired and "
                          "I want help with joined up writing and spelling.")
PRIMARY["ppplus"]["requests"] = [
    {"intervention": "Precision teaching for spelling, three 15-minute sessions a week", "target_ref": "Target 1",
     "amount": "£350", "intended_impact": "Leo learns the Year 3/4 statutory spellings and uses them in his independent writing.",
     "provider": "School teaching assistant"},
]


def variant(base, **changes):
    doc = copy.deepcopy(base)
    for path, value in changes.items():
        node = doc
        keys = path.split("__")
        for k in keys[:-1]:
            node = node[k]
        node[keys[-1]] = value
    return doc


SAMPLES = []


def add(name, fmt, doc, received, quality, compliance, funding, note):
    SAMPLES.append((name, fmt, doc, received, quality, compliance, funding, note))


add("01-green-review-secondary", "json", BASE, "2025-10-15", "green", "green", "approved",
    "complete Year 9 review PEP")
add("02-green-review-primary", "xml", PRIMARY, "2025-10-20", "green", "green", "approved",
    "complete Year 4 review PEP in XML")

thin = variant(BASE, child__la_id="LA100003", child__upn=upn("938201100999"))
thin["targets"] = [
    {"area": "Maths", "description": "Get better at maths", "success_criteria": "Improve", "actions": None,
     "owner": None, "frequency": None, "review_date": None},
    {"area": "English", "description": "Try harder in English", "success_criteria": "Be more confident",
     "actions": None, "owner": None, "frequency": None, "review_date": None},
]
thin["ppplus"]["requests"][0]["target_ref"] = "1"
add("03-amber-thin-targets", "json", thin, "2025-10-16", "amber", "green", "approved",
    "only two vague targets, no who/how often")

nocarer = variant(PRIMARY, child__la_id="LA100004", child__upn=upn("938201200123"), carer_views="N/A",
                  attendance__percentage=86.0)
add("04-amber-no-carer-low-attendance", "xml", nocarer, "2025-10-17", "amber", "green", "approved",
    "carer's views missing; 86% attendance with no attendance target")

novoice = variant(BASE, child__la_id="LA100005", child__upn=upn("938201100777"), child_voice="N/A",
                  meeting__child_attended=False, meeting__child_absence_reason=None)
add("05-red-no-child-voice", "json", novoice, "2025-10-14", "red", "green", "held",
    "no child's voice and no reason the child was absent: PP+ held")

notargets = variant(PRIMARY, child__la_id="LA100006", child__upn=upn("938201200456"))
notargets["targets"] = []
add("06-red-no-targets", "xml", notargets, "2025-10-21", "red", "green", "held",
    "no targets although PP+ is requested: PP+ held")

initial = variant(BASE, child__la_id="LA100007", child__upn=upn("938201100222"), pep__type="initial",
                  child__care_start_date="2025-09-22", meeting__date="2025-10-13", sign_off__designated_teacher__date="2025-10-14")
initial["previous_targets"] = []
initial["ppplus"]["previous_impact"] = None
add("07-initial-pep", "json", initial, "2025-10-20", "green", "green", "approved",
    "initial PEP 15 working days after entering care; no previous targets needed")

ehcp = variant(PRIMARY, child__la_id="LA100008", child__upn=upn("938201300314"), child__first_name="Kai",
               child__last_name="Northcote", child__date_of_birth="2009-11-02", child__year_group="Year 11",
               child__send={"status": "Education, Health and Care Plan", "primary_need": "Autism (ASD)",
                            "ehcp_review_date": "2025-06-18"},
               pep__term="spring", pep__academic_year="2025/26", meeting__date="2026-01-28",
               meeting__next_date="2026-04-29", sign_off__designated_teacher__date="2026-01-30",
               transition__plan="College taster days in March; transition worker to visit in May; travel training booked.",
               careers__guidance="Careers adviser meeting held in January; applying for Level 2 animal care at Westfield College.")
ehcp["attainment"] = [
    {"subject": "English", "current": "4", "target": "5", "progress": "expected"},
    {"subject": "Maths", "current": "3", "target": "4", "progress": "expected"},
]
for t in ehcp["targets"]:
    t["review_date"] = "2026-03-27"
ehcp["child_voice"] = ("I want to go to college to work with animals. Loud corridors are hard for me so "
                       "leaving lessons five minutes early helps. I like my key worker.")
add("08-ehcp-year11-spring", "xml", ehcp, "2026-02-04", "green", "green", "approved",
    "child with an EHCP in Year 11, spring term, with a transition plan")

overcap = variant(BASE, child__la_id="LA100009", child__upn=upn("938201100555"))
overcap["ppplus"]["requests"].append(
    {"intervention": "Lego therapy group for social communication, 10 sessions", "target_ref": "3", "amount": "300",
     "intended_impact": "Ava practises turn-taking and speaking up in a small group, building the confidence of target 3.",
     "provider": "School ELSA"})
add("09-over-cap-ppplus", "json", overcap, "2025-10-15", "green", "green", "partly held (over cap)",
    "£700 requested against a £550 termly cap")

late = variant(PRIMARY, child__la_id="LA100010", child__upn=upn("938201200999"), meeting__date="2025-09-24",
               sign_off__designated_teacher__date="2025-10-20")
add("10-late-submission", "xml", late, "2025-10-27", "green", "red", "approved",
    "received 23 working days after the meeting")

y6 = variant(PRIMARY, child__la_id="LA100011", child__upn=upn("938201200321"), child__year_group="6",
             child__date_of_birth="2014-12-05", pep__term="spring", meeting__date="2026-02-04",
             meeting__next_date="2026-05-06", sign_off__designated_teacher__date="2026-02-06",
             transition__plan="Secondary school visits in June; extra transition day; passport shared with the new DT.")
for t in y6["targets"]:
    t["review_date"] = "2026-03-27"
add("11-green-year6-transition", "json", y6, "2026-02-11", "green", "green", "approved",
    "Year 6 in spring with a transition plan")

slightly_late = variant(BASE, child__la_id="LA100012", child__upn=upn("938201100333"))
add("12-amber-compliance-slightly-late", "json", slightly_late, "2025-10-29", "green", "amber", "approved",
    "received 3 working days past the 10-day SLA")

resub = variant(BASE, child__la_id="LA100005", child__upn=upn("938201100777"))
add("13-resubmission-supersedes-05", "json", resub, "2025-10-22", "green", "green", "approved",
    "corrected resubmission for LA100005: supersedes sample 05 and releases its PP+")


# ---------- writers ----------

def to_xml(doc):
    lines = ['<?xml version="1.0" encoding="UTF-8"?>',
             '<pep xmlns="urn:virtual-school:pep:1" schema-version="1">']
    item_names = {"attendees": "attendee", "attainment": "assessment", "previous_targets": "target",
                  "targets": "target", "requests": "request"}

    def emit(key, value, indent):
        pad = "  " * indent
        if key == "schema":
            return
        if isinstance(value, dict):
            lines.append(f"{pad}<{key}>")
            for k, v in value.items():
                emit(k, v, indent + 1)
            lines.append(f"{pad}</{key}>")
        elif isinstance(value, list):
            lines.append(f"{pad}<{key}>")
            for item in value:
                emit(item_names[key], item, indent + 1)
            lines.append(f"{pad}</{key}>")
        elif value is None:
            lines.append(f"{pad}<{key}/>")
        else:
            if isinstance(value, bool):
                text = "true" if value else "false"
            else:
                text = str(value)
            lines.append(f"{pad}<{key}>{escape(text)}</{key}>")

    for k, v in doc.items():
        emit(k, v, 1)
    lines.append("</pep>")
    return "\n".join(lines) + "\n"


def main():
    os.makedirs(OUT, exist_ok=True)
    manifest = ["# file\treceived_on\tquality\tcompliance\tppplus\twhat it shows"]
    for name, fmt, doc, received, quality, compliance, funding, note in SAMPLES:
        path = os.path.join(OUT, f"{name}.{fmt}")
        with open(path, "w", encoding="utf-8") as f:
            if fmt == "json":
                json.dump(doc, f, indent=2, ensure_ascii=False)
                f.write("\n")
            else:
                f.write(to_xml(doc))
        manifest.append(f"{name}.{fmt}\t{received}\t{quality}\t{compliance}\t{funding}\t{note}")
    broken = [
        ("90-broken-truncated.json", "2025-10-15", "truncated JSON (the upload was cut off)"),
        ("91-broken-wrong-namespace.xml", "2025-10-15", "XML from another system: wrong root element namespace"),
        ("92-broken-xxe.xml", "2025-10-15", "hostile XML with an external entity (XXE)"),
        ("93-broken-pdf-renamed.docx", "2025-10-15", "a PDF renamed .docx"),
    ]
    with open(os.path.join(OUT, broken[0][0]), "w") as f:
        f.write(json.dumps(BASE, indent=2)[:900])
    with open(os.path.join(OUT, broken[1][0]), "w") as f:
        f.write(to_xml(PRIMARY).replace("urn:virtual-school:pep:1", "urn:example:other-epep:2"))
    with open(os.path.join(OUT, broken[2][0]), "w") as f:
        f.write('<?xml version="1.0"?>\n<!DOCTYPE pep [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>\n'
                '<pep xmlns="urn:virtual-school:pep:1" schema-version="1"><child><la_id>&xxe;</la_id></child></pep>\n')
    with open(os.path.join(OUT, broken[3][0]), "wb") as f:
        f.write(b"%PDF-1.4\n% fictional Boxall profile scan\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n")
    for name, received, note in broken:
        manifest.append(f"{name}\t{received}\trejected\t-\t-\t{note}")
    with open(os.path.join("docs", "sample-inbox.tsv"), "w") as f:
        f.write("\n".join(manifest) + "\n")


if __name__ == "__main__":
    main()
