#!/usr/bin/env python3
"""Writes fictional PEP forms as realistic Word packages (.docx), in each of the three ways a Word
form carries a field (content controls, legacy form fields, label/value tables) and mixed.

The packages look like Word's own: styles, settings with rsids, font table, theme, headers and
footers with PAGE fields, run properties, proofErr marks, bookmarks, w14/w15 namespaces and
mc:Ignorable. Every name, number and school in them is invented.

    python3 scripts/make_docx_samples.py                  # the samples in SampleInbox/docx/
    python3 scripts/make_docx_samples.py --count 500 --out /tmp/bench   # a benchmark set
    python3 scripts/make_docx_samples.py --count 500 --out /tmp/bench --pad-kb 230   # long forms

Standard library only (zipfile).
"""

import argparse
import json
import datetime as dt
import os
import random
import zipfile
from xml.sax.saxutils import escape

W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
NS = {
    "wpc": "http://schemas.microsoft.com/office/word/2010/wordprocessingCanvas",
    "mc": "http://schemas.openxmlformats.org/markup-compatibility/2006",
    "o": "urn:schemas-microsoft-com:office:office",
    "r": "http://schemas.openxmlformats.org/officeDocument/2006/relationships",
    "m": "http://schemas.openxmlformats.org/officeDocument/2006/math",
    "v": "urn:schemas-microsoft-com:vml",
    "wp14": "http://schemas.microsoft.com/office/word/2010/wordprocessingDrawing",
    "wp": "http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing",
    "w10": "urn:schemas-microsoft-com:office:word",
    "w14": "http://schemas.microsoft.com/office/word/2010/wordml",
    "w15": "http://schemas.microsoft.com/office/word/2012/wordml",
    "wpg": "http://schemas.microsoft.com/office/word/2010/wordprocessingGroup",
    "wps": "http://schemas.microsoft.com/office/word/2010/wordprocessingShape",
}


def ns_decl(prefix="w"):
    decl = " ".join(f'xmlns:{k}="{v}"' for k, v in NS.items())
    return f'{decl} xmlns:{prefix}="{W}" mc:Ignorable="w14 w15 wp14"'


# ---------------------------------------------------------------------------------------------
# Fictional people and places

FIRST = ["Aiden", "Bella", "Callum", "Daisy", "Ethan", "Freya", "Grace", "Harvey", "Isla", "Jayden",
         "Kacey", "Leon", "Maisie", "Noah", "Olivia", "Priya", "Reuben", "Sienna", "Tyler", "Zara"]
LAST = ["Ashdown", "Brennock", "Carrow", "Dunmore", "Elsworth", "Fenlow", "Garside", "Holbrook",
        "Inchley", "Jessop", "Kilbride", "Lowther", "Marlow", "Northey", "Oakridge", "Pellow"]
SCHOOLS = ["Brookfield Academy", "St Aldric's CE Primary School", "Hollins Park High School",
           "Meadowbank Junior School", "Riverside Free School", "Thornbury Community College"]
REGISTER = [("190001", "Riverside Academy"), ("190002", "Hillside Primary School"),
            ("190003", "Oakfield Community School"), ("190004", "St Hilda's CE Primary School"),
            ("190005", "Brookvale School"), ("141977", "Brookfield Academy")]
SUBJECTS = ["English", "Maths", "Science", "History", "Geography", "Art", "Computing", "French"]
TARGET_TEXT = [
    ("Literacy", "Read a chapter book independently and retell the main events in order",
     "Retells 3 chapters accurately in each fortnightly reading conference", "Daily 1:1 reading with TA; reading record"),
    ("Numeracy", "Recall multiplication facts to 12 x 12 within 5 seconds each",
     "Scores 45/50 on the weekly times-table check", "Times Tables Rock Stars 3x weekly; maths mentor"),
    ("Emotional wellbeing", "Use the agreed calm-down plan when feeling overwhelmed in class",
     "Fewer than two removals from lessons per half term", "ELSA sessions weekly; calm box in classroom"),
    ("Attendance", "Arrive at school by 8:45 every day",
     "Attendance above 95% for the term", "Breakfast club place funded; carer text reminders"),
    ("Writing", "Write a paragraph using full stops and capital letters correctly",
     "3 independent paragraphs assessed as secure by the class teacher", "Small-group writing intervention twice weekly"),
]
VOICE = [
    "I like art and football at lunch. I find maths hard when it's fractions but Miss Patel helps me.",
    "I want to be a vet. I'm happy at my school and I have two good friends now.",
    "I don't like it when the class is noisy. The quiet room helps me.",
]
ROLES = ["Designated Teacher", "Social Worker", "Foster Carer", "Virtual School Adviser", "Class Teacher", "Child"]


def upn(rng):
    letters = "ABCDEFGHJKLMNPQRTUVWXYZ"
    body = f"{rng.randint(201, 938):03d}{rng.randint(2000, 7999):04d}{rng.randint(10, 24):02d}{rng.randint(0, 999):03d}"
    total = sum(int(c) * (i + 2) for i, c in enumerate(body))
    return letters[total % 23] + body


