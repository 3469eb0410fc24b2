import PEPModel

/// Random tokens for session cookies and CSRF, and the hash the ledger keeps of a cookie.
enum Tokens {
    /// 32 random bytes as hex (from the system's CSPRNG).
    static func random() -> String {
        var generator = SystemRandomNumberGenerator()
        return (0..<32).map { _ in
            let byte = UInt8.random(in: 0...255, using: &generator)
            return String(byte, radix: 16).leftPadded
        }.joined()
    }

    static func hash(_ token: String) -> String { SHA256.hex(Array(token.utf8)) }

    /// Compares two strings in time independent of where they differ.
    static func equal(_ a: String, _ b: String) -> Bool {
        let x = Array(a.utf8), y = Array(b.utf8)
        guard x.count == y.count else { return false }
        var difference: UInt8 = 0
        for i in x.indices { difference |= x[i] ^ y[i] }
        return difference == 0
    }
}

extension String {
    fileprivate var leftPadded: String { count == 1 ? "0" + self : self }
}
