import Foundation
import PEPModel

/// Loads and checks the school register, `Rules/schools.csv`.
///
/// Columns: `urn, name, route, cost_centre, supplier_id, payee_name, sort_code, account_number,
/// bacs_account_name, remittance_email`. Rules, each reported as `file:line`:
/// - `urn` is 6 digits and unique; `route` is `journal` or `cheque`;
/// - a journal school has a `cost_centre`;
/// - a cheque school has a `supplier_id` and `payee_name`, and either both bank details
///   (sort code 6 digits, account 8 digits) or neither (paid by paper cheque);
/// - `bacs_account_name` is at most 18 characters.
///
/// Errors never repeat a bank detail, only where it is.
package enum SchoolRegisterLoader {
    static let columns = [
        "urn", "name", "route", "cost_centre", "supplier_id", "payee_name", "sort_code", "account_number",
        "bacs_account_name", "remittance_email",
    ]

    package static func load(contentsOf url: URL) throws -> SchoolRegister {
        let text: String
        do { text = try String(contentsOf: url, encoding: .utf8) } catch {
            throw OutputConfigError(file: url.path, message: "cannot be read as UTF-8 text")
        }
        return try parse(text, file: url.path)
    }

    package static func parse(_ text: String, file: String) throws -> SchoolRegister {
        let table = try OutputCSVTable(text: text, file: file, required: columns)
        var seen: [String: Int] = [:]
        var records: [SchoolRecord] = []
        for row in table.rows {
            func fail(_ message: String) -> OutputConfigError { OutputConfigError(file: file, line: row.line, message: message) }
            let urn = row["urn"]
            guard urn.count == 6, urn.allSatisfy(\.isOutputConfigDigit) else { throw fail("urn must be 6 digits") }
            if let first = seen[urn] { throw fail("urn \(urn) is listed twice (first on line \(first))") }
            seen[urn] = row.line
            guard !row["name"].isEmpty else { throw fail("name is empty") }
            guard let route = PaymentRoute(rawValue: row["route"].lowercased()) else {
                throw fail("route must be one of \(PaymentRoute.allCases.map(\.rawValue).joined(separator: ", "))")
            }
            let record = SchoolRecord(
                urn: urn, name: row["name"], route: route, costCentre: row["cost_centre"], supplierID: row["supplier_id"],
                payeeName: row["payee_name"], sortCode: row["sort_code"].filter { $0 != "-" && $0 != " " },
                accountNumber: row["account_number"].filter { $0 != " " }, bacsAccountName: row["bacs_account_name"],
                remittanceEmail: row["remittance_email"])
            try check(record, fail: fail)
            records.append(record)
        }
        return SchoolRegister(records)
    }

    static func check(_ r: SchoolRecord, fail: (String) -> OutputConfigError) throws {
        switch r.route {
        case .journal:
            guard !r.costCentre.isEmpty else { throw fail("a journal school needs a cost_centre") }
        case .cheque:
            guard !r.supplierID.isEmpty else { throw fail("a cheque school needs a supplier_id") }
            guard !r.payeeName.isEmpty else { throw fail("a cheque school needs a payee_name") }
            if r.sortCode.isEmpty != r.accountNumber.isEmpty {
                throw fail("give both sort_code and account_number (BACS) or neither (paper cheque)")
            }
        }
        if !r.sortCode.isEmpty {
            guard r.sortCode.count == 6, r.sortCode.allSatisfy(\.isOutputConfigDigit) else { throw fail("sort_code must be 6 digits") }
            guard r.accountNumber.count == 8, r.accountNumber.allSatisfy(\.isOutputConfigDigit) else { throw fail("account_number must be 8 digits") }
        }
        guard r.bacsAccountName.count <= 18 else { throw fail("bacs_account_name is longer than 18 characters") }
        if !r.remittanceEmail.isEmpty {
            let parts = r.remittanceEmail.split(separator: "@", omittingEmptySubsequences: false)
            guard parts.count == 2, !parts[0].isEmpty, parts[1].contains("."), !r.remittanceEmail.contains(where: \.isWhitespace) else {
                throw fail("remittance_email is not an e-mail address")
            }
        }
    }
}

extension Character {
    var isOutputConfigDigit: Bool { ("0"..."9").contains(self) }
}