def fake_pep(rng, quality):
    """The fields of one fictional PEP; quality 'good' or 'gaps'."""
    first, last = rng.choice(FIRST), rng.choice(LAST)
    year = rng.randint(1, 11)
    dob = dt.date(2025 - year - 5, rng.randint(1, 12), rng.randint(1, 28))
    meeting = dt.date(2025, rng.choice([10, 11]), rng.randint(1, 28))
    pep_type = rng.choice(["Initial", "Review"])
    send = rng.choice(["None", "SEN Support", "EHCP"])
    good = quality == "good"
    p = {
        "pep.type": pep_type,
        "pep.term": "Autumn",
        "pep.academic_year": "2025/26",
        "child.la_id": f"EC{rng.randint(100000, 999999)}",
        "child.upn": upn(rng),
        "child.first_name": first,
        "child.last_name": last,
        "child.date_of_birth": dob,
        "child.year_group": f"Year {year}",
        # An initial PEP is held within 20 working days of entering care (TIME-03).
        "child.care_start_date": (meeting - dt.timedelta(days=rng.randint(14, 25))) if pep_type == "Initial"
        else dt.date(2022, rng.randint(1, 12), rng.randint(1, 28)),
        "child.legal_status": rng.choice(["C2", "J2", "V2", "E1"]),
        "child.send.status": send,
        "child.send.primary_need": rng.choice(["SEMH", "SLCN", "MLD"]) if send != "None" else "",
        "child.send.ehcp_review_date": (meeting - dt.timedelta(days=rng.randint(30, 300))) if send == "EHCP" else "N/A",
        "school.urn": f"{rng.randint(100000, 149999)}",
        "school.name": rng.choice(SCHOOLS),
        "school.designated_teacher.name": f"{rng.choice(['Mrs', 'Mr', 'Ms'])} {rng.choice(LAST)}",
        "school.designated_teacher.email": "dt@school.example.org",
        "social_worker.name": f"{rng.choice(FIRST)} {rng.choice(LAST)}",
        "social_worker.email": "sw@council.example.gov.uk",
        "meeting.date": meeting,
        "meeting.next_date": meeting + dt.timedelta(days=rng.choice([84, 91, 98])),
        # A good PEP is coherent: the child attended, and low attendance or lost days would
        # need their own targets (ATT-02, EXC-02), so a good one has neither.
        "meeting.child_attended": True if good else rng.random() < 0.8,
        "attendance.percentage": f"{rng.uniform(91 if good else 82, 100):.1f}",
        "exclusions.suspension_days": "0" if good else rng.choice(["0", "0", "1", "2.5"]),
        "exclusions.permanent": False,
        "wellbeing.sdq_score": str(rng.randint(6, 24)),
        "child_voice": rng.choice(VOICE),
        "carer_views": "Carer reports a settled term with better sleep and homework routines.",
        "ppplus.previous_impact": "Tutoring raised the reading age by 8 months.",
        "transition.plan": "Visits to the secondary school are planned for the summer term." if year == 6 else "Not applicable this term.",
        "careers.guidance": "Careers interview booked for spring." if year >= 9 else "",
        "sign_off.designated_teacher.name": "",
        "sign_off.designated_teacher.date": meeting + dt.timedelta(days=3),
        "sign_off.confirmed": True,
    }
    p["sign_off.designated_teacher.name"] = p["school.designated_teacher.name"]
    # Most schools are in the sample school register (Rules/schools.csv), so that their PP+ is
    # paid; the last entry is not, and its PP+ is held as "unknown school".
    p["school.urn"], p["school.name"] = REGISTER[int(p["school.urn"]) % len(REGISTER)]
    p["attendees"] = [(p["school.designated_teacher.name"], "Designated Teacher"),
                      (p["social_worker.name"], "Social Worker"), (f"{rng.choice(FIRST)} {last}", "Foster Carer")]
    subjects = ["English", "Maths", rng.choice(SUBJECTS[2:])]
    p["attainment"] = [(s, rng.choice(["WTS", "EXS", "4", "5"]), rng.choice(["EXS", "GDS", "5", "6"]),
                        rng.choice(["Expected", "Above", "Below"])) for s in subjects]
    p["previous_targets"] = [(t[1], rng.choice(["Achieved", "Partly achieved", "Not achieved"]), "Reviewed with the child.")
                             for t in rng.sample(TARGET_TEXT, 2)]
    # Literacy, numeracy and wellbeing targets (the last covers a high SDQ score, WB-02), each
    # reviewed before the end of the autumn term (TGT-03).
    review_by = dt.date(2025, 12, 12)
    p["targets"] = [(a, d, s, act, rng.choice(["Class teacher", "TA", "DT", "Carer"]), rng.choice(["Daily", "Weekly", "3x weekly"]),
                     review_by) for a, d, s, act in TARGET_TEXT[:3]]
    p["ppplus"] = [("1:1 reading tuition", "Target 1", f"£{rng.choice([300, 450, 500])}.00",
                    "Reading age to rise by six months so that the child can read class texts independently",
                    "Bright Tutors Ltd")]
    if quality == "gaps":
        for k in ["child.upn", "child.send.primary_need", "school.urn", "social_worker.email", "meeting.next_date",
                  "wellbeing.sdq_score", "carer_views", "ppplus.previous_impact", "sign_off.designated_teacher.date"]:
            p[k] = rng.choice(["", "N/A", "TBC", None])
        p["child_voice"] = ""
        p["sign_off.confirmed"] = False
        p["targets"] = [("", "To improve behaviour", "", "", "", "", "")]
        p["ppplus"] = []
        p["previous_targets"] = []
    return p


def text_of(v):
    if v is None:
        return ""
    if isinstance(v, dt.date):
        return f"{v.day:02d}/{v.month:02d}/{v.year}"
    if isinstance(v, bool):
        return "Yes" if v else "No"
    return str(v)


# ---------------------------------------------------------------------------------------------
# WordprocessingML writer

