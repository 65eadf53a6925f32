import FaguModel

/// A change to a field fixed at creation (``FieldSpec/immutable``) of a record whose field
/// already holds a value: one of the two kinds that apply, or nil (the change is refused,
/// `immutable_field`).
///
/// Such a field takes no ordinary change once written. Two changes to it still apply,
/// because refusing them would leave replicas apart for good:
/// - another replica's creation of the same coded record (such as an appointment entered on
///   two replicas), made without seeing this one: kept beside the value held, as a
///   conflict — the replica that holds neither creation yet takes it as the creation. A
///   record named by a UUID is created once, where its id was drawn: a second creation of
///   it is forged or a fault, and stays refused;
/// - a choice among the values of such a conflict, by a write that saw them: it supersedes
///   the entries it saw, as any write does.
///
/// Decided by the change alone, never by what the receiver holds, so that every replica
/// decides the same whatever it received first.
public enum FixedFieldChange: Hashable, Sendable {
    /// A creation of a coded record made without seeing any value of the field.
    case concurrentCreation
    /// A write that saw two or more values of the field: the resolution of a conflict.
    case conflictResolution

    /// What a change is, from its context for the field (the dots it saw), its record, and
    /// whether its group creates the record (carries every required field); nil when it may
    /// not apply.
    public init?(context: [Dot], record: RecordID, inCreatingGroup: Bool) {
        if context.count >= 2 {
            self = .conflictResolution
        } else if context.isEmpty, inCreatingGroup, case .code = record {
            self = .concurrentCreation
        } else {
            return nil
        }
    }
}
