/// Lets at most `limit` uploads be read at once — later ones wait, their bodies unread in the
/// socket, so the memory of uploads in flight is bounded by `limit` × the file limit however
/// many devices connect — and at most `perAddress` from any one address: more from the same
/// address are turned away at once, so one slow or hostile machine cannot hold every place.
actor UploadGate {
    private let limit: Int
    private let perAddress: Int
    private var inFlight = 0
    private var byAddress: [String: Int] = [:]
    private var waiting: [CheckedContinuation<Void, Never>] = []

    /// A gate for `limit` uploads at once, `perAddress` of them from one address.
    init(limit: Int, perAddress: Int) {
        self.limit = max(limit, 1)
        self.perAddress = max(perAddress, 1)
    }

    /// Waits for a free place for an upload from `address`; false (at once) when that
    /// address already has its share in flight.
    func enter(from address: String) async -> Bool {
        guard byAddress[address, default: 0] < perAddress else { return false }
        byAddress[address, default: 0] += 1
        if inFlight < limit {
            inFlight += 1
            return true
        }
        await withCheckedContinuation { waiting.append($0) }
        return true
    }

    /// Frees the place an upload from `address` held, handing it to the longest waiter.
    func leave(from address: String) {
        byAddress[address, default: 1] -= 1
        if byAddress[address] == 0 { byAddress[address] = nil }
        if waiting.isEmpty {
            inFlight -= 1
        } else {
            waiting.removeFirst().resume()
        }
    }
}
