import AsyncHTTPClient

extension HTTPClient {
    /// The client every ``HTTPTransport`` uses unless given another: created on first use and
    /// kept for the life of the process (like `HTTPClient.shared`, never shut down).
    ///
    /// It differs from `HTTPClient.shared` where a sync needs it to: a hub that cannot be
    /// reached fails at once (connect within 10 s, no retrying until the deadline), so a person
    /// waiting on `fagu sync` hears "cannot reach the hub" in seconds, not after the timeout;
    /// redirects are not followed (a signed file goes to the configured hub only); replies are
    /// not decompressed (a change set is already compressed, and its size is capped).
    static let faguShared: HTTPClient = {
        var configuration = HTTPClient.Configuration.singletonConfiguration
        configuration.timeout.connect = .seconds(10)
        configuration.connectionPool.retryConnectionEstablishment = false
        configuration.redirectConfiguration = .disallow
        configuration.decompression = .disabled
        return HTTPClient(eventLoopGroup: HTTPClient.defaultEventLoopGroup, configuration: configuration)
    }()
}
