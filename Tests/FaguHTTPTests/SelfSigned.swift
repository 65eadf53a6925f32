import FaguHubServer
import Foundation

/// A self-signed certificate for 127.0.0.1, made with the `openssl` command.
enum SelfSigned {
    static let openssl = "/usr/bin/openssl"
    static var available: Bool { FileManager.default.isExecutableFile(atPath: openssl) }

    /// Writes `hub.pem` and `hub-key.pem` into `directory`.
    static func make(in directory: String) throws -> TLSFiles {
        let files = TLSFiles(certificateChain: directory + "/hub.pem", privateKey: directory + "/hub-key.pem")
        let process = Process()
        process.executableURL = URL(fileURLWithPath: openssl)
        process.arguments = ["req", "-x509", "-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:prime256v1", "-nodes",
                             "-keyout", files.privateKey, "-out", files.certificateChain, "-days", "2",
                             "-subj", "/CN=127.0.0.1", "-addext", "subjectAltName=IP:127.0.0.1"]
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
        process.waitUntilExit()
        guard process.terminationStatus == 0 else { throw SocketFailure(description: "openssl failed") }
        return files
    }
}
