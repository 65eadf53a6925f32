import FaguReports
import Foundation

/// A finding as its JSON says it, reduced to rule, problem, period and ids, so a test states
/// the whole expected set in one line each.
struct FindingKey: Hashable, CustomStringConvertible {
    let text: String
    var description: String { text }

    init(_ text: String) { self.text = text }

    /// The keys of the `violations` (or `warnings`) array of `report`'s JSON.
    static func of<T: Encodable>(_ report: T, _ array: String) throws -> Set<FindingKey> {
        let encoder = JSONEncoder()
        encoder.keyEncodingStrategy = .convertToSnakeCase
        let object = try JSONSerialization.jsonObject(with: encoder.encode(report)) as? [String: Any] ?? [:]
        let items = object[array] as? [[String: Any]] ?? []
        return Set(items.map { item in
            FindingKey(["rule", "problem", "period", "community", "adviser", "record"]
                .compactMap { item[$0] as? String }.joined(separator: " "))
        })
    }
}
