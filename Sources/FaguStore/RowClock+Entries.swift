extension RowClock {
    /// One field's entries. Nearly every field holds one entry, which is kept inline: a row's
    /// clock then costs one allocation, not one per written field (reading a day's 100,000
    /// records back decoded an array of one element for each).
    struct Entries: RandomAccessCollection, ExpressibleByArrayLiteral, Equatable {
        private enum Storage: Equatable {
            case none
            case one(Entry)
            case many([Entry])
        }

        private var storage: Storage

        /// The entries of `entries`, in order.
        init(_ entries: [Entry]) {
            switch entries.count {
            case 0: storage = .none
            case 1: storage = .one(entries[0])
            default: storage = .many(entries)
            }
        }

        /// A single entry.
        init(_ entry: Entry) { storage = .one(entry) }

        init(arrayLiteral elements: Entry...) { self.init(elements) }

        var startIndex: Int { 0 }

        var endIndex: Int {
            switch storage {
            case .none: 0
            case .one: 1
            case .many(let entries): entries.count
            }
        }

        subscript(position: Int) -> Entry {
            switch storage {
            case .one(let entry) where position == 0: return entry
            case .many(let entries): return entries[position]
            default: preconditionFailure("entry \(position) of a field with \(endIndex)")
            }
        }
    }
}
