import FaguMerge
import FaguModel

/// A stored record's register entries as read with its row, kept compact until asked for:
/// a field written once holds its one entry; a field in conflict holds its whole register,
/// read from the conflict table.
struct WrittenEntries: Hashable, Sendable {
    /// A field whose register holds one entry.
    struct Single: Hashable, Sendable {
        var field: String
        var entry: RegisterEntry
    }

    /// Fields with one entry, in the table's field order.
    var singles: [Single] = []
    /// Fields in conflict, with every current entry.
    var conflicts: [String: FieldRegister] = [:]

    /// Every written field's register.
    var registers: [String: FieldRegister] {
        var registers = conflicts
        registers.reserveCapacity(singles.count + conflicts.count)
        for single in singles { registers[single.field] = FieldRegister([single.entry]) }
        return registers
    }

    /// The register of `field`, or nil when it was never written.
    func register(_ field: String) -> FieldRegister? {
        if let single = singles.first(where: { $0.field == field }) { return FieldRegister([single.entry]) }
        return conflicts[field]
    }
}
