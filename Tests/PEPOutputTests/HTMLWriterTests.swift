import PEPModel
import Testing

@testable import PEPOutput

/// `HTMLWriter` escapes exactly what Mustache escaped, so a value can neither open a tag nor
/// leave an attribute (each fails if its entity is dropped from `text`).
@Test(arguments: [
    ("<script>", "&lt;script&gt;"), ("a & b", "a &amp; b"), ("\" onmouseover=\"x", "&quot; onmouseover=&quot;x"),
    ("' onfocus='x", "&#39; onfocus=&#39;x"), ("Zoë’s café – £5", "Zoë’s café – £5"), ("", ""),
])
func htmlWriterEscapesEveryValue(value: String, escaped: String) {
    var w = HTMLWriter()
    w.element("<td title=\"", value, "\">")
    #expect(w.html == "<td title=\"" + escaped + "\">")
}

@Test func htmlWriterWritesNumbersAndBadgesEscaped() {
    var w = HTMLWriter()
    w.text(-42)
    w.badge("<b>Red</b>", kind: "red\" onclick=\"x")
    #expect(w.html == "-42<span class=\"badge red&quot; onclick=&quot;x\">&lt;b&gt;Red&lt;/b&gt;</span>")
}

/// The QA report, a term's pages and the VSH's figures are written by `HTMLWriter`: markup in
/// a PEP, a register row or a figure shows as text on each.
@Test func pagesWrittenByHTMLWriterShowMarkupAsText() {
    let figure = StatisticsFigure(
        academicYear: "2025/26", term: .autumn, groupKind: "school", group: "<img src=x onerror=alert(1)>",
        name: "quality_red", value: "1")
    for page in [TrackerPages.statistics([figure]), TrackerPages.statistics([figure], year: "2025/26")] {
        #expect(page.contains("&lt;img src=x onerror=alert(1)&gt;"))
        #expect(!page.contains("<img"))
    }
    let summary = TrackerPages.TermSummary(
        TrackerPages.TermTracker(label: "Autumn <i>2025</i>", stem: "2025-26-autumn", rows: []), figures: [figure])
    let index = TrackerPages.index(
        terms: [summary], initial: [], figures: [figure], registerLine: "", skipped: 0,
        refreshed: CalendarDate(year: 2025, month: 12, day: 1)!)
    #expect(index.contains("Autumn &lt;i&gt;2025&lt;/i&gt;") && !index.contains("<i>"))
}
