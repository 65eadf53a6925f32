import FaguModel
import FaguStore
import FaguSync

/// Work a device does in tests, through its replica's write path.
extension FieldReplica {
    /// Logs a visit to `community` and returns its id.
    @discardableResult
    public func logVisit(_ community: String, hours: Double = 6, note: String = "走访，解答咨询",
                         date: String = TestDistrict.today, adviser: String? = nil) throws -> RecordID {
        try replica.write { transaction in
            try transaction.insert(Visit(id: transaction.newRecordID(), communityID: community, adviserID: adviser ?? subject,
                                         date: date, hours: hours, note: note))
        }
    }

    /// Opens a case in `community` and returns its id.
    public func openCase(_ community: String, _ title: String) throws -> RecordID {
        try replica.write { transaction in
            try transaction.insert(LegalCase(id: transaction.newRecordID(), communityID: community, adviserID: subject,
                                             date: TestDistrict.today, title: title, status: .open))
        }
    }

    /// This device's digest of its scopes.
    public func digest() throws -> String { try replica.digest(scopes: scopes) }
}
