import Foundation
import PEPModel
import Testing
import PEPTestSupport
@testable import PEPReaders

@Test func theEmbeddedXSDEqualsThePublishedFileByteForByte() throws {
    let published = try Data(contentsOf: Repository.root.appendingPathComponent("docs/schema/pep-1.xsd"))
    #expect(Array(published) == PEPSchema.xsd)
}

/// The members of a JSON object node by key.
private func members(_ node: JSONNode?) -> [String: JSONNode] {
    guard let node, case .object(let list) = node.value else { return [:] }
    return Dictionary(uniqueKeysWithValues: list.map { ($0.key, $0.value) })
}

private func string(_ node: JSONNode?) -> String? {
    guard let node, case .string(let s) = node.value else { return nil }
    return s
}

/// The contract paths a JSON Schema object definition describes, following `$ref`s; dotted
/// (flat) keys are collected apart, as full paths.
private func describedPaths(
    _ definition: JSONNode?, prefix: String, defs: [String: JSONNode], paths: inout Set<FieldPath>, flat: inout [String]
) {
    let scalarDefs: Set<String> = ["text", "choice", "date", "integer", "decimal", "money", "boolean"]
    for (key, property) in members(members(definition)["properties"]) {
        let path = prefix.isEmpty ? key : "\(prefix).\(key)"
        if JSONPEPReader.envelopeKeys.contains(key) && prefix.isEmpty { continue }
        if key.contains(".") {
            flat.append(path)
            continue
        }
        guard let name = string(members(property)["$ref"])?.replacingOccurrences(of: "#/$defs/", with: "") else {
            Issue.record("no $ref at \(path)")
            continue
        }
        if scalarDefs.contains(name) {
            paths.insert(FieldPath(path))
        } else if let items = members(defs[name])["items"] {
            paths.insert(FieldPath(path))
            let itemName = string(members(items)["$ref"])?.replacingOccurrences(of: "#/$defs/", with: "") ?? ""
            for field in members(members(defs[itemName])["properties"]).keys {
                paths.insert(FieldPath(path).member(field))
            }
        } else {
            describedPaths(defs[name], prefix: path, defs: defs, paths: &paths, flat: &flat)
        }
    }
}

@Test func thePublishedJSONSchemaDescribesExactlyTheContract() throws {
    let schema = try JSONParser.parse(Fixture.bytes("../../../docs/schema/pep-1.schema.json"))
    let defs = members(members(schema)["$defs"])
    var paths = Set<FieldPath>()
    var flat: [String] = []
    describedPaths(schema, prefix: "", defs: defs, paths: &paths, flat: &flat)
    #expect(paths == Set(FieldCatalogue.allPaths))
    #expect(string(members(members(schema)["properties"])["schema"].flatMap { members($0)["const"] }) == "pep/1")
    // Every flat dotted key the schema allows is one the reader resolves.
    #expect(!flat.isEmpty)
    #expect(flat.filter { ContractShape.node(at: $0) == nil } == [])
}

@Test func theStandardRegistryReadsJSONAndXML() throws {
    let registry = ReaderRegistry(ReaderRegistry.structuredReaders)
    #expect(registry.formats == [.json, .xml])
    let json = try registry.read(Fixture.bytes("complete.json"), file: "complete.json")
    let xml = try registry.read(Fixture.bytes("complete.xml"), file: "complete.xml")
    #expect(json.format == .json && xml.format == .xml)
    #expect(json.pep.child.upn?.value == "H801200001001")
    #expect(xml.pep.child.upn?.value == "H801200001001")
}
