import FaguDomain
import FaguModel
import Synchronization

/// A deterministic clock for tests: starts at a given time and moves on by a fixed step
/// every time it is read.
public final class SteppingClock: WallClock {
    private let current: Mutex<Int64>
    private let step: Int64

    /// A clock at `start` that advances `step` milliseconds per reading.
    public init(start: Timestamp = Timestamp(milliseconds: 1_790_000_000_000), step: Int64 = 1) {
        current = Mutex(start.milliseconds)
        self.step = step
    }

    public func now() -> Timestamp {
        current.withLock { value in
            defer { value += step }
            return Timestamp(milliseconds: value)
        }
    }
}
