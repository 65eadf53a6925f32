import FaguSync

extension SyncRefusal.Code {
    /// The HTTP status the hub answers a refusal with: 403 when the sender may not do what it
    /// asked (who it is, its signature, its scopes), 400 when the file itself is bad.
    ///
    /// ```swift
    /// SyncRefusal.Code.revokedDevice.httpStatus   // 403
    /// SyncRefusal.Code.badFile.httpStatus         // 400
    /// ```
    var httpStatus: Int {
        switch self {
        case .unknownDevice, .revokedDevice, .badSignature, .badToken, .tokenReplayed, .outsideScope, .rosterWrite,
             .forwardedChanges, .wrongDistrict, .wrongAuthor:
            403
        case .wrongSender, .badFile, .invalidChanges:
            400
        case .hubFailure:
            503
        }
    }
}
