import Testing
@testable import PEPModel

private func samplePEP() -> PEP {
    var pep = PEP()
    pep.child.upn = Field("H801200001001")
    pep.meeting.date = Field(CalendarDate(year: 2025, month: 11, day: 7)!)
    pep.attendance.percentage = Field(.init(string: "92.5")!)
    pep.wellbeing.sdqScore = Field(14)
    pep.child.send.status = Field(.senSupport)
    pep.signOff.confirmed = Field(true)
    var request = PEP.PPRequest()
    request.amount = Field(Pence(55_000))
    request.intervention = Field("Tutoring")
    pep.ppplus.requests = [request]
    return pep
}

private func members(_ value: JSONValue) -> [(String, JSONValue)] {
    if case .object(let m) = value { return m }
    return []
}

private func member(_ value: JSONValue, _ path: String) -> JSONValue? {
    var current: JSONValue? = value
    for key in path.split(separator: ".") {
        current = current.flatMap { members($0).first { $0.0 == key }?.1 }
    }
    return current
}

@Test func canonicalJSONStartsWithTheSchemaTag() {
    let json = samplePEP().canonicalJSON
    #expect(members(json).first?.0 == "schema")
    #expect(members(json).first?.1 == .string("pep/1"))
    #expect(json.serialized(pretty: false).hasPrefix(#"{"schema":"pep/1","pep":{"type":null"#))
}

@Test func canonicalJSONNestsObjectsAlongThePaths() {
    let json = samplePEP().canonicalJSON
    #expect(member(json, "child.upn") == .string("H801200001001"))
    #expect(member(json, "child.send.status") == .string("sen-support"))
    #expect(member(json, "sign_off.designated_teacher.name") == .null)
    #expect(member(json, "sign_off.confirmed") == .bool(true))
    #expect(members(json).map(\.0) == [
        "schema", "pep", "child", "school", "social_worker", "meeting", "attendance", "exclusions", "wellbeing",
        "attainment", "previous_targets", "targets", "child_voice", "carer_views", "boxall", "ppplus", "transition",
        "careers", "sign_off",
    ])
    #expect(members(member(json, "meeting") ?? .null).map(\.0) == [
        "date", "next_date", "child_attended", "child_absence_reason", "attendees",
    ])
}

@Test func canonicalJSONWritesDatesMoneyAndNumbersCanonically() {
    let json = samplePEP().canonicalJSON
    #expect(member(json, "meeting.date") == .string("2025-11-07"))
    #expect(member(json, "attendance.percentage") == .number("92.5"))
    #expect(member(json, "wellbeing.sdq_score") == .number("14"))
    #expect(member(json, "ppplus.requests") == .array([.object([
        ("intervention", .string("Tutoring")), ("target_ref", .null), ("amount", .string("550.00")),
        ("intended_impact", .null), ("provider", .null),
    ])]))
}

@Test func canonicalJSONHasEveryContractKeyEvenWhenEmpty() {
    let json = PEP().canonicalJSON
    for binding in FieldCatalogue.scalars {
        #expect(member(json, binding.name) == .null, "\(binding.name)")
    }
    for list in FieldCatalogue.lists {
        #expect(member(json, list.path.rawValue) == .array([]), "\(list.path)")
    }
}

@Test func canonicalJSONIsByteForByteStable() {
    #expect(samplePEP().canonicalJSON.serialized() == samplePEP().canonicalJSON.serialized())
    #expect(samplePEP().canonicalJSON.serialized().contains("\n  \"child\": {\n    \"la_id\": null,"))
}
