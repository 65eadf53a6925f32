import FaguDomain
import FaguModel
import FaguStore
import FaguSync

/// Work a device does in tests, through its replica's write path.
extension FieldReplica {
    /// Whose work this device logs by default: its adviser, or — on an office device — the
    /// adviser ``TestDistrict`` appoints to the office's community.
    public var defaultAdviser: String {
        role == .adviser ? subject : (["c01": "a001", "c02": "a001", "c03": "a002"][subject] ?? "a001")
    }

    /// Logs a visit to `community` and returns its id.
    @discardableResult
    public func logVisit(_ community: String, hours: Double = 6, note: String = "走访，解答咨询",
                         date: String = TestDistrict.today, adviser: String? = nil) throws -> RecordID {
        try replica.write { transaction in
            try transaction.insert(Visit(id: transaction.newRecordID(), communityID: community, adviserID: adviser ?? defaultAdviser,
                                         date: date, hours: hours, note: note))
        }
    }

    /// Opens a case in `community` and returns its id.
    public func openCase(_ community: String, _ title: String) throws -> RecordID {
        try replica.write { transaction in
            try transaction.insert(LegalCase(id: transaction.newRecordID(), communityID: community, adviserID: defaultAdviser,
                                             date: TestDistrict.today, title: title, status: .open))
        }
    }

    /// This device's digest of its scopes.
    public func digest() throws -> String { try replica.digest(scopes: scopes) }
}
