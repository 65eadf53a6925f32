import FaguSync
import FaguTesting
import Synchronization

/// The network between one device and the hub for one sync: each round trip goes to
/// `hub.exchange`, or is struck by a fault drawn from its own seeded generator — the request
/// lost on the way, the reply lost after the hub applied the request, or the request
/// delivered twice. What went through is logged, for the simulation to deliver again later.
final class SimulatedNetwork: SyncTransport {
    /// A round trip that did not come back.
    struct Lost: Error {
        /// Whether the hub applied the request (only the reply was lost).
        var hubApplied: Bool
    }

    /// What went over this network.
    struct Log: Sendable {
        /// Requests the hub answered, with their replies.
        var delivered: [(request: [UInt8], reply: [UInt8])] = []
        /// Requests lost before the hub.
        var lostRequests: [[UInt8]] = []
        /// Replies lost after the hub applied their request.
        var lostReplies: [[UInt8]] = []
        /// Requests the hub received twice.
        var duplicatedRequests = 0
        /// Round trips the hub answered.
        var roundTrips = 0
        /// What the hub did that it must not have, in words.
        var violations: [String] = []
    }

    /// Per-thousand rates of each fault.
    struct Rates: Sendable {
        /// A request lost before the hub.
        var requestLost = 0
        /// A reply lost after the hub applied its request.
        var replyLost = 0
        /// A request the hub receives twice.
        var requestDuplicated = 0
    }

    private struct State: Sendable {
        var generator: SeededGenerator
        var log = Log()
    }

    private let hub: Hub
    private let rates: Rates
    private let state: Mutex<State>

    /// A network to `hub` whose faults come from `seed` at `rates`.
    init(hub: Hub, seed: UInt64, rates: Rates) {
        self.hub = hub
        self.rates = rates
        state = Mutex(State(generator: SeededGenerator(seed: seed)))
    }

    var peerDescription: String { "simulated network" }

    /// Everything logged so far.
    var log: Log { state.withLock { $0.log } }

    func exchange(_ request: [UInt8]) async throws -> [UInt8] {
        let draw = state.withLock { Int.random(in: 0..<1_000, using: &$0.generator) }
        if draw < rates.requestLost {
            state.withLock { $0.log.lostRequests.append(request) }
            throw Lost(hubApplied: false)
        }
        let reply = try hub.exchange(request).reply.file
        state.withLock { $0.log.roundTrips += 1 }
        if draw < rates.requestLost + rates.replyLost {
            state.withLock { $0.log.lostReplies.append(reply) }
            throw Lost(hubApplied: true)
        }
        if draw < rates.requestLost + rates.replyLost + rates.requestDuplicated {
            // The same bytes again: the hub applies nothing new and must answer nothing.
            let violation: String?
            do {
                _ = try hub.exchange(request)
                violation = "the hub answered a request it had already answered (a replay earned a reply)"
            } catch where error.code == .replayed {
                violation = nil
            } catch {
                violation = "the hub refused a repeated request with \(error.code.rawValue), not replayed: \(error.message)"
            }
            state.withLock {
                $0.log.duplicatedRequests += 1
                if let violation { $0.log.violations.append(violation) }
            }
        }
        state.withLock { $0.log.delivered.append((request, reply)) }
        return reply
    }
}