class Doc:
    """Builds document.xml text with Word-like noise: rsids, split runs, proofErr, bookmarks."""

    def __init__(self, rng, prefix="w"):
        self.rng = rng
        self.w = prefix
        self.parts = []
        self.bookmark = 0
        self.rsids = [f"{rng.randint(0, 0xFFFFFF):08X}" for _ in range(6)]

    def rsid(self):
        return self.rng.choice(self.rsids)

    def runs(self, text, bold=False, split=True, size=None):
        """Text as Word writes it: often split over several runs, even mid-word."""
        w = self.w
        rpr_inner = (f'<{w}:rFonts {w}:ascii="Arial" {w}:hAnsi="Arial" {w}:cs="Arial"/>'
                     + (f"<{w}:b/><{w}:bCs/>" if bold else "") + (f"<{w}:sz {w}:val=\"{size}\"/>" if size else ""))
        rpr = f"<{w}:rPr>{rpr_inner}</{w}:rPr>"
        pieces = [text]
        if split and len(text) > 6 and self.rng.random() < 0.5:
            cut = sorted(self.rng.sample(range(1, len(text)), min(2, len(text) - 1)))
            pieces = [text[: cut[0]], text[cut[0]: cut[1]], text[cut[1]:]]
        out = []
        for i, piece in enumerate(pieces):
            if not piece:
                continue
            if i == 1 and self.rng.random() < 0.3:
                out.append(f'<{w}:proofErr {w}:type="spellStart"/>')
            lines = piece.split("\n")
            inner = f"<{w}:br/>".join(f'<{w}:t xml:space="preserve">{escape(line)}</{w}:t>' for line in lines)
            out.append(f'<{w}:r {w}:rsidR="{self.rsid()}">{rpr}{inner}</{w}:r>')
            if i == 1 and self.rng.random() < 0.3:
                out.append(f'<{w}:proofErr {w}:type="spellEnd"/>')
        return "".join(out)

    def p(self, content="", style=None, keep=False):
        w = self.w
        ppr = ""
        if style or keep:
            ppr = f"<{w}:pPr>" + (f'<{w}:pStyle {w}:val="{style}"/>' if style else "") + (f"<{w}:keepNext/>" if keep else "") + f"</{w}:pPr>"
        pid = f"{self.rng.randint(0, 0x7FFFFFFF):08X}"
        return f'<{w}:p w14:paraId="{pid}" w14:textId="77777777" {w}:rsidR="{self.rsid()}" {w}:rsidRDefault="{self.rsid()}">{ppr}{content}</{w}:p>'

    def heading(self, text, level=1):
        self.bookmark += 1
        w = self.w
        bm = f'<{w}:bookmarkStart {w}:id="{self.bookmark}" {w}:name="_Toc{self.rng.randint(10**8, 10**9)}"/>'
        return self.p(bm + self.runs(text, split=False) + f'<{w}:bookmarkEnd {w}:id="{self.bookmark}"/>', style=f"Heading{level}", keep=True)

    def cell(self, content, width=2400, shade=None, span=1, vmerge=None):
        w = self.w
        tcpr = f'<{w}:tcW {w}:w="{width}" {w}:type="dxa"/>'
        if span > 1:
            tcpr += f'<{w}:gridSpan {w}:val="{span}"/>'
        if vmerge == "restart":
            tcpr += f'<{w}:vMerge {w}:val="restart"/>'
        elif vmerge == "continue":
            tcpr += f"<{w}:vMerge/>"
        if shade:
            tcpr += f'<{w}:shd {w}:val="clear" {w}:color="auto" {w}:fill="{shade}"/>'
        if not content.startswith(f"<{w}:p ") and not content.startswith(f"<{w}:tbl>"):
            content = self.p(content)
        elif content.startswith(f"<{w}:tbl>"):
            content = content + self.p("")  # a cell must end with a paragraph
        return f"<{w}:tc><{w}:tcPr>{tcpr}</{w}:tcPr>{content}</{w}:tc>"

    def row(self, cells, header=False):
        w = self.w
        trpr = f"<{w}:trPr><{w}:tblHeader/></{w}:trPr>" if header else ""
        return f'<{w}:tr {w}:rsidR="{self.rsid()}" {w}:rsidTr="{self.rsid()}" w14:paraId="{self.rng.randint(0, 0x7FFFFFFF):08X}" w14:textId="77777777">{trpr}{"".join(cells)}</{w}:tr>'

    def table(self, rows, grid):
        w = self.w
        tblpr = (f'<{w}:tblPr><{w}:tblStyle {w}:val="TableGrid"/><{w}:tblW {w}:w="0" {w}:type="auto"/>'
                 f'<{w}:tblLook {w}:val="04A0" {w}:firstRow="1" {w}:lastRow="0" {w}:firstColumn="1" {w}:lastColumn="0" {w}:noHBand="0" {w}:noVBand="1"/></{w}:tblPr>')
        g = "".join(f'<{w}:gridCol {w}:w="{x}"/>' for x in grid)
        return f"<{w}:tbl>{tblpr}<{w}:tblGrid>{g}</{w}:tblGrid>{''.join(rows)}</{w}:tbl>"

    # Content controls --------------------------------------------------------------------

    def sdt_id(self):
        return str(self.rng.randint(-2**31, 2**31 - 1))

    def sdt_text(self, tag, value, alias=None, block=False, multiline=False):
        w = self.w
        placeholder = value in (None, "")
        shown = "Click or tap here to enter text." if placeholder else value
        pr = (f"<{w}:sdtPr><{w}:rPr><{w}:rFonts {w}:ascii=\"Arial\" {w}:hAnsi=\"Arial\"/></{w}:rPr>"
              + (f'<{w}:alias {w}:val="{escape(alias)}"/>' if alias else "")
              + f'<{w}:tag {w}:val="{tag}"/><{w}:id {w}:val="{self.sdt_id()}"/>'
              + f'<{w}:placeholder><{w}:docPart {w}:val="DefaultPlaceholder_-1854013440"/></{w}:placeholder>'
              + (f"<{w}:showingPlcHdr/>" if placeholder else "")
              + (f'<{w}:text {w}:multiLine="1"/>' if multiline else "") + f"</{w}:sdtPr>")
        runs = self.runs(shown)
        if placeholder:
            runs = f'<{w}:r><{w}:rPr><{w}:rStyle {w}:val="PlaceholderText"/></{w}:rPr><{w}:t>{shown}</{w}:t></{w}:r>'
        body = self.p(runs) if block else runs
        return f"<{w}:sdt>{pr}<{w}:sdtEndPr/><{w}:sdtContent>{body}</{w}:sdtContent></{w}:sdt>"

    def sdt_date(self, tag, date):
        w = self.w
        if date in (None, ""):
            return self.sdt_text(tag, None)
        full = f"{date.isoformat()}T00:00:00Z"
        pr = (f'<{w}:sdtPr><{w}:tag {w}:val="{tag}"/><{w}:id {w}:val="{self.sdt_id()}"/>'
              f'<{w}:date {w}:fullDate="{full}"><{w}:dateFormat {w}:val="dd/MM/yyyy"/><{w}:lid {w}:val="en-GB"/>'
              f'<{w}:storeMappedDataAs {w}:val="dateTime"/><{w}:calendar {w}:val="gregorian"/></{w}:date></{w}:sdtPr>')
        return f"<{w}:sdt>{pr}<{w}:sdtContent>{self.runs(text_of(date), split=False)}</{w}:sdtContent></{w}:sdt>"

    def sdt_checkbox(self, tag, checked):
        w = self.w
        pr = (f'<{w}:sdtPr><{w}:tag {w}:val="{tag}"/><{w}:id {w}:val="{self.sdt_id()}"/>'
              f'<w14:checkbox><w14:checked w14:val="{1 if checked else 0}"/>'
              f'<w14:checkedState w14:val="2612" w14:font="MS Gothic"/><w14:uncheckedState w14:val="2610" w14:font="MS Gothic"/>'
              f"</w14:checkbox></{w}:sdtPr>")
        glyph = "\u2612" if checked else "\u2610"
        run = f'<{w}:r><{w}:rPr><{w}:rFonts {w}:ascii="MS Gothic" {w}:eastAsia="MS Gothic" {w}:hAnsi="MS Gothic"/></{w}:rPr><{w}:t>{glyph}</{w}:t></{w}:r>'
        return f"<{w}:sdt>{pr}<{w}:sdtContent>{run}</{w}:sdtContent></{w}:sdt>"

    def sdt_dropdown(self, tag, items, value):
        w = self.w
        entries = "".join(f'<{w}:listItem {w}:displayText="{escape(i)}" {w}:value="{escape(i)}"/>' for i in items)
        pr = (f'<{w}:sdtPr><{w}:tag {w}:val="{tag}"/><{w}:id {w}:val="{self.sdt_id()}"/>'
              f'<{w}:dropDownList><{w}:listItem {w}:value=""/>{entries}</{w}:dropDownList></{w}:sdtPr>')
        return f"<{w}:sdt>{pr}<{w}:sdtContent>{self.runs(value, split=False)}</{w}:sdtContent></{w}:sdt>"

    # Legacy form fields ------------------------------------------------------------------

    def ff_text(self, name, value, default=None):
        w = self.w
        self.bookmark += 1
        b = self.bookmark
        dflt = f'<{w}:default {w}:val="{escape(default)}"/>' if default else ""
        begin = (f'<{w}:r><{w}:fldChar {w}:fldCharType="begin"><{w}:ffData><{w}:name {w}:val="{name}"/><{w}:enabled/>'
                 f"<{w}:calcOnExit {w}:val=\"0\"/><{w}:textInput>{dflt}</{w}:textInput></{w}:ffData></{w}:fldChar></{w}:r>")
        instr = f'<{w}:r><{w}:instrText xml:space="preserve"> FORMTEXT </{w}:instrText></{w}:r>'
        sep = f'<{w}:r><{w}:fldChar {w}:fldCharType="separate"/></{w}:r>'
        result = self.runs(value) if value else f'<{w}:r><{w}:t>\u2002\u2002\u2002\u2002\u2002</{w}:t></{w}:r>'
        end = f'<{w}:r><{w}:fldChar {w}:fldCharType="end"/></{w}:r>'
        return (f'<{w}:bookmarkStart {w}:id="{b}" {w}:name="{name}"/>' + begin + instr + sep + result + end
                + f'<{w}:bookmarkEnd {w}:id="{b}"/>')

    def ff_checkbox(self, name, checked):
        w = self.w
        state = f'<{w}:checked/>' if checked else ""
        begin = (f'<{w}:r><{w}:fldChar {w}:fldCharType="begin"><{w}:ffData><{w}:name {w}:val="{name}"/><{w}:enabled/>'
                 f'<{w}:calcOnExit {w}:val="0"/><{w}:checkBox><{w}:sizeAuto/><{w}:default {w}:val="0"/>{state}</{w}:checkBox>'
                 f"</{w}:ffData></{w}:fldChar></{w}:r>")
        instr = f'<{w}:r><{w}:instrText xml:space="preserve"> FORMCHECKBOX </{w}:instrText></{w}:r>'
        return begin + instr + f'<{w}:r><{w}:fldChar {w}:fldCharType="end"/></{w}:r>'

    def ff_dropdown(self, name, items, index):
        w = self.w
        entries = "".join(f'<{w}:listEntry {w}:val="{escape(i)}"/>' for i in items)
        begin = (f'<{w}:r><{w}:fldChar {w}:fldCharType="begin"><{w}:ffData><{w}:name {w}:val="{name}"/><{w}:enabled/>'
                 f'<{w}:calcOnExit {w}:val="0"/><{w}:ddList><{w}:result {w}:val="{index}"/>{entries}</{w}:ddList>'
                 f"</{w}:ffData></{w}:fldChar></{w}:r>")
        instr = f'<{w}:r><{w}:instrText xml:space="preserve"> FORMDROPDOWN </{w}:instrText></{w}:r>'
        return begin + instr + f'<{w}:r><{w}:fldChar {w}:fldCharType="end"/></{w}:r>'


