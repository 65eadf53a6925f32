import Foundation

/// A source of wall-clock time, injectable so tests and simulations are deterministic.
public protocol WallClock: Sendable {
    /// The current time.
    func now() -> Timestamp
}

/// The system's real clock.
public struct SystemClock: WallClock {
    /// The system clock.
    public init() {}

    public func now() -> Timestamp { Timestamp(Date()) }
}
