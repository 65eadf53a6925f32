import FaguMerge
import FaguModel

/// A stored record's register entries as read with its row, kept compact until asked for:
/// a field written once holds its dot and time (its value is the one displayed); a field
/// in conflict holds its whole register, read from the conflict table.
struct WrittenEntries: Sendable {
    /// A field whose register holds one entry.
    struct Single: Sendable {
        var field: String
        var dot: Dot
        var time: Timestamp
    }

    /// Fields with one entry, in the table's field order.
    var singles: [Single] = []
    /// Fields in conflict, with every current entry.
    var conflicts: [String: FieldRegister] = [:]

    /// Every written field's register, with `values` (the displayed ones; a null value is
    /// absent) as the value of each single entry.
    func registers(values: [String: FieldValue]) -> [String: FieldRegister] {
        var registers = conflicts
        registers.reserveCapacity(singles.count + conflicts.count)
        for single in singles {
            registers[single.field] = FieldRegister([RegisterEntry(dot: single.dot, value: values[single.field] ?? .null,
                                                                  time: single.time)])
        }
        return registers
    }
}
