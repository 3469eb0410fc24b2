/// An amount of money in whole pence: money is never a floating-point number here.
public struct Pence: Hashable, Sendable, Comparable, Codable, CustomStringConvertible,
    AdditiveArithmetic, ExpressibleByIntegerLiteral
{
    public var value: Int

    public init(_ value: Int) { self.value = value }
    public init(integerLiteral value: Int) { self.value = value }
    public static var zero: Pence { Pence(0) }

    public init(from decoder: any Decoder) throws {
        value = try decoder.singleValueContainer().decode(Int.self)
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(value)
    }

    /// Pounds with two decimals and no separators or symbol: `550.00`, `-12.05`.
    public var decimalString: String {
        let sign = value < 0 ? "-" : ""
        let magnitude = value.magnitude
        let pounds = magnitude / 100
        let pence = magnitude % 100
        return "\(sign)\(pounds).\(pence < 10 ? "0" : "")\(pence)"
    }

    /// For people: `£1,250.00`.
    public var display: String {
        let sign = value < 0 ? "-" : ""
        var pounds = String(value.magnitude / 100)
        var grouped = ""
        while pounds.count > 3 {
            grouped = "," + pounds.suffix(3) + grouped
            pounds.removeLast(3)
        }
        let pence = value.magnitude % 100
        return "\(sign)£\(pounds)\(grouped).\(pence < 10 ? "0" : "")\(pence)"
    }

    public var description: String { decimalString }

    public static func < (lhs: Pence, rhs: Pence) -> Bool { lhs.value < rhs.value }
    public static func + (lhs: Pence, rhs: Pence) -> Pence { Pence(lhs.value + rhs.value) }
    public static func - (lhs: Pence, rhs: Pence) -> Pence { Pence(lhs.value - rhs.value) }
}
