import FaguCLI
import FaguDoctor
import FaguHTTP
import FaguStore
import FaguSync
import FaguTesting
import Foundation
import Testing

@Suite("fagu-doctor beside a running hub")
struct DoctorBesideServeTests {
    @Test("status, verify and diff read a hub home while the server syncs devices: no error, and every sync meanwhile succeeds")
    func doctorBesideServe() async throws {
        let district = try District()
        let devices = [try district.join(.adviser, "a001", as: "a001"), try district.join(.adviser, "a002", as: "a002"),
                       try district.join(.office, "c01", as: "office-c01")]
        let hubHome = district.directory.file("hub")
        try await withLiveHub(district.hub) { url in
            let transport = try HTTPTransport(baseURL: url)
            // The devices write and sync in rounds, starting once the doctor has begun reading.
            let (doctorStarted, signal) = AsyncStream.makeStream(of: Void.self)
            let syncing = Task {
                var waiting = doctorStarted.makeAsyncIterator()
                _ = await waiting.next()
                var syncs = 0
                for round in 0..<12 {
                    for device in devices {
                        try device.logVisit(device.role == .office ? "c01" : (device.subject == "a002" ? "c03" : "c02"),
                                            hours: Double(1 + round % 5))
                        _ = try await device.sync(over: transport)
                        syncs += 1
                    }
                }
                return syncs
            }
            // The doctor reads over and over, on a thread of its own (as a separate process
            // would: it must not take the threads the syncs run on), until the syncs are done;
            // the hub's sync log says whether syncs committed while a doctor run was reading.
            signal.yield()
            let hubReplica = district.hub.replica
            let deviceHome = district.directory.file("a001")
            let (overlapping, doctorRuns) = try await withCheckedThrowingContinuation { (done: CheckedContinuation<(Int, Int), any Error>) in
                Thread {
                    do {
                        var overlapping = 0
                        var doctorRuns = 0
                        let deadline = Date().addingTimeInterval(300)
                        while Date() < deadline {
                            let before = try hubReplica.syncAttempts(limit: 100).count
                            if before >= 36 { break }
                            try StatusCommand.parse(["--home", hubHome, "--json"]).run()
                            try VerifyCommand.parse(["--home", hubHome, "--json"]).run()
                            do {
                                // A device syncing right now may be ahead of the hub: diff may differ, not fail.
                                try DiffCommand.parse([deviceHome, hubHome, "--json"]).run()
                            } catch let failure as CommandFailure where failure.exitCode == 1 {}
                            if try hubReplica.syncAttempts(limit: 100).count > before { overlapping += 1 }
                            doctorRuns += 1
                        }
                        done.resume(returning: (overlapping, doctorRuns))
                    } catch {
                        done.resume(throwing: error)
                    }
                }.start()
            }
            #expect(overlapping > 0, "syncs committed while the doctor read the hub (\(doctorRuns) doctor runs)")
            let syncs = try await syncing.value
            #expect(syncs == 36)
        }
        // Quiet again: every device equals the hub, and the doctor says so.
        for device in devices { _ = try await withLiveHub(district.hub) { try await device.sync(over: HTTPTransport(baseURL: $0)) } }
        try VerifyCommand.parse(["--home", hubHome]).run()
        for name in ["a001", "a002", "office-c01"] { try DiffCommand.parse([district.directory.file(name), hubHome]).run() }
        let log = try district.hub.replica.syncAttempts(limit: 100)
        #expect(log.allSatisfy { $0.ok }, "no sync failed while the doctor read: \(log.filter { !$0.ok }.map(\.message))")
    }
}
