import FaguSync

extension SyncRefusal.Code {
    /// The HTTP status the hub answers a refusal with: 403 when the sender may not do what it
    /// asked (who it is, its signature), 409 when its identity is used by another copy, 400
    /// when the file itself is bad.
    ///
    /// ```swift
    /// SyncRefusal.Code.revokedDevice.httpStatus   // 403
    /// SyncRefusal.Code.badFile.httpStatus         // 400
    /// ```
    var httpStatus: Int {
        switch self {
        case .unknownDevice, .revokedDevice, .badSignature, .badToken, .tokenReplayed, .outsideScope,
             .forwardedChanges, .wrongDistrict:
            403
        case .replicaForked, .replayed:
            409
        case .wrongSender, .wrongRecipient, .badFile, .invalidChanges, .notSealed, .cannotDecrypt:
            400
        case .hubFailure:
            503
        case .busy:
            429
        }
    }
}
