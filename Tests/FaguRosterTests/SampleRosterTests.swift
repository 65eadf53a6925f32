import FaguDomain
import FaguModel
import FaguRoster
import Foundation
import Testing

/// The demo roster in `tools/roster/`.
private func sampleFile(_ name: String) throws -> RosterFile {
    let root = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent()  // FaguRosterTests
        .deletingLastPathComponent()  // Tests
        .deletingLastPathComponent()
    return try RosterFile(contentsOfFile: root.appendingPathComponent("tools/roster/\(name)").path)
}

private func readSample(existingAppointments: [Appointment] = []) throws -> RosterImport {
    RosterReader.read(communities: try sampleFile("communities.csv"), advisers: try sampleFile("advisers.csv"),
                      appointments: try sampleFile("appointments.csv"), existingAppointments: existingAppointments,
                      today: today)
}

@Suite("The demo roster in tools/roster")
struct SampleRosterTests {
    @Test("imports with no errors: 5 communities, 4 advisers, every community served")
    func importsCleanly() throws {
        let result = try readSample()
        #expect(result.errors == [], "\(result.errors)")
        #expect(result.communities.map(\.id.description) == ["c01", "c02", "c03", "c04", "c05"])
        #expect(result.advisers.map(\.id.description) == ["a001", "a002", "a003", "a004"])
        #expect(Set(result.appointments.map(\.communityID)) == ["c01", "c02", "c03", "c04", "c05"])
        let served = Dictionary(grouping: result.appointments, by: \.adviserID).mapValues { Set($0.map(\.communityID)) }
        #expect(served["a001"]?.isSuperset(of: ["c01", "c02"]) == true)
        #expect(served["a002"]?.isSuperset(of: ["c02", "c03"]) == true)
        #expect(result.communities.contains { $0.kind == .village } && result.communities.contains { $0.kind == .residential })
    }

    @Test("shows the R2, R7 and R9 warnings the demo is meant to show")
    func showsEachRule() throws {
        let result = try readSample()
        let rules = Set(result.warnings.compactMap(\.code.rule))
        #expect(rules == ["R2", "R7", "R9"], "\(result.warnings)")
        #expect(result.warnings.contains { $0.code == .tooManyCommunities && $0.english.contains("(a001)") })
        // a001's fourth community is explained on its row, as R2 asks.
        #expect(result.appointments.filter { $0.overLimitReason != nil }.map(\.id) == [.code("a001@c05@2026-01-01")])
        #expect(result.warnings.contains { $0.code == .tooManyCommunities && $0.chinese.contains("已记录理由：惠南镇东门居委会新建") })
        #expect(result.warnings.contains { $0.code == .underqualified && $0.english.contains("(a003)") })
        #expect(result.warnings.contains { $0.code == .unpublishedContact && $0.field == "service_hours" })
    }

    @Test("appointment ids are adviser@community@start, the same on every import")
    func deterministicAppointmentIDs() throws {
        let first = try readSample()
        let second = try readSample(existingAppointments: first.appointments)
        #expect(first.appointments.first?.id == .code("a001@c01@2025-01-01"))
        #expect(second.appointments.map(\.id) == first.appointments.map(\.id))
        #expect(second == first)
        #expect(first.appointments.allSatisfy { RecordID.isValidCode($0.id.description) })
    }
}
