/// Lets at most `limit` uploads be read at once; later ones wait (their bodies stay unread
/// in the socket), so the memory of uploads in flight is bounded by `limit` × the file limit
/// however many devices connect.
actor UploadGate {
    private let limit: Int
    private var inFlight = 0
    private var waiting: [CheckedContinuation<Void, Never>] = []

    /// A gate for `limit` uploads at once.
    init(limit: Int) { self.limit = max(limit, 1) }

    /// Waits for a free place.
    func enter() async {
        if inFlight < limit {
            inFlight += 1
            return
        }
        await withCheckedContinuation { waiting.append($0) }
    }

    /// Frees a place, handing it to the longest waiter.
    func leave() {
        if waiting.isEmpty {
            inFlight -= 1
        } else {
            waiting.removeFirst().resume()
        }
    }
}
