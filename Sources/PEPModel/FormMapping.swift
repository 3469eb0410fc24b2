/// How a school's Word template names the contract's fields: label wordings, legacy form-field
/// names and list tables, each tied to a field path.
///
/// It is a value with no I/O: `FormMappingLoader` (PEPRules) builds it from
/// `Rules/docx-mapping.yaml`, so a Virtual School adapts the reader to its own template by editing
/// that file, not Swift. Lookups compare labels with `TextFolding.key` (case, punctuation,
/// surrounding blanks and a trailing colon do not matter) and legacy names without case.
public struct FormMapping: Sendable, Hashable {
    /// One wording of a scalar field's label, with an optional map from the wordings a school
    /// writes next to it to the field's canonical value ("Is this the initial PEP?": Yes ->
    /// `initial`).
    public struct Label: Sendable, Hashable {
        public var text: String
        public var path: FieldPath
        /// Folded value wording (`TextFolding.key`) -> the value to record instead.
        public var values: [String: String]

        public init(text: String, path: FieldPath, values: [String: String] = [:]) {
            self.text = text
            self.path = path
            self.values = Dictionary(values.map { (TextFolding.key($0.key), $0.value) }, uniquingKeysWith: { a, _ in a })
        }

        /// The value to record for what the school wrote, after the value map.
        public func mapped(_ raw: RawValue) -> RawValue {
            guard !values.isEmpty else { return raw }
            let key: String
            switch raw {
            case .text(let t): key = TextFolding.key(t)
            case .checkbox(let b), .boolean(let b): key = b ? "yes" : "no"
            default: return raw
            }
            return values[key].map(RawValue.text) ?? raw
        }
    }

    /// A table that carries a list: its path, the header wordings of each record field, and the
    /// heading wordings that name it when the header alone is ambiguous.
    public struct ListTable: Sendable, Hashable {
        public var path: FieldPath
        public var headings: [String]
        /// Header wording -> record field name (`"By when"` -> `review_date`).
        public var columns: [String: String]

        public init(path: FieldPath, headings: [String], columns: [String: String]) {
            self.path = path
            self.headings = headings
            self.columns = columns
            columnIndex = Dictionary(columns.map { (TextFolding.key($0.key), $0.value) }, uniquingKeysWith: { a, _ in a })
            headingKeys = headings.map(TextFolding.key).filter { !$0.isEmpty }
            headingNeedles = headingKeys.map { Array((" " + $0 + " ").utf8) }
        }

        private let columnIndex: [String: String]
        /// Folded heading wordings.
        public let headingKeys: [String]
        /// Each heading key between spaces, as bytes, for `list(forHeading:)`.
        let headingNeedles: [[UInt8]]

        /// The record field a header cell names, if any.
        public func field(forHeader text: String) -> String? {
            FormMapping.lookup(text, in: columnIndex)
        }
    }

    public private(set) var labels: [Label]
    public private(set) var legacyNames: [String: FieldPath]
    public private(set) var lists: [ListTable]

    private var labelIndex: [String: Label] = [:]
    private var legacyIndex: [String: FieldPath] = [:]
    /// Every label's value map of a field, merged: how answers to that field are worded.
    private var valueMaps: [FieldPath: Label] = [:]

    public init(labels: [Label], legacyNames: [String: FieldPath], lists: [ListTable]) {
        self.labels = labels
        self.legacyNames = legacyNames
        self.lists = lists
        for label in labels where labelIndex[TextFolding.key(label.text)] == nil {
            labelIndex[TextFolding.key(label.text)] = label
        }
        for (name, path) in legacyNames { legacyIndex[name.lowercased()] = path }
        for label in labels where !label.values.isEmpty {
            valueMaps[label.path, default: Label(text: "", path: label.path)].values.merge(label.values) { a, _ in a }
        }
    }

    /// A value read for `path` by tag or legacy name, through the value maps of the field's
    /// labels (a legacy `PEPType` field holding `Yes` means `initial`).
    public func mapped(_ raw: RawValue, for path: FieldPath) -> RawValue {
        valueMaps[path]?.mapped(raw) ?? raw
    }

    /// The label rule a cell's text names, if any. A parenthesised hint the template adds
    /// (`Date of birth (dd/mm/yyyy)`) is tried without the hint as well.
    public func label(for text: String) -> Label? {
        Self.lookup(text, in: labelIndex)
    }

    /// The field a legacy form field's name stands for (Word bookmark names ignore case).
    public func path(forLegacyName name: String) -> FieldPath? {
        legacyIndex[name.lowercased()]
    }

    /// The list table whose heading wording a paragraph holds: the longest heading wording that
    /// appears in the text as whole words wins (`Review of previous targets` beats `Targets`).
    public func list(forHeading text: String) -> (list: ListTable, strength: Int)? {
        let key = " " + TextFolding.key(text) + " "
        guard key.count > 2 else { return nil }
        var best: (ListTable, Int)?
        // A plain byte search over precomputed needles: Foundation's `contains` bridges to
        // NSString and `firstRange(of:)` resolves to Foundation's generic DataProtocol one, both
        // slow, and this runs for every paragraph of a Word form.
        let haystack = Array(key.utf8)
        for list in lists {
            for (heading, needle) in zip(list.headingKeys, list.headingNeedles) where Self.contains(haystack, needle) {
                if heading.count > (best?.1 ?? 0) { best = (list, heading.count) }
            }
        }
        return best
    }

    /// Whether `needle` occurs in `haystack`.
    static func contains(_ haystack: [UInt8], _ needle: [UInt8]) -> Bool {
        guard let first = needle.first else { return true }
        guard needle.count <= haystack.count else { return false }
        var i = 0
        let last = haystack.count - needle.count
        while i <= last {
            if haystack[i] == first {
                var j = 1
                while j < needle.count, haystack[i + j] == needle[j] { j += 1 }
                if j == needle.count { return true }
            }
            i += 1
        }
        return false
    }

    /// The list table for a path.
    public func list(_ path: FieldPath) -> ListTable? { lists.first { $0.path == path } }

    static func lookup<V>(_ text: String, in index: [String: V]) -> V? {
        let key = TextFolding.key(text)
        guard !key.isEmpty else { return nil }
        if let hit = index[key] { return hit }
        // A byte search: `contains("(")` with Foundation imported bridges to NSString, and
        // this runs for every label cell of a Word form.
        guard text.utf8.contains(UInt8(ascii: "(")) else { return nil }
        var stripped = ""
        var depth = 0
        for ch in text {
            if ch == "(" { depth += 1 } else if ch == ")" { depth = max(0, depth - 1) } else if depth == 0 { stripped.append(ch) }
        }
        let strippedKey = TextFolding.key(stripped)
        return strippedKey.isEmpty ? nil : index[strippedKey]
    }

    public static func == (a: FormMapping, b: FormMapping) -> Bool {
        a.labels == b.labels && a.legacyNames == b.legacyNames && a.lists == b.lists
    }

    public func hash(into hasher: inout Hasher) {
        hasher.combine(labels)
        hasher.combine(lists)
    }
}
