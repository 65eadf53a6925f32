/// A socket operation failed in the raw test client.
struct SocketFailure: Error, CustomStringConvertible {
    let description: String
}