# ---------------------------------------------------------------------------------------------
# The forms

SCALARS = [
    ("PEP details", [("pep.type", "Is this the initial PEP?", "PEPType"), ("pep.term", "Term", "Term"),
                     ("pep.academic_year", "Academic year", "AcadYear"), ("meeting.date", "Date of PEP meeting", "MeetingDate"),
                     ("meeting.next_date", "Date of next PEP meeting", "NextPEP")]),
    ("About the child", [("child.first_name", "First name", "FirstName"), ("child.last_name", "Surname", "Surname"),
                         ("child.date_of_birth", "Date of birth", "DOB"), ("child.upn", "UPN", "UPN"),
                         ("child.la_id", "Child ID", "ChildID"), ("child.year_group", "Year group", "YearGroup"),
                         ("child.care_start_date", "Date entered care", "CareStart"), ("child.legal_status", "Legal status", "LegalStatus"),
                         ("child.send.status", "SEN status", "SENStatus"), ("child.send.primary_need", "Primary need", "PrimaryNeed"),
                         ("child.send.ehcp_review_date", "Date of last EHCP annual review", "EHCPReview")]),
    ("School and professionals", [("school.name", "School name", "SchoolName"), ("school.urn", "School URN", "SchoolURN"),
                                  ("school.designated_teacher.name", "Designated Teacher", "DTName"),
                                  ("school.designated_teacher.email", "Designated Teacher email", "DTEmail"),
                                  ("social_worker.name", "Social worker", "SWName"), ("social_worker.email", "Social worker email", "SWEmail")]),
    ("Attendance and wellbeing", [("meeting.child_attended", "Did the child attend?", "ChildAttend"),
                                  ("attendance.percentage", "Attendance this term (%)", "AttendPct"),
                                  ("exclusions.suspension_days", "Days lost to suspension this term", "SuspDays"),
                                  ("exclusions.permanent", "Permanently excluded", "PermExcl"),
                                  ("wellbeing.sdq_score", "SDQ score", "SDQScore")]),
]
NARRATIVE = [("child_voice", "Child's views", "ChildVoice"), ("carer_views", "Carer's views", "CarerViews"),
             ("ppplus.previous_impact", "Impact of last term's PP+", "PPImpact"), ("transition.plan", "Transition plan", "TransPlan"),
             ("careers.guidance", "Careers advice and guidance", "Careers")]
SIGN_OFF = [("sign_off.designated_teacher.name", "Signed off by (Designated Teacher)", "DTSignName"),
            ("sign_off.designated_teacher.date", "Date signed off", "DTSignDate"),
            ("sign_off.confirmed", "I confirm the Designated Teacher has signed off this PEP", "DTSignOff")]
BOOLS = {"meeting.child_attended", "exclusions.permanent", "sign_off.confirmed"}
DATES = {"meeting.date", "meeting.next_date", "child.date_of_birth", "child.care_start_date", "sign_off.designated_teacher.date",
         "child.send.ehcp_review_date"}
LABEL_SHADE = "D9E2F3"


def scalar_value(d, style, path, legacy, value):
    """The value cell's content for one scalar field in the given style."""
    if style == "controls":
        if path in BOOLS:
            return d.sdt_checkbox(path, bool(value))
        if path in DATES and isinstance(value, dt.date):
            return d.sdt_date(path, value)
        if path == "child.send.status":
            return d.sdt_dropdown(path, ["None", "SEN Support", "EHCP"], value)
        return d.sdt_text(path, text_of(value) if value is not None else None)
    if style == "legacy":
        if path in BOOLS:
            return d.ff_checkbox(legacy, bool(value))
        if path == "child.send.status":
            items = ["None", "SEN Support", "EHCP"]
            return d.ff_dropdown(legacy, items, items.index(value) if value in items else 0)
        return d.ff_text(legacy, text_of(value))
    # plain tables: typed text; booleans as typed box glyphs
    if path in BOOLS:
        return d.runs(("\u2612 Yes  \u2610 No" if value else "\u2610 Yes  \u2612 No"), split=False)
    return d.runs(text_of(value)) if text_of(value) else ""


def label_value_table(d, style, fields, p, four=False):
    rows = []
    cells = []
    for path, label, legacy in fields:
        value = p.get(path)
        if path == "pep.type" and style != "controls":
            value = "Yes" if value == "Initial" else "No"
        cells.append(d.cell(d.runs(label, bold=True, split=False), 2600, shade=LABEL_SHADE))
        cells.append(d.cell(scalar_value(d, style, path, legacy, value), 2400))
        if not four or len(cells) == 4:
            rows.append(d.row(cells))
            cells = []
    if cells:
        cells += [d.cell("", 2600), d.cell("", 2400)]
        rows.append(d.row(cells))
    return d.table(rows, [2600, 2400, 2600, 2400] if four else [3000, 6000])


def list_table(d, style, header, records, list_path=None, fields=None):
    hdr = d.row([d.cell(d.runs(h, bold=True, split=False), 1500, shade=LABEL_SHADE) for h in header], header=True)
    rows = [hdr]
    for rec in records:
        cells = []
        for i, v in enumerate(rec):
            if style == "controls" and list_path and fields:
                content = d.sdt_date(f"{list_path}[].{fields[i]}", v) if isinstance(v, dt.date) else d.sdt_text(f"{list_path}[].{fields[i]}", text_of(v))
            else:
                content = d.runs(text_of(v)) if text_of(v) else ""
            cells.append(d.cell(content, 1500))
        rows.append(d.row(cells))
    rows.append(d.row([d.cell("", 1500) for _ in header]))  # the template's spare empty row
    return d.table(rows, [1500] * len(header))


def narrative_table(d, style, p):
    rows = []
    for path, label, legacy in NARRATIVE:
        rows.append(d.row([d.cell(d.runs(label, bold=True, split=False), 9000, shade=LABEL_SHADE)]))
        rows.append(d.row([d.cell(d.p(scalar_value(d, style, path, legacy, p.get(path))), 9000)]))
    return d.table(rows, [9000])


def body_for(d, style, p, mixed=False):
    parts = [d.p(d.runs("Personal Education Plan", bold=True, split=False, size=36), style="Title"),
             d.p(d.runs("Virtual School for Children in Care \u2013 termly PEP. Please complete every section.", split=False))]
    for i, (title, fields) in enumerate(SCALARS):
        parts.append(d.heading(f"Section {i + 1}: {title}"))
        field_style = style
        if mixed:
            field_style = ["controls", "legacy", "tables", "controls"][i]
        parts.append(label_value_table(d, field_style, fields, p, four=(style == "tables" and i == 1)))
    parts.append(d.heading("Attendees"))
    parts.append(list_table(d, "tables", ["Name", "Role"], p["attendees"]))
    parts.append(d.heading("Attainment and progress"))
    parts.append(list_table(d, "tables", ["Subject", "Current", "Target", "Progress"], p["attainment"]))
    parts.append(d.heading("Review of previous targets"))
    parts.append(d.p(d.runs("Record how far each target from the last PEP was met.")))
    parts.append(list_table(d, "tables", ["Target", "Outcome", "Comment"], p["previous_targets"]))
    parts.append(d.heading("Targets"))
    parts.append(list_table(d, "controls" if style == "controls" else "tables",
                            ["Area", "Target", "Success criteria", "Actions and support", "Who", "How often", "By when"],
                            p["targets"], "targets", ["area", "description", "success_criteria", "actions", "owner", "frequency", "review_date"]))
    parts.append(d.heading("Pupil Premium Plus request"))
    parts.append(list_table(d, "tables", ["Intervention", "Linked target", "Cost (\u00a3)", "Intended impact", "Provider"], p["ppplus"]))
    parts.append(d.heading("Voice of the child and carer"))
    parts.append(narrative_table(d, "controls" if mixed else style, p))
    parts.append(d.heading("Sign-off"))
    parts.append(label_value_table(d, "legacy" if mixed else style, SIGN_OFF, p))
    return parts


