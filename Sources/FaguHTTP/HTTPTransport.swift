import AsyncHTTPClient
import FaguSync
import FaguWire
import Foundation

/// A device's round trip to its hub over HTTP(S): `POST {base}/v1/sync` with the signed
/// request file, the signed reply back.
///
/// ```swift
/// let transport = try HTTPTransport(baseURL: "https://hub.pudong.example:8443")
/// let summary = try await device.sync(over: transport)
/// ```
///
/// By default it uses one process-wide client that is never shut down, so there is nothing
/// to manage; a hub that cannot be reached fails in seconds, not after the timeout. A tool that
/// runs many devices at once may pass a client of its own (and shut it down itself).
public struct HTTPTransport: SyncTransport {
    /// The hub's base address, without a trailing slash (`http://127.0.0.1:8080`).
    public let baseURL: String
    /// How long one round trip may take, the reply's last byte included.
    public let timeout: Duration
    /// A PEM file of certificates to trust for HTTPS instead of the system's (a hub with a
    /// self-signed certificate); nil for the system's trust store.
    public let trustRoots: String?
    /// The largest reply accepted: a change-set file's limit.
    public let maxReplyBytes: Int
    /// The HTTP client requests go through (the process-wide one unless given).
    public let client: HTTPClient

    /// The media type of change-set files, both ways.
    static let changeSetType = "application/x-fagu-changeset"

    /// A transport to the hub at `baseURL`.
    ///
    /// - Parameters:
    ///   - baseURL: `http://HOST:PORT` or `https://HOST:PORT`, as in the enrollment file.
    ///   - timeout: How long one round trip may take (default 60 s).
    ///   - trustRoots: A PEM file of certificates to trust instead of the system's.
    ///   - maxReplyBytes: The largest reply accepted (default: the change-set file limit).
    ///   - client: The HTTP client to use, which its owner shuts down; nil for the process-wide one.
    /// - Throws: ``HTTPTransportError`` (`bad_address`) when `baseURL` is not an http(s) URL with a host.
    public init(baseURL: String, timeout: Duration = .seconds(60), trustRoots: String? = nil,
                maxReplyBytes: Int = ChangeSetLimits.standard.maxFileBytes,
                client: HTTPClient? = nil) throws(HTTPTransportError) {
        var base = baseURL.trimmingCharacters(in: .whitespaces)
        while base.hasSuffix("/") { base.removeLast() }
        guard let url = URL(string: base), let scheme = url.scheme?.lowercased(), scheme == "http" || scheme == "https",
              let host = url.host, !host.isEmpty else {
            throw HTTPTransportError(.badAddress, url: baseURL,
                                     "the hub address \(baseURL) is not an http:// or https:// URL with a host")
        }
        self.baseURL = base
        self.timeout = timeout
        self.trustRoots = trustRoots
        self.maxReplyBytes = maxReplyBytes
        self.client = client ?? .faguShared
    }

    /// The base URL, for people and the sync log.
    public var peerDescription: String { baseURL }

    /// Sends `request` to the hub and returns its signed reply.
    ///
    /// - Throws: ``FaguSync/SyncRefusal`` when the hub refused the file (a 4xx with its code);
    ///   ``HTTPTransportError`` when the round trip failed otherwise.
    public func exchange(_ request: [UInt8]) async throws -> [UInt8] {
        var post = HTTPClientRequest(url: baseURL + "/v1/sync")
        post.method = .POST
        post.headers.add(name: "Content-Type", value: Self.changeSetType)
        post.headers.add(name: "Accept", value: Self.changeSetType + ", application/json")
        post.body = .bytes(request)
        if let trustRoots {
            post.tlsConfiguration = .makeClientConfiguration()
            post.tlsConfiguration?.trustRoots = .file(trustRoots)
        }
        let (seconds, attoseconds) = timeout.components
        do {
            let response = try await client.execute(
                post, timeout: .nanoseconds(seconds * 1_000_000_000 + attoseconds / 1_000_000_000))
            let status = Int(response.status.code)
            let limit = status == 200 ? maxReplyBytes : 64 << 10
            var body: [UInt8] = []
            for try await chunk in response.body {
                guard body.count + chunk.readableBytes <= limit else {
                    throw HTTPTransportError(.replyTooLarge, url: baseURL,
                                             "the hub at \(baseURL) sent a reply over \(limit) bytes; none of it was applied")
                }
                body.append(contentsOf: chunk.readableBytesView)
            }
            switch status {
            case 200:
                if let type = response.headers.first(name: "Content-Type"), !type.hasPrefix(Self.changeSetType) {
                    throw HTTPTransportError(.unexpectedAnswer, url: baseURL,
                                             "the hub at \(baseURL) answered with \(type), not a change set; "
                                                 + "is a proxy or a Wi-Fi login page in the way?")
                }
                return body
            case 400..<500:
                if let refusal = RefusalBody.refusal(in: body) { throw refusal }
                throw HTTPTransportError(.unexpectedAnswer, url: baseURL,
                                         "the hub at \(baseURL) answered \(status) without a Fagu refusal; is it a Fagu hub?")
            case 500..<600:
                throw HTTPTransportError(.hubFailed, url: baseURL,
                                         "the hub at \(baseURL) failed (\(status)); try again later")
            default:
                throw HTTPTransportError(.unexpectedAnswer, url: baseURL,
                                         "the hub at \(baseURL) answered \(status); is it a Fagu hub?")
            }
        } catch let error as SyncRefusal {
            throw error
        } catch let error as HTTPTransportError {
            throw error
        } catch let error as HTTPClientError where error == .deadlineExceeded || error == .readTimeout {
            throw HTTPTransportError(.timedOut, url: baseURL,
                                     "the hub at \(baseURL) did not answer within \(timeout); try again later")
        } catch where "\(error)".contains("CERTIFICATE_VERIFY_FAILED") {
            throw HTTPTransportError(.untrustedCertificate, url: baseURL,
                                     "the hub at \(baseURL) shows a certificate this device does not trust; "
                                         + "if the hub's certificate is self-signed, give its PEM file as trust roots")
        } catch {
            throw HTTPTransportError(.unreachable, url: baseURL, "cannot reach the hub at \(baseURL): \(error)")
        }
    }
}
