import FaguDomain
import FaguModel
import FaguStore
import FaguSync
import FaguTesting
import Foundation

/// `fagu-bench field-home --home DIR [--records N]`: an adviser's laptop home holding N
/// records of the last year (visits, consultations, mediations, lectures, governance items,
/// cases), joined to a throwaway hub — to time the field commands on a full replica.
struct FieldHome {
    let home: String
    let records: Int

    func run() throws -> String {
        let hubHome = FileManager.default.temporaryDirectory.appendingPathComponent("fagu-field-home-hub-\(UUID().uuidString)").path
        defer { try? FileManager.default.removeItem(atPath: hubHome) }
        let hub = try Hub.create(home: hubHome, district: "崇明区")
        let communities = ["c01", "c02", "c03"]
        _ = try hub.writeRoster(
            communities: communities.map { Community(id: .code($0), name: "村\($0)", kind: .village) },
            advisers: [Adviser(id: .code("a001"), name: "王丽华", kind: .lawyer)],
            appointments: communities.map {
                Appointment(id: .code("a001@\($0)"), adviserID: "a001", communityID: $0, start: "2025-01-01")
            })
        let enrollment = try hub.enroll(.adviser, subject: "a001", hubURL: "http://127.0.0.1:8080",
                                        today: CalendarClock.day("2026-11-27", plus: 0))
        let device = try FieldReplica.join(home: home, enrollment: enrollment)
        var workload = Workload(seed: 3, communities: communities, adviser: "a001")
        var written = 0
        while written < records {
            try device.replica.write { transaction in
                for _ in 0..<min(1_000, records - written) {
                    // Spread over the last 365 days.
                    let date = CalendarClock.day("2026-11-27", plus: -(written % 365))
                    let id = transaction.newRecordID()
                    if written % 5 == 4 {
                        try transaction.insert(.legalCase, id: id, fields: workload.caseRecord(date: date))
                    } else {
                        let record = workload.logRecord(id: id, date: date)
                        try transaction.insert(record.kind, id: id, fields: record.fields)
                    }
                    written += 1
                }
            }
        }
        return "{\"home\": \"\(home)\", \"records\": \(written)}"
    }
}