def mixed_extras(d, p):
    """The hard cases: tracked changes, merged cells, a nested table, AlternateContent."""
    w = d.w
    ins = (f'<{w}:ins {w}:id="901" {w}:author="A. Teacher" {w}:date="2025-11-10T09:00:00Z">'
           + d.runs(p["child_voice"] or "No views recorded.", split=True) + f"</{w}:ins>")
    deleted = (f'<{w}:del {w}:id="902" {w}:author="A. Teacher" {w}:date="2025-11-10T09:00:00Z"><{w}:r><{w}:delText>'
               "Deleted draft wording that must not be read.</" + f"{w}:delText></{w}:r></{w}:del>")
    voice = d.table([d.row([d.cell(d.runs("What I think", bold=True), 3000, shade=LABEL_SHADE), d.cell(d.p(deleted + ins), 6000)])], [3000, 6000])
    hdr = ["Area", "Target", "Success criteria", "Who", "How often", "By when"]
    widths = [1500, 2200, 1900, 1200, 1000, 1200]
    merged = d.table([
        d.row([d.cell(d.runs(h, bold=True), wd, shade=LABEL_SHADE) for h, wd in zip(hdr, widths)], header=True),
        d.row([d.cell(d.runs("Social skills"), 1500, vmerge="restart"), d.cell(d.runs("Join a lunchtime club"), 2200),
               d.cell(d.runs("Attends weekly for six weeks"), 1900), d.cell(d.runs("Learning mentor"), 1200),
               d.cell(d.runs("Weekly"), 1000), d.cell(d.runs("12/12/2025"), 1200)]),
        d.row([d.cell("", 1500, vmerge="continue"), d.cell(d.runs("Ask an adult for help when stuck"), 2200),
               d.cell(d.runs("Uses help card in 4 of 5 lessons"), 1900), d.cell(d.runs("Class teacher"), 1200),
               d.cell(d.runs("Daily"), 1000), d.cell(d.runs("12/12/2025"), 1200)]),
    ], widths)
    nested_inner = d.table([d.row([d.cell(d.runs("Boxall Profile completed on", bold=True), 3000, shade=LABEL_SHADE, span=2),
                                   d.cell(d.runs("03/11/2025"), 3000)]),
                            d.row([d.cell(d.runs("Boxall Profile attached", bold=True), 3000, shade=LABEL_SHADE, span=2),
                                   d.cell(d.ff_checkbox("BoxallAtt", True) + d.runs(" attached"), 3000)])], [1500, 1500, 3000])
    nested = d.table([d.row([d.cell(d.p(d.runs("Boxall assessment", bold=True)), 9000)]),
                      d.row([d.cell(nested_inner, 9000)])], [9000])
    alt = (f'<{w}:r><mc:AlternateContent><mc:Choice Requires="wps"><{w}:drawing><wp:inline distT="0" distB="0" distL="0" distR="0">'
           f'<wp:extent cx="2000000" cy="300000"/><wp:docPr id="5" name="Text Box 5"/><a:graphic xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main">'
           f'<a:graphicData uri="http://schemas.microsoft.com/office/word/2010/wordprocessingShape"><wps:wsp><wps:txbx><{w}:txbxContent>'
           + d.p(d.runs("Pupil voice captured by the Designated Teacher")) +
           f'</{w}:txbxContent></wps:txbx><wps:bodyPr/></wps:wsp></a:graphicData></a:graphic></wp:inline></{w}:drawing></mc:Choice>'
           f'<mc:Fallback><{w}:pict><v:shape id="Text Box 5" type="#_x0000_t202"><v:textbox><{w}:txbxContent>'
           + d.p(d.runs("Pupil voice captured by the Designated Teacher")) +
           f"</{w}:txbxContent></v:textbox></v:shape></{w}:pict></mc:Fallback></mc:AlternateContent></{w}:r>")
    special = d.p(d.runs("Carer\u2019s note:\u00a0settled") + f"<{w}:r><{w}:noBreakHyphen/><{w}:t>in</{w}:t><{w}:tab/><{w}:t>well</{w}:t></{w}:r>")
    return [d.heading("Further targets"), merged, d.heading("Child's voice (updated)"), voice, d.p(alt), nested, special]


def unstructured_body(d, p):
    """A PEP written as a letter: no tables, no controls, no fields. It cannot be assessed."""
    return [d.p(d.runs("PEP notes", bold=True, size=32), style="Title"),
            d.p(d.runs(f"Met with carer and school on {text_of(p['meeting.date'])}. {p['child.first_name']} is doing ok.")),
            d.p(d.runs("We talked about reading and friendships. Targets to follow.")),
            d.p(d.runs("Next meeting in the spring."))]


# ---------------------------------------------------------------------------------------------
# Padding for benchmarks (--pad-kb): what makes real PEPs long

MINUTES = [
    "{name} joined the meeting for the first twenty minutes and talked about the new class and the lunchtime clubs.",
    "The carer said that mornings are calmer since the new routine started, and homework is done at the kitchen table.",
    "The class teacher reported good effort in lessons, with more independent work in the afternoons than last term.",
    "The adviser asked how the reading intervention is delivered; it runs in a quiet room with the same adult each time.",
    "Everyone agreed that {name} responds well to praise given quietly rather than in front of the whole class.",
    "Contact with birth family continues fortnightly on Saturdays; the carer reports that {name} is tired on Mondays.",
    "The school will share the half-termly assessment data with the Virtual School as soon as it is moderated.",
    "The social worker confirmed that the placement is stable and that no move is planned before the summer.",
    "{name} said the best part of the week is football on Thursday and the worst part is spelling tests.",
    "Transport to school is by taxi with the same escort; there have been two late arrivals because of traffic.",
    "The meeting discussed the trip in March; the consent form will go to the social worker for signature.",
    "A referral to the educational psychologist was discussed and will be reviewed at the next meeting.",
]
CONTACTS = ["Class teacher and TA", "Carer (telephone)", "Virtual School adviser visit", "Head of year",
            "SENCo and carer", "School nurse", "Learning mentor session", "Carer (e-mail)"]
CONTACT_NOTES = [
    "Settled week; completed all homework tasks and read four times at home.",
    "Upset after a weekend contact; used the calm-down plan twice and returned to class each time.",
    "Good progress in maths groups; moved up to the middle set for fractions work.",
    "Missed one morning for a medical appointment; work was sent home and completed.",
    "Carer asked for a copy of the reading scheme list; sent the same day.",
    "Friendship difficulties at lunchtime resolved with support from the learning mentor.",
]


