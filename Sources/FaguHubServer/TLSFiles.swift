import HummingbirdTLS

/// The PEM files the hub serves HTTPS with (`--tls-cert F --tls-key F`).
///
/// ```swift
/// let tls = TLSFiles(certificateChain: "/etc/fagu/hub.pem", privateKey: "/etc/fagu/hub.key")
/// let server = HubServer(hub: hub, host: "0.0.0.0", port: 8443, tls: tls)
/// ```
public struct TLSFiles: Hashable, Sendable {
    /// The server certificate, followed by any intermediates, in PEM.
    public var certificateChain: String
    /// The certificate's private key, in PEM.
    public var privateKey: String

    /// The files at these paths.
    public init(certificateChain: String, privateKey: String) {
        self.certificateChain = certificateChain
        self.privateKey = privateKey
    }

    /// The server TLS configuration these files describe: TLS 1.2 and up (NIOSSL would
    /// otherwise accept 1.0), NIOSSL's default ciphers.
    ///
    /// - Throws: ``HubServerFailure`` when a file cannot be read or holds no PEM certificate or key.
    func serverConfiguration() throws(HubServerFailure) -> TLSConfiguration {
        let certificates: [NIOSSLCertificate]
        do {
            certificates = try NIOSSLCertificate.fromPEMFile(certificateChain)
        } catch {
            throw HubServerFailure("cannot read the TLS certificate \(certificateChain): \(error)")
        }
        guard !certificates.isEmpty else {
            throw HubServerFailure("\(certificateChain) holds no PEM certificate")
        }
        let key: NIOSSLPrivateKey
        do {
            key = try NIOSSLPrivateKey(file: privateKey, format: .pem)
        } catch {
            throw HubServerFailure("cannot read the TLS private key \(privateKey): \(error)")
        }
        var configuration = TLSConfiguration.makeServerConfiguration(certificateChain: certificates.map { .certificate($0) },
                                                                     privateKey: .privateKey(key))
        configuration.minimumTLSVersion = .tlsv12
        return configuration
    }
}
