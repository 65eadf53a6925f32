import Hummingbird

/// The request context of the hub's routes: Hummingbird's core storage, and the client's
/// address for the sync log.
struct HubRequestContext: RequestContext {
    /// Hummingbird's per-request storage.
    var coreContext: CoreRequestContextStorage
    /// The client as `address:port`, or `unknown peer`.
    let remote: String
    /// The client's address alone: what per-client limits count by.
    let address: String

    /// A context for a request arriving on `source.channel`.
    init(source: ApplicationRequestContextSource) {
        coreContext = CoreRequestContextStorage(source: source)
        if let address = source.channel.remoteAddress, let ip = address.ipAddress {
            remote = "\(ip):\(address.port ?? 0)"
            self.address = ip
        } else {
            remote = "unknown peer"
            self.address = "unknown peer"
        }
    }
}