def padding_blocks(d, p):
    """Yields Word-like appendix blocks (a heading with minutes, a contact chronology, reading and
    spelling ages, a weekly attendance grid), none of whose cells or headings is a label, a list
    header or a list heading of Rules/docx-mapping.yaml, so the fields read stay the same."""
    name = p.get("child.first_name") or "The child"
    rng = d.rng
    n = 0
    while True:
        n += 1
        kind = n % 4
        if kind == 1:
            yield d.heading(f"Record of the meeting, part {n // 4 + 1}", level=2)
            for _ in range(rng.randint(4, 8)):
                text = " ".join(rng.choice(MINUTES).format(name=name) for _ in range(rng.randint(2, 4)))
                yield d.p(d.runs(text))
        elif kind == 2:
            yield d.heading("Chronology of contact this term", level=2)
            hdr = d.row([d.cell(d.runs(h, bold=True, split=False), w, shade=LABEL_SHADE)
                         for h, w in (("Week", 1200), ("Contact with", 2600), ("Summary", 5200))], header=True)
            rows = [hdr] + [d.row([d.cell(d.runs(f"Week {wk}", split=False), 1200),
                                   d.cell(d.runs(rng.choice(CONTACTS)), 2600),
                                   d.cell(d.runs(rng.choice(CONTACT_NOTES)), 5200)])
                            for wk in range(1, rng.randint(8, 14))]
            yield d.table(rows, [1200, 2600, 5200])
        elif kind == 3:
            yield d.heading("Reading and spelling ages", level=2)
            hdr = d.row([d.cell(d.runs(h, bold=True, split=False), 2250, shade=LABEL_SHADE)
                         for h in ("Assessment window", "Reading age", "Spelling age", "Notes")], header=True)
            rows = [hdr] + [d.row([d.cell(d.runs(f"{half} half term {year}", split=False), 2250),
                                   d.cell(d.runs(f"{rng.randint(6, 14)} years {rng.randint(0, 11)} months", split=False), 2250),
                                   d.cell(d.runs(f"{rng.randint(6, 14)} years {rng.randint(0, 11)} months", split=False), 2250),
                                   d.cell(d.runs(rng.choice(CONTACT_NOTES)), 2250)])
                            for year in (2024, 2025) for half in ("Autumn 1", "Autumn 2", "Spring 1", "Spring 2")]
            yield d.table(rows, [2250] * 4)
        else:
            yield d.heading("Weekly attendance pattern", level=2)
            days = ("Mon", "Tue", "Wed", "Thu", "Fri")
            hdr = d.row([d.cell(d.runs(h, bold=True, split=False), 1300, shade=LABEL_SHADE)
                         for h in ("Week beginning",) + days + ("Sessions missed",)], header=True)
            rows = [hdr]
            for wk in range(rng.randint(6, 12)):
                marks = [rng.choice(["/ \\", "/ \\", "/ \\", "M \\", "/ L"]) for _ in days]
                rows.append(d.row([d.cell(d.runs(f"{(wk * 7) % 28 + 1:02d}/{9 + wk // 4:02d}/2025", split=False), 1300)]
                                  + [d.cell(d.runs(m, split=False), 1300) for m in marks]
                                  + [d.cell(d.runs(str(sum(m.count("M") + m.count("L") for m in marks)), split=False), 1300)]))
            yield d.table(rows, [1300] * 7)


def pad_body(d, p, parts, pad_kb, seed):
    """Adds appendix blocks to the body until the main part is about pad_kb KB. A separate
    random stream, so the form itself (and its truth) is the same with or without padding."""
    target = pad_kb * 1000
    size = sum(len(x.encode("utf-8")) for x in parts) + 4096  # the declarations and sectPr
    if size >= target:
        return parts
    saved, d.rng = d.rng, random.Random(f"pad-{seed}")
    extra = []
    for block in padding_blocks(d, p):
        if size >= target:
            break
        extra.append(block)
        size += len(block.encode("utf-8"))
    d.rng = saved
    return parts + extra


# ---------------------------------------------------------------------------------------------
# The package around document.xml

def header_xml(d, kind):
    w = d.w
    text = "OFFICIAL-SENSITIVE \u2013 Personal Education Plan" if kind == "header" else ""
    page = (f'<{w}:r><{w}:t xml:space="preserve">Page </{w}:t></{w}:r><{w}:r><{w}:fldChar {w}:fldCharType="begin"/></{w}:r>'
            f'<{w}:r><{w}:instrText xml:space="preserve"> PAGE </{w}:instrText></{w}:r><{w}:r><{w}:fldChar {w}:fldCharType="separate"/></{w}:r>'
            f'<{w}:r><{w}:t>1</{w}:t></{w}:r><{w}:r><{w}:fldChar {w}:fldCharType="end"/></{w}:r>')
    body = d.p(d.runs(text, split=False)) if text else d.p(page)
    tag = "hdr" if kind == "header" else "ftr"
    # a decoy: a form field in the footer that the reader must ignore
    if kind == "footer":
        body += d.p(d.ff_text("UPN", "Z999999999999"))
    return f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<{w}:{tag} {ns_decl(w)}>{body}</{w}:{tag}>'


STYLES = """<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<w:styles xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006" xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" xmlns:w14="http://schemas.microsoft.com/office/word/2010/wordml" mc:Ignorable="w14"><w:docDefaults><w:rPrDefault><w:rPr><w:rFonts w:asciiTheme="minorHAnsi" w:eastAsiaTheme="minorHAnsi" w:hAnsiTheme="minorHAnsi" w:cstheme="minorBidi"/><w:kern w:val="2"/><w:sz w:val="22"/><w:szCs w:val="22"/><w:lang w:val="en-GB" w:eastAsia="en-US" w:bidi="ar-SA"/></w:rPr></w:rPrDefault><w:pPrDefault><w:pPr><w:spacing w:after="160" w:line="259" w:lineRule="auto"/></w:pPr></w:pPrDefault></w:docDefaults><w:style w:type="paragraph" w:default="1" w:styleId="Normal"><w:name w:val="Normal"/><w:qFormat/></w:style><w:style w:type="paragraph" w:styleId="Heading1"><w:name w:val="heading 1"/><w:basedOn w:val="Normal"/><w:next w:val="Normal"/><w:uiPriority w:val="9"/><w:qFormat/><w:pPr><w:keepNext/><w:spacing w:before="240"/><w:outlineLvl w:val="0"/></w:pPr><w:rPr><w:b/><w:color w:val="2F5496"/><w:sz w:val="32"/></w:rPr></w:style><w:style w:type="paragraph" w:styleId="Title"><w:name w:val="Title"/><w:basedOn w:val="Normal"/><w:qFormat/><w:rPr><w:sz w:val="56"/></w:rPr></w:style><w:style w:type="character" w:styleId="PlaceholderText"><w:name w:val="Placeholder Text"/><w:uiPriority w:val="99"/><w:semiHidden/><w:rPr><w:color w:val="808080"/></w:rPr></w:style><w:style w:type="table" w:styleId="TableGrid"><w:name w:val="Table Grid"/><w:uiPriority w:val="39"/><w:tblPr><w:tblBorders><w:top w:val="single" w:sz="4" w:space="0" w:color="auto"/><w:left w:val="single" w:sz="4" w:space="0" w:color="auto"/><w:bottom w:val="single" w:sz="4" w:space="0" w:color="auto"/><w:right w:val="single" w:sz="4" w:space="0" w:color="auto"/><w:insideH w:val="single" w:sz="4" w:space="0" w:color="auto"/><w:insideV w:val="single" w:sz="4" w:space="0" w:color="auto"/></w:tblBorders></w:tblPr></w:style></w:styles>"""

