import FaguHTTP
@testable import FaguHubServer
import FaguDomain
import FaguModel
import FaguStore
import FaguSync
import FaguTesting
import Foundation
import Synchronization
import Testing

@Suite("A hub that slow or hostile clients cannot stall")
struct HostileClientTests {
    @Test("40 connections trickling a byte a second from another address leave a real sync answering within 10 s")
    func tricklersDoNotStall() async throws {
        let district = try District()
        let device = try district.join(.adviser, "a001", as: "a001")
        try device.logVisit("c01")
        let stop = Mutex(false)
        let closedEarly = Mutex(0)
        try await withLiveHub(district.hub) { url in
            let port = port(of: url)
            let threads = (0..<40).map { _ in
                Thread {
                    let client = RawHTTPClient(port: port, source: "127.0.0.2")
                    if (try? client.trickle("/v1/sync", announced: 100_000, until: { stop.withLock { $0 } })) == true {
                        closedEarly.withLock { $0 += 1 }
                    }
                }
            }
            threads.forEach { $0.start() }
            try await Task.sleep(for: .seconds(2))       // every trickler connected and holding on
            // The transport's own deadline is the bound: a stalled hub fails the sync.
            let summary = try await device.sync(over: try HTTPTransport(baseURL: url, timeout: .seconds(10)))
            #expect(summary.sentChanges == 5)
            stop.withLock { $0 = true }
            try await Task.sleep(for: .seconds(2))
        }
        #expect(closedEarly.withLock { $0 } >= 36, "all but 4 from one address are turned away at once")
        #expect(try device.pendingChanges() == 0)
        // The refusals are in the sync log, but not without bound.
        let refused = try district.hub.replica.syncAttempts(limit: 1_000).filter { !$0.ok }
        #expect(!refused.isEmpty && refused.count <= RefusalLog.perMinute + 4)
    }

    @Test("an upload that does not arrive within its deadline is cut")
    func deadline() async {
        let slow = AsyncStream<[UInt8]> { continuation in
            Task {
                for _ in 0..<100 {
                    continuation.yield([1])
                    try? await Task.sleep(for: .milliseconds(200))
                }
                continuation.finish()
            }
        }
        let upload = await UploadedFile.read(announced: 100, limit: 1_000, within: .milliseconds(500), from: slow)
        guard case .tooSlow(let received, _) = upload else {
            Issue.record("expected the upload to be cut, got \(upload)")
            return
        }
        #expect(received < 100)
        #expect(UploadedFile.deadline(forBytes: 64 << 20) == .seconds(30 + 4_096))
    }
}
