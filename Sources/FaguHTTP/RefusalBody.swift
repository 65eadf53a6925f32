import FaguSync
import Foundation

/// The JSON body the hub refuses a request with: `{"code": "revoked_device", "message": "…"}`.
struct RefusalBody: Decodable, Sendable {
    /// A ``FaguSync/SyncRefusal/Code`` raw value.
    var code: String
    /// One sentence a person can act on.
    var message: String

    /// The refusal `bytes` carry, or nil when they are not a refusal body with a known code.
    static func refusal(in bytes: [UInt8]) -> SyncRefusal? {
        guard let body = try? JSONDecoder().decode(RefusalBody.self, from: Data(bytes)),
              let code = SyncRefusal.Code(rawValue: body.code) else { return nil }
        return SyncRefusal(code, body.message)
    }
}
