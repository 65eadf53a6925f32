import FaguCLI
import FaguDomain
import FaguModel
import FaguReports
import FaguStore
import FaguSync
import Foundation

/// Reads what reports need from a hub's replica, opened read-only (safe beside a running
/// `fagu-hub serve`) and read in one snapshot: one query per kind.
///
/// Only records the hub accepted are there to read: groups it set aside are kept apart and
/// never applied to the record tables.
enum ReportLoader {
    /// The district's records in the hub at `home`.
    static func load(home: String, _ language: Language) throws -> DistrictRecords {
        let path = Hub.replicaPath(home: home)
        guard FileManager.default.fileExists(atPath: path) else {
            throw CommandFailure(language.text(Catalogue.notAHome(home)), exitCode: 2)
        }
        let replica: Replica
        do {
            replica = try Replica.openReadOnly(at: path, schema: .legalAdvice)
        } catch {
            throw CommandFailure(language.text(Catalogue.cannotOpenHome(home, "\(error)")), exitCode: 2)
        }
        return try failing(language) { try replica.inSnapshot { try records(in: replica) } }
    }

    /// Every complete record of `R`'s kind, with the stored record it came from. One without
    /// every required field (its creation has not arrived) is left out: it has no date to
    /// count by. A complete one that does not decode is damage, and fails the report.
    private static func complete<R: TypedRecord>(_ type: R.Type, in replica: Replica) throws -> [(record: R, stored: StoredRecord)] {
        let required = R.kind.fields.filter(\.required).map(\.name)
        return try replica.records(R.kind, matching: RecordFilter())
            .filter { stored in required.allSatisfy { stored.fields[$0] != nil } }
            .map { (try $0.typed(as: R.self), $0) }
    }

    /// Every complete record of `R`'s kind.
    private static func all<R: TypedRecord>(_ type: R.Type, in replica: Replica) throws -> [R] {
        try complete(type, in: replica).map(\.record)
    }

    private static func records(in replica: Replica) throws -> DistrictRecords {
        let consultations = try complete(Consultation.self, in: replica).map { entry in
            ConsultationEntry(entry.record, answerWrittenAt: entry.stored.registers["answer"]?.displayed?.time)
        }
        let alerts = Dictionary(try replica.incidentAlerts().map { ($0.record, $0) }, uniquingKeysWith: { first, _ in first })
        let incidents = try all(IncidentReport.self, in: replica).map { report in
            let alert = alerts[report.id]
            return IncidentEntry(report, delayMinutes: alert?.delayMinutes, deviceClockAhead: alert?.deviceClockAhead ?? false)
        }
        return DistrictRecords(
            communities: try all(Community.self, in: replica), advisers: try all(Adviser.self, in: replica),
            appointments: try all(Appointment.self, in: replica), visits: try all(Visit.self, in: replica),
            lectures: try all(Lecture.self, in: replica), consultations: consultations,
            mediations: try all(Mediation.self, in: replica), legalAid: try all(LegalAidReferral.self, in: replica),
            governance: try all(GovernanceItem.self, in: replica), commissions: try all(Commission.self, in: replica),
            incidents: incidents)
    }
}
