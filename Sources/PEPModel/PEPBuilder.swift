/// A document read into the canonical model, with what the reading noticed.
public struct ReadResult: Sendable, Hashable {
    public var pep: PEP
    public var format: DocumentFormat
    /// Values present but unreadable, unknown keys, duplicates: shown to the coordinator.
    public var issues: [FieldIssue]
    /// Labelled content that maps to no field (template mismatch).
    public var unmapped: [UnmappedContent]
    /// Paths whose slot the reader found, given or blank. A required path missing here was
    /// not found at all (template mismatch); one found but with no value is the school's gap.
    public var found: Set<FieldPath>
    /// How the document was read when not directly (see `ExtractedDocument.readVia`).
    public var readVia: ReadVia?

    public init(
        pep: PEP, format: DocumentFormat, issues: [FieldIssue] = [], unmapped: [UnmappedContent] = [],
        found: Set<FieldPath> = []
    ) {
        (self.pep, self.format, self.issues, self.unmapped, self.found) = (pep, format, issues, unmapped, found)
    }
}

/// Turns what a reader extracted into the typed PEP, through the one set of value rules.
public enum PEPBuilder {
    public static func build(_ doc: ExtractedDocument) -> ReadResult {
        var pep = PEP()
        var issues = doc.issues
        var found = Set<FieldPath>()
        for item in doc.scalars {
            guard let binding = FieldCatalogue.scalar(item.path) else {
                issues.append(FieldIssue(path: item.path, source: item.source, message: "is not a field of the PEP contract"))
                continue
            }
            found.insert(item.path)
            do {
                guard let value = try binding.normalise(item.raw) else { continue }
                if let existing = binding.get(pep) {
                    if existing.value != value {
                        issues.append(
                            FieldIssue(
                                path: item.path, source: item.source,
                                message: "is given twice with different values; the first (\(existing.source?.location ?? "?")) is used"))
                    }
                    continue
                }
                binding.set(&pep, Field(value, source: item.source))
            } catch {
                issues.append(FieldIssue(path: item.path, source: item.source, message: "could not be read: \(error)"))
            }
        }
        for list in doc.lists {
            guard let binding = FieldCatalogue.list(list.path) else {
                issues.append(FieldIssue(path: list.path, source: nil, message: "is not a list of the PEP contract"))
                continue
            }
            found.insert(list.path)
            var records = binding.get(pep)
            for raw in list.records {
                if let record = buildRecord(raw, list: binding, issues: &issues, found: &found) { records.append(record) }
            }
            binding.set(&pep, records)
        }
        var result = ReadResult(pep: pep, format: doc.format, issues: issues, unmapped: doc.unmapped, found: found)
        result.readVia = doc.readVia
        return result
    }

    /// One record; nil when every value in it is blank (an empty table row).
    static func buildRecord(
        _ raw: ExtractedRecord, list: ListBinding, issues: inout [FieldIssue], found: inout Set<FieldPath>
    ) -> PEPRecord? {
        var record = PEPRecord(source: raw.source)
        for value in raw.values {
            let path = list.path.member(value.field)
            guard list.kind(of: value.field) != nil else {
                issues.append(FieldIssue(path: path, source: value.source, message: "is not a field of the PEP contract"))
                continue
            }
            found.insert(path)
            do {
                guard let normalised = try list.normalise(field: value.field, value.raw) else { continue }
                if record.fields[value.field] == nil {
                    record.fields[value.field] = Field(normalised, source: value.source)
                }
            } catch {
                issues.append(FieldIssue(path: path, source: value.source, message: "could not be read: \(error)"))
            }
        }
        return record.fields.isEmpty ? nil : record
    }
}
