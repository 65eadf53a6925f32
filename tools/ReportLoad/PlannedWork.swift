import FaguDomain
import FaguModel

/// One record an adviser will log: its day, community and kind, and the record itself once
/// the device's write path gives it an id.
struct PlannedWork {
    /// The day of the work, `YYYY-MM-DD`: the device logs it at noon that day.
    var date: String
    /// The community it is in.
    var community: String
    /// Its kind.
    var kind: RecordKind
    /// The record, with the id the transaction made.
    var make: (RecordID) -> any LoggedWork
}
