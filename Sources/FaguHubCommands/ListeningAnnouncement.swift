/// Says once that `serve` listens, when the sync port — and the metrics port, when it has one of
/// its own — are both bound: a script waiting for the line may scrape and sync at once.
actor ListeningAnnouncement {
    private let expectsMetricsPort: Bool
    private let announce: @Sendable (Int, Int?) -> Void
    private var syncPort: Int?
    private var metricsPort: Int?
    private var announced = false

    /// An announcement made by `announce(syncPort, metricsPort)`.
    init(expectsMetricsPort: Bool, announce: @escaping @Sendable (Int, Int?) -> Void) {
        self.expectsMetricsPort = expectsMetricsPort
        self.announce = announce
    }

    /// The sync socket is bound on `port`.
    func sync(_ port: Int) {
        syncPort = port
        announceWhenReady()
    }

    /// The metrics socket is bound on `port`.
    func metrics(_ port: Int) {
        metricsPort = port
        announceWhenReady()
    }

    private func announceWhenReady() {
        guard !announced, let syncPort, !expectsMetricsPort || metricsPort != nil else { return }
        announced = true
        announce(syncPort, metricsPort)
    }
}
