import AsyncHTTPClient
import FaguHTTP
import FaguHubServer
import FaguDomain
import FaguModel
import FaguStore
import FaguSync
import FaguWire
import Foundation
import NIOSSL
import Testing

@Suite("Sync over HTTP with a real hub server on 127.0.0.1")
struct HTTPSyncTests {
    @Test("two advisers and an office converge over HTTP; a concurrent status edit is one open conflict on all")
    func convergence() async throws {
        let district = try District()
        let a001 = try district.join(.adviser, "a001", as: "a001")
        let a002 = try district.join(.adviser, "a002", as: "a002")
        let office = try district.join(.office, "c01", as: "office-c01")
        let caseID = try a001.openCase("c01", "宅基地相邻权纠纷")
        try a001.logVisit("c01")
        try a001.logVisit("c02", hours: 3)
        try a002.logVisit("c03")
        try office.logVisit("c01", hours: 2)
        try await withLiveHub(district.hub) { url in
            let transport = try HTTPTransport(baseURL: url)
            for device in [a001, a002, office] { _ = try await device.sync(over: transport) }
            #expect(try office.replica.record(.legalCase, id: caseID) != nil)
            // Both edit the case's status offline, then sync; the adviser once more to hear the office.
            try a001.replica.write { try $0.update(.legalCase, id: caseID, fields: ["status": .text("mediated")]) }
            try office.replica.write { try $0.update(.legalCase, id: caseID, fields: ["status": .text("referred")]) }
            for device in [a001, office, a002, a001] { _ = try await device.sync(over: transport) }
        }
        for device in [a001, a002, office] {
            for scope in try device.scopes {
                #expect(try device.replica.digest(scopes: [scope]) == district.hub.replica.digest(scopes: [scope]),
                        "\(device.subject) \(scope)")
            }
            #expect(try device.pendingChanges() == 0 && device.isRegistered())
        }
        let conflicts = try district.hub.replica.openConflicts()
        #expect(conflicts.map(\.field) == ["status"])
        #expect(try a001.replica.openConflicts() == conflicts)
        #expect(try office.replica.openConflicts() == conflicts)
        #expect(try a002.replica.openConflicts().isEmpty)
        let log = try district.hub.replica.syncAttempts(limit: 100)
        #expect(log.count == 7 && log.allSatisfy { $0.ok && $0.transport == "serve" })
        #expect(Set(log.map(\.peer)) == ["a001", "a002", "c01"])
    }

    @Test("an upload cut mid-transfer, or a reply lost on the way back, loses nothing; the next sync completes")
    func interruptedTransfer() async throws {
        let district = try District()
        let device = try district.join(.adviser, "a001", as: "a001")
        for index in 0..<20 { try device.logVisit("c01", hours: Double(index % 6 + 1)) }
        let before = try district.hubState()
        try await withLiveHub(district.hub) { url in
            // Headers announce the whole file; half of it goes out; the connection drops.
            let file = try device.request().file
            try RawHTTPClient(port: port(of: url)).postAndHangUp("/v1/sync", announced: file.count,
                                                                 body: Array(file.prefix(file.count / 2)))
            #expect(try await waitUntil { try !district.hub.replica.syncAttempts().isEmpty })
            let cut = try #require(try district.hub.replica.syncAttempts().first)
            #expect(!cut.ok && cut.message.contains("upload ended after") && cut.message.contains("of \(file.count) bytes"))
            #expect(try district.hubState() == before)

            // The hub applies the next upload, but its reply never arrives.
            let transport = try HTTPTransport(baseURL: url)
            await #expect(throws: ReplyLost.Lost.self) { try await device.sync(over: ReplyLost(base: transport)) }
            #expect(try district.hub.replica.records(.visit).count == 20)
            #expect(try !device.isRegistered() && device.pendingChanges() == 20 * 5)

            let summary = try await device.sync(over: transport)
            #expect(summary.rounds == 1)
        }
        #expect(try device.isRegistered() && device.pendingChanges() == 0)
        #expect(try device.digest() == district.hubDigest(for: device))
        #expect(try device.replica.syncAttempts().map(\.ok) == [true, false])
        #expect(try district.hub.replica.syncAttempts().map(\.ok) == [true, true, false])
    }

    @Test("refusals arrive as SyncRefusal with their code (403 or 400), and nothing is applied")
    func refusals() async throws {
        let district = try District()
        let device = try district.join(.adviser, "a001", as: "a001")
        let stranger = try District().join(.adviser, "a001", as: "a001")
        try await withLiveHub(district.hub) { url in
            let transport = try HTTPTransport(baseURL: url)
            _ = try await device.sync(over: transport)
            try device.logVisit("c01")
            #expect(try district.hub.revoke("a001") == [device.replica.id])
            let before = try district.hubState()

            let revoked = await #expect(throws: SyncRefusal.self) { try await device.sync(over: transport) }
            #expect(revoked?.code == .revokedDevice)
            try stranger.logVisit("c01")
            let unknown = await #expect(throws: SyncRefusal.self) { try await stranger.sync(over: transport) }
            #expect(unknown?.code == .unknownDevice)
            let damaged = await #expect(throws: SyncRefusal.self) { try await transport.exchange(Array("not a change set".utf8)) }
            #expect(damaged?.code == .badFile)

            let forbidden = try await rawRequest(url + "/v1/sync", post: try device.request().file)
            #expect(forbidden.status == 403 && forbidden.body.contains(#""code":"revoked_device""#))
            let bad = try await rawRequest(url + "/v1/sync", post: Array("garbage".utf8))
            #expect(bad.status == 400 && bad.body.contains(#""code":"bad_file""#))
            #expect(try district.hubState() == before)
        }
        #expect(try device.pendingChanges() == 5)
        #expect(try district.hub.replica.records(.visit).isEmpty)
        let refused = try district.hub.replica.syncAttempts().filter { !$0.ok }
        #expect(refused.count == 5)
        #expect(refused.filter { $0.peer == "a001" }.count == 2)
    }

    @Test("a large delta goes in pages over HTTP, each a round trip, and converges")
    func pagedSync() async throws {
        let district = try District(pageLimit: 7)
        let a001 = try district.join(.adviser, "a001", as: "a001")
        let office = try district.join(.office, "c01", as: "office-c01")
        for _ in 0..<30 { try office.logVisit("c01") }
        for _ in 0..<25 { try a001.logVisit("c02") }
        try await withLiveHub(district.hub) { url in
            let transport = try HTTPTransport(baseURL: url)
            let up = try await office.sync(over: transport, pageLimit: 7)
            #expect(up.rounds >= 5 && up.sentChanges == 30 * 5)
            let down = try await a001.sync(over: transport, pageLimit: 7)
            #expect(down.rounds >= 5 && down.receivedChanges >= 30 * 5)
            _ = try await office.sync(over: transport, pageLimit: 7)
        }
        #expect(try a001.digest() == district.hubDigest(for: a001))
        #expect(try office.digest() == district.hubDigest(for: office))
    }

    @Test("an incident report is announced the moment its sync is applied")
    func incidentNotice() async throws {
        let district = try District()
        let device = try district.join(.adviser, "a001", as: "a001")
        let id = try device.replica.write { transaction in
            try transaction.insert(IncidentReport(id: transaction.newRecordID(), communityID: "c01", adviserID: "a001",
                                                  date: District.today, level: .mass, summary: "村民因征地补偿聚集"))
        }
        let notices = Collected<IncidentNotice>()
        try await withLiveHub(district.hub, onIncident: { notices.add($0) }) { url in
            let summary = try await device.sync(over: try HTTPTransport(baseURL: url))
            #expect(summary.rounds == 1)
            _ = try await device.sync(over: try HTTPTransport(baseURL: url))
        }
        #expect(notices.all == [IncidentNotice(record: id, device: device.replica.id, subject: "a001",
                                               communityID: "c01", level: "mass")])
    }

    @Test("a body announced over the limit is refused with 413 before it is read; health answers")
    func limitsAndHealth() async throws {
        let district = try District()
        try await withLiveHub(district.hub) { url in
            let limit = ChangeSetLimits.standard.maxFileBytes
            let answer = try RawHTTPClient(port: port(of: url)).postHeadOnly("/v1/sync", announced: limit + 1)
            #expect(answer.status == 413 && answer.body.contains(#""code":"bad_file""#))
            let health = try await rawRequest(url + "/v1/health")
            #expect(health.status == 200)
            let body = try JSONDecoder().decode([String: String].self, from: Data(health.body.utf8))
            #expect(body == ["district": "浦东新区", "replica": district.hub.replica.id.description])
            #expect(try await rawRequest(url + "/v1/nothing").status == 404)
        }
        let log = try district.hub.replica.syncAttempts()
        #expect(log.count == 1 && !log[0].ok && log[0].message.contains("over the limit"))
    }

    @Test("a hub that cannot be reached, one that hangs, or an address that is not http(s): a clear HTTPTransportError")
    func unreachable() async throws {
        let district = try District()
        let device = try district.join(.adviser, "a001", as: "a001")
        try device.logVisit("c01")
        let transport = try HTTPTransport(baseURL: "http://127.0.0.1:1/", timeout: .seconds(5))
        #expect(transport.baseURL == "http://127.0.0.1:1")
        let error = await #expect(throws: HTTPTransportError.self) { try await device.sync(over: transport) }
        #expect(error?.code == .unreachable)
        #expect(error?.message.hasPrefix("cannot reach the hub at http://127.0.0.1:1: ") == true)
        #expect(try device.pendingChanges() == 5)
        let silent = try SilentListener()
        let hanging = try HTTPTransport(baseURL: "http://127.0.0.1:\(silent.port)", timeout: .milliseconds(500))
        let late = await #expect(throws: HTTPTransportError.self) { try await device.sync(over: hanging) }
        #expect(late?.code == .timedOut)
        #expect(throws: HTTPTransportError.self) { try HTTPTransport(baseURL: "ftp://hub") }
        #expect(throws: HTTPTransportError.self) { try HTTPTransport(baseURL: "hub.example:8080") }
    }

    @Test("over HTTPS: a device that trusts the hub's certificate syncs; one that does not cannot connect",
          .enabled(if: SelfSigned.available))
    func https() async throws {
        let district = try District()
        let device = try district.join(.adviser, "a001", as: "a001")
        try device.logVisit("c01")
        let tls = try SelfSigned.make(in: district.directory.path)
        try await withLiveHub(district.hub, tls: tls) { url in
            #expect(url.hasPrefix("https://"))
            let untrusting = try HTTPTransport(baseURL: url, timeout: .seconds(10))
            let error = await #expect(throws: HTTPTransportError.self) { try await device.sync(over: untrusting) }
            #expect(error?.code == .untrustedCertificate)
            let trusting = try HTTPTransport(baseURL: url, trustRoots: tls.certificateChain)
            _ = try await device.sync(over: trusting)
            // A client that offers at most TLS 1.1 is refused; the same client allowed 1.2 gets in.
            for (version, refused) in [(TLSVersion.tlsv11, true), (.tlsv12, false)] {
                var configuration = TLSConfiguration.makeClientConfiguration()
                configuration.trustRoots = .file(tls.certificateChain)
                configuration.minimumTLSVersion = .tlsv1
                configuration.maximumTLSVersion = version
                let client = HTTPClient(eventLoopGroupProvider: .singleton,
                                        configuration: HTTPClient.Configuration(tlsConfiguration: configuration))
                let outcome: Result<HTTPClientResponse, any Error>
                do {
                    outcome = .success(try await client.execute(HTTPClientRequest(url: url + "/v1/health"), timeout: .seconds(10)))
                } catch {
                    outcome = .failure(error)
                }
                try await client.shutdown()
                if case .success(let response) = outcome {
                    #expect(!refused && response.status == .ok, "TLS up to \(version) was let in")
                } else {
                    #expect(refused, "TLS up to \(version) was refused")
                }
            }
        }
        #expect(try device.digest() == district.hubDigest(for: device))
        #expect(try device.pendingChanges() == 0)
    }

    @Test("TLS files that cannot be read stop the server before it listens")
    func badTLSFiles() async throws {
        let district = try District()
        let missing = TLSFiles(certificateChain: district.directory.file("none.pem"),
                               privateKey: district.directory.file("none-key.pem"))
        let error = await #expect(throws: HubServerFailure.self) {
            try await withLiveHub(district.hub, tls: missing) { _ in }
        }
        #expect(error?.message.contains("cannot read the TLS certificate") == true)
    }
}
