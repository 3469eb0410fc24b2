import struct Foundation.Decimal

/// One field of the contract bound to its typed property: the path, the type, and how to get
/// and set it as a `FieldValue`.
///
/// `Root` is `PEP` for scalar fields and the record type for a list's fields. Tables of these
/// (`FieldCatalogue`) let rules, exports and the canonical JSON work on any field by its path
/// while the model itself stays typed.
public struct FieldBinding<Root>: Sendable {
    /// The full path for a scalar (`child.upn`); the record field's name for a list (`area`).
    public let name: String
    public let kind: FieldKind
    let parseChoice: @Sendable (String) -> String?
    let getter: @Sendable (Root) -> Field<FieldValue>?
    let setter: @Sendable (inout Root, Field<FieldValue>?) -> Void

    public func get(_ root: Root) -> Field<FieldValue>? { getter(root) }
    public func set(_ root: inout Root, _ value: Field<FieldValue>?) { setter(&root, value) }

    /// Normalises a raw value for this field (see `ValueNormaliser`).
    public func normalise(_ raw: RawValue) throws(ValueProblem) -> FieldValue? {
        try ValueNormaliser.normalise(raw, as: kind, parseChoice: parseChoice)
    }

    init(
        _ name: String, _ kind: FieldKind, parseChoice: @escaping @Sendable (String) -> String? = { _ in nil },
        get: @escaping @Sendable (Root) -> Field<FieldValue>?,
        set: @escaping @Sendable (inout Root, Field<FieldValue>?) -> Void
    ) {
        (self.name, self.kind, self.parseChoice, self.getter, self.setter) = (name, kind, parseChoice, get, set)
    }
}

extension FieldBinding {
    typealias Path<T: Sendable & Hashable> = WritableKeyPath<Root, Field<T>?> & Sendable

    static func typed<T>(
        _ name: String, _ kind: FieldKind, _ kp: any Path<T>,
        wrap: @escaping @Sendable (T) -> FieldValue, unwrap: @escaping @Sendable (FieldValue) -> T?,
        parseChoice: @escaping @Sendable (String) -> String? = { _ in nil }
    ) -> FieldBinding {
        FieldBinding(
            name, kind, parseChoice: parseChoice,
            get: { root in root[keyPath: kp].map { $0.map(wrap) } },
            set: { root, field in
                root[keyPath: kp] = field.flatMap { f in unwrap(f.value).map { Field($0, source: f.source) } }
            })
    }

    static func text(_ name: String, _ kp: any Path<String>) -> FieldBinding {
        typed(name, .text, kp, wrap: { .text($0) }, unwrap: { $0.text })
    }

    static func date(_ name: String, _ kp: any Path<CalendarDate>) -> FieldBinding {
        typed(name, .date, kp, wrap: { .date($0) }, unwrap: { $0.date })
    }

    static func boolean(_ name: String, _ kp: any Path<Bool>) -> FieldBinding {
        typed(name, .boolean, kp, wrap: { .boolean($0) }, unwrap: { $0.boolean })
    }

    static func money(_ name: String, _ kp: any Path<Pence>) -> FieldBinding {
        typed(name, .money, kp, wrap: { .money($0) }, unwrap: { $0.money })
    }

    static func integer(_ name: String, _ kp: any Path<Int>, range: ClosedRange<Int>? = nil) -> FieldBinding {
        typed(
            name, .integer(range), kp, wrap: { .integer($0) },
            unwrap: { if case .integer(let i) = $0 { return i } else { return nil } })
    }

    static func decimal(_ name: String, _ kp: any Path<Decimal>, range: ClosedRange<Decimal>? = nil) -> FieldBinding {
        typed(
            name, .decimal(range), kp, wrap: { .decimal($0) },
            unwrap: { if case .decimal(let d) = $0 { return d } else { return nil } })
    }

    /// An enumeration; `parse` reads a school's wording (defaults to `E.parse`).
    static func choice<E: ContractEnum>(
        _ name: String, _ kp: any Path<E>, parse: @escaping @Sendable (String) -> E? = { E.parse($0) }
    ) -> FieldBinding {
        typed(
            name, .choice(E.canonicalSpellings), kp, wrap: { .text($0.rawValue) },
            unwrap: { $0.text.flatMap(E.init(rawValue:)) }, parseChoice: { parse($0)?.rawValue })
    }
}
