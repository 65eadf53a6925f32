import FaguCLI
import FaguHTTP

extension HTTPTransportError {
    /// The error for a person, from the catalogue: in Chinese what its code means, with the
    /// transport's sentence as detail; in English the transport's sentence.
    public var catalogueText: Localized {
        let errors = Catalogue.TransportErrors.self
        let summary = switch code {
        case .unreachable: errors.unreachable
        case .timedOut: errors.timedOut
        case .hubFailed: errors.hubFailed
        case .unexpectedAnswer: errors.unexpectedAnswer
        case .replyTooLarge: errors.replyTooLarge
        case .untrustedCertificate: errors.untrustedCertificate
        case .badAddress: errors.badAddress
        }
        return Catalogue.coreError(summary, detail: message)
    }
}