FONTS = """<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<w:fonts xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:font w:name="Arial"><w:panose1 w:val="020B0604020202020204"/><w:charset w:val="00"/><w:family w:val="swiss"/><w:pitch w:val="variable"/></w:font><w:font w:name="MS Gothic"><w:altName w:val="\u30e0\u30b4\u30b7\u30c3\u30af"/><w:charset w:val="80"/><w:family w:val="modern"/><w:pitch w:val="fixed"/></w:font><w:font w:name="Calibri"><w:charset w:val="00"/><w:family w:val="swiss"/><w:pitch w:val="variable"/></w:font></w:fonts>"""

THEME = """<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<a:theme xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main" name="Office Theme"><a:themeElements><a:clrScheme name="Office"><a:dk1><a:sysClr val="windowText" lastClr="000000"/></a:dk1><a:lt1><a:sysClr val="window" lastClr="FFFFFF"/></a:lt1><a:dk2><a:srgbClr val="44546A"/></a:dk2><a:lt2><a:srgbClr val="E7E6E6"/></a:lt2><a:accent1><a:srgbClr val="4472C4"/></a:accent1><a:accent2><a:srgbClr val="ED7D31"/></a:accent2><a:accent3><a:srgbClr val="A5A5A5"/></a:accent3><a:accent4><a:srgbClr val="FFC000"/></a:accent4><a:accent5><a:srgbClr val="5B9BD5"/></a:accent5><a:accent6><a:srgbClr val="70AD47"/></a:accent6><a:hlink><a:srgbClr val="0563C1"/></a:hlink><a:folHlink><a:srgbClr val="954F72"/></a:folHlink></a:clrScheme><a:fontScheme name="Office"><a:majorFont><a:latin typeface="Calibri Light"/><a:ea typeface=""/><a:cs typeface=""/></a:majorFont><a:minorFont><a:latin typeface="Calibri"/><a:ea typeface=""/><a:cs typeface=""/></a:minorFont></a:fontScheme><a:fmtScheme name="Office"><a:fillStyleLst><a:solidFill><a:schemeClr val="phClr"/></a:solidFill><a:solidFill><a:schemeClr val="phClr"/></a:solidFill><a:solidFill><a:schemeClr val="phClr"/></a:solidFill></a:fillStyleLst><a:lnStyleLst><a:ln w="6350"><a:solidFill><a:schemeClr val="phClr"/></a:solidFill></a:ln><a:ln w="12700"><a:solidFill><a:schemeClr val="phClr"/></a:solidFill></a:ln><a:ln w="19050"><a:solidFill><a:schemeClr val="phClr"/></a:solidFill></a:ln></a:lnStyleLst><a:effectStyleLst><a:effectStyle><a:effectLst/></a:effectStyle><a:effectStyle><a:effectLst/></a:effectStyle><a:effectStyle><a:effectLst/></a:effectStyle></a:effectStyleLst><a:bgFillStyleLst><a:solidFill><a:schemeClr val="phClr"/></a:solidFill><a:solidFill><a:schemeClr val="phClr"/></a:solidFill><a:solidFill><a:schemeClr val="phClr"/></a:solidFill></a:bgFillStyleLst></a:fmtScheme></a:themeElements></a:theme>"""

COMMENTS = """<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<w:comments xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:comment w:id="0" w:author="Virtual School" w:date="2025-11-12T10:00:00Z" w:initials="VS"><w:p><w:r><w:t>UPN: please check, Surname: also check</w:t></w:r></w:p></w:comment></w:comments>"""


def settings(d):
    rsids = "".join(f'<w:rsid w:val="{r}"/>' for r in d.rsids)
    protection = '<w:documentProtection w:edit="forms" w:enforcement="1"/>' if d.protected else ""
    return ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
            '<w:settings xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" '
            'xmlns:w14="http://schemas.microsoft.com/office/word/2010/wordml">'
            f'<w:zoom w:percent="100"/>{protection}<w:defaultTabStop w:val="720"/><w:characterSpacingControl w:val="doNotCompress"/>'
            f'<w:compat><w:compatSetting w:name="compatibilityMode" w:uri="http://schemas.microsoft.com/office/word" w:val="15"/></w:compat>'
            f'<w:rsids><w:rsidRoot w:val="{d.rsids[0]}"/>{rsids}</w:rsids><w:themeFontLang w:val="en-GB"/>'
            '<w:decimalSymbol w:val="."/><w:listSeparator w:val=","/></w:settings>')


class FixedTimeZip:
    """Writes every entry with the same time, so that the same seed gives the same bytes."""

    def __init__(self, archive):
        self.archive = archive

    def writestr(self, name, data):
        info = zipfile.ZipInfo(name, date_time=(2025, 11, 12, 16, 30, 0))
        info.compress_type = zipfile.ZIP_DEFLATED
        self.archive.writestr(info, data)


def package(path, d, body_parts, comments=False, part_name="word/document.xml"):
    w = d.w
    sect = (f'<{w}:sectPr {w}:rsidR="{d.rsid()}"><{w}:headerReference {w}:type="default" r:id="rId8"/>'
            f'<{w}:footerReference {w}:type="default" r:id="rId9"/><{w}:pgSz {w}:w="11906" {w}:h="16838"/>'
            f'<{w}:pgMar {w}:top="1440" {w}:right="1440" {w}:bottom="1440" {w}:left="1440" {w}:header="708" {w}:footer="708" {w}:gutter="0"/>'
            f'<{w}:cols {w}:space="708"/><{w}:docGrid {w}:linePitch="360"/></{w}:sectPr>')
    document = (f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<{w}:document {ns_decl(w)}><{w}:body>'
                + "".join(body_parts) + sect + f"</{w}:body></{w}:document>")
    folder, leaf = part_name.rsplit("/", 1)
    rels = ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
            '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
            '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/>'
            '<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/settings" Target="settings.xml"/>'
            '<Relationship Id="rId4" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/fontTable" Target="fontTable.xml"/>'
            '<Relationship Id="rId5" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/theme" Target="theme/theme1.xml"/>'
            '<Relationship Id="rId8" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/header" Target="header1.xml"/>'
            '<Relationship Id="rId9" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/footer" Target="footer1.xml"/>'
            + ('<Relationship Id="rId10" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/comments" Target="comments.xml"/>' if comments else "")
            + "</Relationships>")
    ct = ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
          '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
          '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
          '<Default Extension="xml" ContentType="application/xml"/>'
          f'<Override PartName="/{part_name}" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/>'
          f'<Override PartName="/{folder}/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.styles+xml"/>'
          f'<Override PartName="/{folder}/settings.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.settings+xml"/>'
          f'<Override PartName="/{folder}/fontTable.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.fontTable+xml"/>'
          f'<Override PartName="/{folder}/theme/theme1.xml" ContentType="application/vnd.openxmlformats-officedocument.theme+xml"/>'
          f'<Override PartName="/{folder}/header1.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.header+xml"/>'
          f'<Override PartName="/{folder}/footer1.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.footer+xml"/>'
          + (f'<Override PartName="/{folder}/comments.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.comments+xml"/>' if comments else "")
          + '<Override PartName="/docProps/core.xml" ContentType="application/vnd.openxmlformats-package.core-properties+xml"/>'
          '<Override PartName="/docProps/app.xml" ContentType="application/vnd.openxmlformats-officedocument.extended-properties+xml"/></Types>')
    root_rels = ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
                 '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
                 '<Relationship Id="rId3" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/extended-properties" Target="docProps/app.xml"/>'
                 '<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties" Target="docProps/core.xml"/>'
                 f'<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="{part_name}"/>'
                 "</Relationships>")
    core = ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
            '<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" '
            'xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/" '
            'xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"><dc:title>Personal Education Plan</dc:title>'
            '<dc:creator>Virtual School</dc:creator><cp:lastModifiedBy>Designated Teacher</cp:lastModifiedBy><cp:revision>4</cp:revision>'
            '<dcterms:created xsi:type="dcterms:W3CDTF">2025-09-01T08:00:00Z</dcterms:created>'
            '<dcterms:modified xsi:type="dcterms:W3CDTF">2025-11-12T16:30:00Z</dcterms:modified></cp:coreProperties>')
    app = ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
           '<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/extended-properties">'
           '<Template>PEP-template-2025.dotx</Template><TotalTime>42</TotalTime><Pages>6</Pages><Application>Microsoft Office Word</Application>'
           '<DocSecurity>8</DocSecurity><AppVersion>16.0000</AppVersion></Properties>')
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
        z = FixedTimeZip(archive)
        z.writestr("[Content_Types].xml", ct)
        z.writestr("_rels/.rels", root_rels)
        z.writestr(part_name, document)
        z.writestr(f"{folder}/_rels/{leaf}.rels", rels)
        z.writestr(f"{folder}/styles.xml", STYLES)
        z.writestr(f"{folder}/settings.xml", settings(d))
        z.writestr(f"{folder}/fontTable.xml", FONTS)
        z.writestr(f"{folder}/theme/theme1.xml", THEME)
        z.writestr(f"{folder}/header1.xml", header_xml(d, "header"))
        z.writestr(f"{folder}/footer1.xml", header_xml(d, "footer"))
        if comments:
            z.writestr(f"{folder}/comments.xml", COMMENTS)
        z.writestr("docProps/core.xml", core)
        z.writestr("docProps/app.xml", app)


