import Foundation
import PEPModel
import Testing
import PEPTestSupport

@testable import PEPReaders

/// The samples in `SampleInbox/docx/` (written by `scripts/make_docx_samples.py`, two of them
/// re-saved by LibreOffice) read to the fields they hold.
@Suite struct DocxSampleTests {
    static let folder = Repository.sampleInbox.appendingPathComponent("docx")

    func read(_ name: String) throws -> ReadResult {
        let bytes = try [UInt8](Data(contentsOf: Self.folder.appendingPathComponent(name)))
        return PEPBuilder.build(try Docx.read(bytes, file: name))
    }

    /// Fields every complete sample gives, whatever the form style.
    static let core: [FieldPath] = [
        "pep.type", "pep.term", "pep.academic_year", "child.la_id", "child.upn", "child.first_name", "child.last_name",
        "child.date_of_birth", "child.year_group", "child.legal_status", "child.send.status", "school.name", "school.urn",
        "school.designated_teacher.name", "social_worker.name", "meeting.date", "meeting.next_date", "meeting.child_attended",
        "attendance.percentage", "wellbeing.sdq_score", "child_voice", "carer_views", "sign_off.designated_teacher.name",
        "sign_off.designated_teacher.date", "sign_off.confirmed",
    ]

    @Test(arguments: [
        "pep-content-controls-good.docx", "pep-legacy-form-fields-good.docx", "pep-label-tables-good.docx",
        "pep-mixed-tracked-changes.docx", "pep-content-controls-libreoffice.docx", "pep-legacy-form-fields-libreoffice.docx",
    ])
    func aCompleteSampleGivesEveryCoreField(_ name: String) throws {
        let r = try read(name)
        let missing = Self.core.filter { r.pep.value(at: $0) == nil }
        #expect(missing.isEmpty, "\(name) is missing \(missing)")
        #expect(r.issues.isEmpty, "\(name): \(r.issues)")
        #expect(r.pep.value(at: "child.upn").flatMap { $0.value.text.map(UPN.isValid) } == true)
        #expect(r.pep.targets.count >= 3)
        #expect(r.pep.targets.allSatisfy { $0.description != nil && $0.reviewDate != nil })
        #expect(r.pep.meeting.attendees.count == 3)
        #expect(r.pep.attainment.count == 3)
        #expect(r.pep.previousTargets.count == 2)
        #expect(r.pep.ppplus.requests.first?.amount != nil)
        #expect(r.unmapped.isEmpty, "\(name): \(r.unmapped.map(\.label))")
    }

    @Test func theSampleWithGapsIsFoundButBlankWhereTheSchoolLeftGaps() throws {
        let r = try read("pep-label-tables-gaps.docx")
        for path: FieldPath in ["child.upn", "school.urn", "meeting.next_date", "wellbeing.sdq_score", "child_voice"] {
            #expect(r.found.contains(path), "\(path) should be found")
            #expect(r.pep.value(at: path) == nil, "\(path) should be blank")
        }
        #expect(r.found.contains("ppplus.requests"))
        #expect(r.pep.ppplus.requests.isEmpty)
        #expect(r.pep.targets.count == 1)
        #expect(r.pep.value(at: "sign_off.confirmed")?.value == .boolean(false))
    }

    @Test func theMixedSampleReadsTrackedChangesMergesNestingAndAlternateContent() throws {
        let r = try read("pep-mixed-tracked-changes.docx")
        #expect(r.pep.value(at: "boxall.completed_on")?.value.date?.iso == "2025-11-03")
        #expect(r.pep.value(at: "boxall.attached")?.value == .boolean(true))
        #expect(r.pep.targets.filter { $0.area?.value == "Social skills" }.count == 2)
        #expect(r.text("child_voice")?.contains("Deleted draft") == false)
        // The footer's decoy UPN form field is not read.
        #expect(r.text("child.upn") != "Z999999999999")
    }

    @Test func theUnstructuredSampleHasAlmostNothingFound() throws {
        let r = try read("pep-free-text-unstructured.docx")
        #expect(r.found.count <= 2)
        #expect(r.pep.value(at: "child.upn") == nil)
    }
}
