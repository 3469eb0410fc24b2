import Foundation
import PEPModel
import Testing

@testable import PEPOutput

private func composed() throws -> [FeedbackComposer.Output] {
    try FeedbackComposer(settings: OutputFixtures.feedbackSettings()).compose(OutputFixtures.feedbackInput)
}

@Test func designatedTeacherFeedbackMatchesSnapshot() throws {
    let dt = try #require(try composed().first { $0.fileName.hasSuffix("-dt.eml") })
    try OutputFixtures.assertSnapshot(dt.message.rendered(), named: "feedback-dt.eml")
}

@Test func socialWorkerFeedbackMatchesSnapshot() throws {
    let sw = try #require(try composed().first { $0.fileName.hasSuffix("-sw.eml") })
    try OutputFixtures.assertSnapshot(sw.message.rendered(), named: "feedback-sw.eml")
}

@Test func socialWorkerCopyCarriesNoPaymentDetails() throws {
    let sw = try #require(try composed().first { $0.fileName.hasSuffix("-sw.eml") })
    let body = sw.message.body
    #expect(!body.contains("£"))
    #expect(!body.contains("Pupil Premium"))
    #expect(!body.contains("PP+"))
    #expect(!body.contains("400.00") && !body.contains("150.00") && !body.contains("550.00"))
    #expect(!body.contains("Laptop") && !body.contains("tutoring"))
    let dt = try #require(try composed().first { $0.fileName.hasSuffix("-dt.eml") })
    #expect(dt.message.body.contains("£400.00"))
}

@Test func socialWorkerTemplateAskingForMoneyIsRejectedAtStartUp() throws {
    var settings = try OutputFixtures.feedbackSettings()
    settings.socialWorkerTemplate += "\nApproved: {{pp_approved}}\n"
    #expect(throws: TemplateError.self) { try FeedbackComposer(settings: settings) }
    settings.socialWorkerTemplate = "{{#ppplus}}{{intervention}}{{/ppplus}}\n"
    #expect(throws: TemplateError.self) { try FeedbackComposer(settings: settings) }
}

@Test func listsEveryFailedCriterionWithItsFeedbackForTheDesignatedTeacher() throws {
    let dt = try #require(try composed().first { $0.fileName.hasSuffix("-dt.eml") })
    #expect(dt.message.body.contains("Targets are SMART [TGT-02]"))
    #expect(dt.message.body.contains("Record the child's own words about school."))
}

@Test func composesOnlyTheMessagesWhoseAddressIsKnown() throws {
    var input = OutputFixtures.feedbackInput
    input.socialWorker = nil
    let composed = try FeedbackComposer(settings: OutputFixtures.feedbackSettings()).compose(input)
    #expect(composed.map(\.fileName) == ["LA100003-autumn-2025_26-3f2a9c1b7d-dt.eml"])
}

@Test func subjectNamesNoChild() throws {
    for out in try composed() { #expect(!out.message.subject.contains("Zoë")) }
}

@Test func feedbackGoesToTheRegistersAddressesAndSaysThePEPGaveAnother() throws {
    var input = OutputFixtures.feedbackInput
    input.address(
        from: RosterEntry(
            childID: input.childID, socialWorkerEmail: "j.okafor@council.example.gov.uk",
            designatedTeacherEmail: "C.Bowen@riverside-academy.example.org"))
    // The DT's address differs only in case: the same mailbox, no note.
    #expect(input.designatedTeacher?.address == "c.bowen@riverside-academy.example.org")
    #expect(input.designatedTeacherPEPAddress == nil)
    #expect(input.socialWorker == EmailAddress(name: "Ms Priya Lang", address: "j.okafor@council.example.gov.uk"))
    #expect(input.socialWorkerPEPAddress == "priya.lang@council.example.gov.uk")
    let outputs = try FeedbackComposer(settings: OutputFixtures.feedbackSettings()).compose(input)
    let sw = try #require(outputs.first { $0.fileName.hasSuffix("-sw.eml") })
    #expect(sw.message.to.map(\.address) == ["j.okafor@council.example.gov.uk"])
    #expect(sw.message.body.contains("the plan gave priya.lang@council.example.gov.uk"))
    let dt = try #require(outputs.first { $0.fileName.hasSuffix("-dt.eml") })
    #expect(!dt.message.body.contains("the plan gave"))
}

@Test func anEmptyOrImplausibleRegisterAddressLeavesThePEPsAndAMissingOneIsFilled() {
    var input = OutputFixtures.feedbackInput
    input.address(from: RosterEntry(childID: input.childID, socialWorkerEmail: "not known", designatedTeacherEmail: ""))
    #expect(input == OutputFixtures.feedbackInput)
    input.socialWorker = nil
    input.address(from: RosterEntry(childID: input.childID, socialWorkerEmail: "duty.team@council.example.gov.uk"))
    #expect(input.socialWorker?.address == "duty.team@council.example.gov.uk")
    #expect(input.socialWorkerPEPAddress == nil)
}