def make(path, style, quality, seed, prefix="w", part_name="word/document.xml", pad_kb=0):
    rng = random.Random(seed)
    p = fake_pep(rng, quality)
    d = Doc(rng, prefix)
    d.protected = style in ("controls", "legacy")
    if style == "unstructured":
        parts = unstructured_body(d, p)
    elif style == "mixed":
        parts = body_for(d, "tables", p, mixed=True) + mixed_extras(d, p)
    else:
        parts = body_for(d, style, p)
    if pad_kb:
        parts = pad_body(d, p, parts, pad_kb, seed)
    package(path, d, parts, comments=(style == "mixed"), part_name=part_name)
    return p


SAMPLES = [
    ("pep-content-controls-good.docx", "controls", "good", 11, "w", "word/document.xml"),
    ("pep-legacy-form-fields-good.docx", "legacy", "good", 12, "w", "word/document.xml"),
    ("pep-label-tables-good.docx", "tables", "good", 13, "w", "word/document.xml"),
    ("pep-label-tables-gaps.docx", "tables", "gaps", 14, "w", "word/document.xml"),
    # Saved by another tool: a different namespace prefix and main part name.
    ("pep-mixed-tracked-changes.docx", "mixed", "good", 15, "ns0", "word/document2.xml"),
    ("pep-free-text-unstructured.docx", "unstructured", "gaps", 16, "w", "word/document.xml"),
    # Two more children whose forms scripts/resave-with-libreoffice.sh re-saves in LibreOffice Writer.
    ("pep-content-controls-libreoffice.docx", "controls", "good", 17, "w", "word/document.xml"),
    ("pep-legacy-form-fields-libreoffice.docx", "legacy", "good", 18, "w", "word/document.xml"),
]


# ---------------------------------------------------------------------------------------------
# The truth: what a perfect reader extracts (for scripts/field-accuracy.py)

PLACEHOLDERS = {"", "N/A", "TBC"}


def truth_of(p, style):
    """Flat `path -> expected value` (text as written, dates ISO, booleans) for every field the
    document holds. A blank or a placeholder is expected to read as nothing (None)."""
    if style == "unstructured":
        return {"meeting.date": None, "child.la_id": None}

    def val(v):
        if v is None or (isinstance(v, str) and v.strip() in PLACEHOLDERS):
            return None
        if isinstance(v, bool):
            return v
        if isinstance(v, dt.date):
            return v.isoformat()
        return str(v)

    t = {}
    for _, fields in SCALARS:
        for path, _, _ in fields:
            t[path] = val(p.get(path))
    for path, _, _ in NARRATIVE + SIGN_OFF:
        t[path] = val(p.get(path))
    lists = [("meeting.attendees", ["name", "role"], p["attendees"]),
             ("attainment", ["subject", "current", "target", "progress"], p["attainment"]),
             ("previous_targets", ["description", "outcome", "comment"], p["previous_targets"]),
             ("targets", ["area", "description", "success_criteria", "actions", "owner", "frequency", "review_date"], p["targets"]),
             ("ppplus.requests", ["intervention", "target_ref", "amount", "intended_impact", "provider"], p["ppplus"])]
    for path, names, records in lists:
        for i, rec in enumerate(r for r in records if any(val(x) for x in r)):
            for name, v in zip(names, rec):
                t[f"{path}[{i}].{name}"] = val(v)
    if style == "mixed":  # the extras: a merged-cell target table and a nested Boxall table
        extra = [("Social skills", "Join a lunchtime club", "Attends weekly for six weeks", None, "Learning mentor", "Weekly", "2025-12-12"),
                 ("Social skills", "Ask an adult for help when stuck", "Uses help card in 4 of 5 lessons", None, "Class teacher", "Daily", "2025-12-12")]
        base = len(p["targets"])
        for j, rec in enumerate(extra):
            for name, v in zip(["area", "description", "success_criteria", "actions", "owner", "frequency", "review_date"], rec):
                t[f"targets[{base + j}].{name}"] = v
        t["child_voice"] = val(p["child_voice"]) or "No views recorded."  # the updated voice table's wording
        t["boxall.completed_on"] = "2025-11-03"
        t["boxall.attached"] = True
    return t


def write_truth(folder, name, p, style):
    if folder:
        os.makedirs(folder, exist_ok=True)
        with open(os.path.join(folder, name.replace(".docx", ".truth.json")), "w") as f:
            json.dump(truth_of(p, style), f, indent=1, sort_keys=True)


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--count", type=int, default=0, help="write N varied documents instead of the samples")
    ap.add_argument("--out", default=None, help="output folder (default SampleInbox/docx)")
    ap.add_argument("--seed", type=int, default=2025)
    ap.add_argument("--truth", default=None, help="also write <name>.truth.json (the fields a perfect reader finds) here")
    ap.add_argument("--pad-kb", type=int, default=0,
                    help="with --count: pad each main part (word/document.xml) to about N KB with appendix "
                         "paragraphs and tables that hold no field (benchmarks; default: no padding)")
    args = ap.parse_args()
    here = os.path.dirname(os.path.abspath(__file__))
    out = args.out or os.path.join(here, "..", "SampleInbox", "docx")
    os.makedirs(out, exist_ok=True)
    if args.count:
        rng = random.Random(args.seed)
        styles = ["controls", "legacy", "tables", "mixed"]
        for i in range(args.count):
            style = styles[i % len(styles)]
            quality = "gaps" if rng.random() < 0.3 else "good"
            name = f"pep-{i:04d}-{style}.docx"
            p = make(os.path.join(out, name), style, quality, rng.randint(0, 2**31), prefix=rng.choice(["w", "w", "w", "ns0"]),
                     pad_kb=args.pad_kb)
            write_truth(args.truth, name, p, style)
        print(f"wrote {args.count} documents to {out}")
        return
    for name, style, quality, seed, prefix, part in SAMPLES:
        p = make(os.path.join(out, name), style, quality, seed, prefix, part)
        write_truth(args.truth, name, p, style)
        print(os.path.join(out, name))


if __name__ == "__main__":
    main()
