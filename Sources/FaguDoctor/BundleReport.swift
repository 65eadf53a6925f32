import FaguWire

/// The JSON document of `fagu-doctor bundle --json`.
struct BundleReport: Encodable {
    struct Failure: Encodable {
        var code: String
        var message: String
    }

    var file: String
    var valid: Bool
    /// Whether the body is sealed to its recipient; `body_opened` says whether a key opened it.
    var sealed: Bool
    var bodyOpened: Bool
    var fileBytes: Int
    var version: String?
    var versionSupported: Bool?
    var checksumValid: Bool?
    var compressedBodyBytes: Int?
    var bodyBytes: Int?
    var compressionRatio: Double?
    var error: Failure?
    /// The decoded file (header and every change) when valid.
    var decoded: ChangeSetDescription?
    /// The header alone when the body could not be decoded.
    var header: ChangeSetDescription.Header?
    /// Whether the signature verified, and with whose key.
    var signatureCheck: SignatureCheck?

    init(file: String, inspection: ChangeSetInspection) {
        self.file = file
        valid = inspection.isValid
        sealed = inspection.sealed
        bodyOpened = inspection.changeSet != nil
        fileBytes = inspection.fileBytes
        version = inspection.version.map { "\($0.major).\($0.minor)" }
        versionSupported = inspection.versionSupported
        checksumValid = inspection.checksumValid
        compressedBodyBytes = inspection.compressedBodyBytes
        bodyBytes = inspection.bodyBytes
        compressionRatio = inspection.compressionRatio.map { ($0 * 100).rounded() / 100 }
        error = inspection.error.map { Failure(code: $0.code.rawValue, message: $0.message) }
        decoded = inspection.changeSet.map(ChangeSetDescription.init)
        if decoded == nil, let header = inspection.header {
            self.header = ChangeSetDescription.Header(header)
        }
    }
}
