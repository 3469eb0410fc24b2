/// The one style sheet every static page carries, inline (`HTMLWriter.page`).
///
/// Pages carry their CSS inline and load nothing from outside (council networks block CDNs,
/// and a coordinator may open a report from a file share).
package enum HTML {
    static let style: StaticString = """
        body{font-family:system-ui,-apple-system,"Segoe UI",Arial,sans-serif;margin:0 auto;max-width:1100px;padding:1.5rem;color:#1b1b1b;line-height:1.45}
        h1{font-size:1.6rem;margin:.2rem 0 1rem}h2{font-size:1.25rem;margin-top:2rem;border-bottom:2px solid #ddd;padding-bottom:.2rem}h3{font-size:1.05rem;margin:1.2rem 0 .4rem}
        table{border-collapse:collapse;width:100%;margin:.5rem 0 1rem;font-size:.93rem}th,td{border:1px solid #ccc;padding:.35rem .5rem;text-align:left;vertical-align:top}th{background:#f2f2f2}
        .badge{display:inline-block;padding:.1rem .55rem;border-radius:.8rem;font-weight:600;font-size:.85rem;border:1px solid transparent}
        .red{background:#fde2e1;color:#8a1c16;border-color:#e8a29e}.amber{background:#fff1d6;color:#7a4a00;border-color:#f0c36d}.green{background:#e1f4e4;color:#1d5e2a;border-color:#93cf9f}
        .grey,.na{background:#eee;color:#444;border-color:#ccc}.pass{color:#1d5e2a}.fail{color:#8a1c16;font-weight:600}
        .summary{display:flex;gap:1.5rem;flex-wrap:wrap;margin:.5rem 0 1rem}.summary div{min-width:10rem}
        .muted{color:#555;font-size:.88rem}td.id{white-space:nowrap}.evidence{font-size:.85rem;color:#333}.feedback{background:#fafafa;border-left:4px solid #bbb;padding:.3rem .6rem;margin:.3rem 0}
        .notice{border:1px solid #e8a29e;background:#fff6f5;padding:.6rem .8rem;margin:1rem 0}
        nav a{margin-right:1rem}
        @media print{body{max-width:none;padding:0}nav,.filters{display:none}a{color:inherit;text-decoration:none}h2{page-break-after:avoid}tr{page-break-inside:avoid}}
        """
}
