import FaguDomain

/// An incident report as the hub holds it, with how long it took to arrive (R6).
public struct IncidentEntry: Hashable, Sendable {
    /// The report.
    public var report: IncidentReport
    /// Minutes from logging on the device to the hub's receipt; nil when the hub has no
    /// arrival for it (written at the hub itself).
    public var delayMinutes: Int?
    /// The device's clock was ahead of the hub's, so the delay is not believed.
    public var deviceClockAhead: Bool

    /// An entry from its parts.
    public init(_ report: IncidentReport, delayMinutes: Int?, deviceClockAhead: Bool = false) {
        self.report = report
        self.delayMinutes = delayMinutes
        self.deviceClockAhead = deviceClockAhead
    }
}
