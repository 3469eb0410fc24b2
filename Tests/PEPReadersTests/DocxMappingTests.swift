import Foundation
import PEPModel
import PEPRules
import Testing

/// The shipped `Rules/docx-mapping.yaml` and the loader's checks.
@Suite struct DocxMappingTests {
    @Test func theShippedMappingLoadsAndCoversEveryScalarOfTheContract() {
        let mapped = Set(Docx.mapping.labels.map(\.path))
        let missing = FieldCatalogue.scalars.map { FieldPath($0.name) }.filter { !mapped.contains($0) }
        #expect(missing.isEmpty, "no label for \(missing)")
        #expect(Set(Docx.mapping.legacyNames.values) == mapped)
        #expect(Set(Docx.mapping.lists.map(\.path)) == Set(FieldCatalogue.lists.map(\.path)))
    }

    @Test func everyContractLabelAndLegacyNameIsMapped() {
        let samples: [(String, FieldPath)] = [
            ("Eclipse ID", "child.la_id"), ("Unique Pupil Number", "child.upn"), ("NC year", "child.year_group"),
            ("Date became looked after", "child.care_start_date"), ("SEND (None / SEN Support / EHCP)", "child.send.status"),
            ("Date of last EHCP annual review", "child.send.ehcp_review_date"), ("DfE URN", "school.urn"),
            ("Next PEP review date", "meeting.next_date"), ("Attendance %", "attendance.percentage"),
            ("Fixed-term exclusion days", "exclusions.suspension_days"), ("Strengths and Difficulties score", "wellbeing.sdq_score"),
            ("What I think", "child_voice"), ("Impact of last term's PP+", "ppplus.previous_impact"),
            ("Signed off by (Designated Teacher)", "sign_off.designated_teacher.name"),
        ]
        for (label, path) in samples { #expect(Docx.mapping.label(for: label)?.path == path, "\(label)") }
        let legacy: [(String, FieldPath)] = [("PEPType", "pep.type"), ("ChildAbsReason", "meeting.child_absence_reason"), ("DTSignOff", "sign_off.confirmed")]
        for (name, path) in legacy { #expect(Docx.mapping.path(forLegacyName: name) == path) }
    }

    @Test func headerWordingsNameTheirRecordFields() {
        #expect(Docx.mapping.list("targets")?.field(forHeader: "By when") == "review_date")
        #expect(Docx.mapping.list("ppplus.requests")?.field(forHeader: "Cost (£)") == "amount")
        #expect(Docx.mapping.list(forHeading: "Section 5: Review of previous targets")?.list.path == "previous_targets")
        #expect(Docx.mapping.list(forHeading: "Section 6: Targets")?.list.path == "targets")
    }

    @Test func anUnknownPathIsReportedWithItsLineAndColumn() {
        let yaml = "version: 1\nfields:\n  child.shoe_size:\n    labels: [Shoe size]\n"
        do {
            _ = try FormMappingLoader.parse(yaml, file: "docx-mapping.yaml")
            Issue.record("expected an error")
        } catch {
            #expect(error.problems.map(\.description) == ["docx-mapping.yaml:3:3: `child.shoe_size` is not a field of the PEP contract"])
        }
    }

    @Test func aListFieldOrValueThatIsNotInTheContractIsReported() {
        let yaml = """
            fields:
              pep.type:
                labels:
                  - label: Initial?
                    values: { "Yes": first }
            lists:
              targets:
                columns:
                  colour: [Colour]
            """
        do {
            _ = try FormMappingLoader.parse(yaml, file: "m.yaml")
            Issue.record("expected an error")
        } catch {
            let text = error.description
            #expect(text.contains("m.yaml:5:"))
            #expect(text.contains("`first` is not a value of `pep.type`"))
            #expect(text.contains("m.yaml:9:7: `targets[].colour` is not a field of the PEP contract"))
        }
    }

    @Test func oneLabelForTwoFieldsIsReported() {
        let yaml = "fields:\n  child.first_name:\n    labels: [Name]\n  child.last_name:\n    labels: [name:]\n"
        #expect(throws: FormMappingError.self) { try FormMappingLoader.parse(yaml, file: "m.yaml") }
    }

    @Test func brokenYamlIsReportedWithItsPosition() {
        do {
            _ = try FormMappingLoader.parse("fields:\n  a: [unclosed\n", file: "m.yaml")
            Issue.record("expected an error")
        } catch {
            #expect(error.problems.first?.line ?? 0 > 0)
            #expect(error.description.hasPrefix("m.yaml:"))
        }
    }
}
