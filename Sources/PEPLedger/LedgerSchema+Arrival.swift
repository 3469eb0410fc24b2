import GRDB

extension LedgerSchema {
    /// The times a sender can set, kept beside the receipt as evidence: the drop file's
    /// modification time and the e-mail's `Date:` header. `received_at` is when the document
    /// reached the inbox (the submission clock starts there); a coordinator asked "but we sent
    /// it on the 3rd" can see both.
    static let arrivalEvidence = """
        ALTER TABLE submission ADD COLUMN file_modified_at TEXT;
        ALTER TABLE submission ADD COLUMN sent_at TEXT;
        """
}
