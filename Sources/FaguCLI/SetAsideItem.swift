import FaguModel
import FaguStore
import Foundation

/// A group set aside as `--json` prints it: times as RFC 3339 in Shanghai time, and the
/// content the hub kept as a JSON object of field values (numbers as numbers).
public struct SetAsideItem: Encodable, Sendable {
    public var scope: String
    public var origin: String
    public var counter: UInt64
    public var count: Int
    public var kind: String
    public var record: String
    public var author: String
    public var writtenAt: String
    public var code: String
    public var reason: String
    public var notedAt: String
    /// The fields the group wrote, when the hub kept them (nil on a device).
    public var content: [String: ListedValue]?
    /// The content as the hub stored it, only when it is not an object of plain values.
    public var contentText: String?

    /// The JSON form of `entry`.
    public init(_ entry: SetAsideEntry) {
        scope = entry.scope
        origin = entry.origin
        counter = entry.counter
        count = entry.count
        kind = entry.kind
        record = entry.record
        author = entry.author
        writtenAt = ShanghaiTime.rfc3339(entry.writtenAt)
        code = entry.code
        reason = entry.reason
        notedAt = ShanghaiTime.rfc3339(entry.notedAt)
        content = entry.content.flatMap(SetAsideItem.fields(fromJSON:))
        if content == nil { contentText = entry.content }
    }

    /// The field values of the content the hub stored as JSON text; nil when it is not an
    /// object of plain values (``contentText`` then carries it as stored).
    static func fields(fromJSON text: String) -> [String: ListedValue]? {
        guard let object = try? JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any] else { return nil }
        var fields: [String: ListedValue] = [:]
        for (name, value) in object {
            switch value {
            case is NSNull: fields[name] = ListedValue(.null)
            case let text as String: fields[name] = ListedValue(.text(text))
            case let number as NSNumber:
                let integer = number.int64Value
                fields[name] = ListedValue(Double(integer) == number.doubleValue ? .integer(integer) : .real(number.doubleValue))
            default: return nil
            }
        }
        return fields
    }
}
