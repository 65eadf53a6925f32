import FaguHTTP
import FaguHubServer
import FaguSync
import Foundation
import Logging
import Testing

@Suite("GET /metrics: what the hub did, in Prometheus's text format")
struct MetricsTests {
    @Test("after a few syncs and refusals the counters, byte totals and histograms have moved by exactly what was sent")
    func countersMove() async throws {
        let district = try District()
        let a001 = try district.join(.adviser, "a001", as: "a001")
        let a002 = try district.join(.adviser, "a002", as: "a002")
        _ = try district.join(.office, "c02", as: "office-c02")   // enrolled, never synced
        for index in 0..<30 { try a001.logVisit("c01", hours: Double(index % 6 + 1)) }
        try a002.logVisit("c03")
        let (before, after) = try await withLiveHub(district.hub) { url in
            let before = try Self.scrape(try await rawRequest(url + "/metrics"))
            let counting = CountingTransport(try HTTPTransport(baseURL: url))
            _ = try await a001.sync(over: counting)
            _ = try await a002.sync(over: counting)
            _ = try await a001.sync(over: counting)
            let garbage = Array("not a change set".utf8)
            _ = try await rawRequest(url + "/v1/sync", post: garbage)
            #expect(try district.hub.revoke("a002") == [a002.replica.id])
            try a002.logVisit("c03")
            let revokedFile = try a002.request().file
            let refused = try await rawRequest(url + "/v1/sync", post: revokedFile)
            #expect(refused.status == 403)
            let after = try Self.scrape(try await rawRequest(url + "/metrics"))
            let sent = counting.totals
            #expect(after[#"fagu_syncs_total{outcome="accepted"}"#] == Double(sent.exchanges))
            #expect(after[#"fagu_received_bytes_total"#] == Double(sent.sent + garbage.count + revokedFile.count))
            #expect(after[#"fagu_sent_bytes_total"#] == Double(sent.received))
            #expect(after[#"fagu_apply_seconds_count"#] == Double(sent.exchanges))
            #expect(after[#"fagu_reply_seconds_count"#] == Double(sent.exchanges))
            return (before, after)
        }
        #expect(before[#"fagu_syncs_total{outcome="accepted"}"#] == 0)
        #expect(before[#"fagu_devices{last_seen="never"}"#] == 3)
        #expect(after[#"fagu_syncs_total{outcome="refused"}"#] == 2)
        #expect(after[#"fagu_refusals_total{code="bad_file"}"#] == 1)
        #expect(after[#"fagu_refusals_total{code="revoked_device"}"#] == 1)
        // a002 is revoked and left out; a001 synced just now; the office never did.
        #expect(after[#"fagu_devices{last_seen="1d"}"#] == 1)
        #expect(after[#"fagu_devices{last_seen="never"}"#] == 1)
        #expect(after[#"fagu_held_back_groups"#] == 0 && after[#"fagu_set_aside_groups"#] == 0)
    }

    @Test("with a metrics port of its own, /metrics is served there and not beside the syncs")
    func separatePort() async throws {
        let district = try District()
        let server = HubServer(hub: district.hub, port: 0, logger: Logger(label: "test") { _ in SwiftLogNoOpLogHandler() }, metricsPort: 0)
        let (ports, announce) = AsyncStream.makeStream(of: (Int, Bool).self)
        try await withThrowingTaskGroup(of: Void.self) { group in
            group.addTask {
                try await server.run(onListening: { announce.yield(($0, false)) }, onMetricsListening: { announce.yield(($0, true)) })
            }
            var bound: [Bool: Int] = [:]
            for await (port, isMetrics) in ports {
                bound[isMetrics] = port
                if bound.count == 2 { break }
            }
            let (sync, metrics) = (try #require(bound[false]), try #require(bound[true]))
            let scraped = try await rawRequest("http://127.0.0.1:\(metrics)/metrics")
            #expect(scraped.status == 200 && scraped.body.contains("fagu_devices"))
            #expect(try await rawRequest("http://127.0.0.1:\(sync)/metrics").status == 404)
            #expect(try await rawRequest("http://127.0.0.1:\(sync)/v1/health").status == 200)
            group.cancelAll()
        }
    }

    /// The samples of a scrape, by name and labels as written (`name{label="value"}`).
    static func scrape(_ response: (status: Int, body: String)) throws -> [String: Double] {
        try #require(response.status == 200)
        var samples: [String: Double] = [:]
        for line in response.body.split(separator: "\n") where !line.hasPrefix("#") {
            guard let space = line.lastIndex(of: " "), let value = Double(line[line.index(after: space)...]) else { continue }
            samples[String(line[..<space])] = value
        }
        return samples
    }
}
