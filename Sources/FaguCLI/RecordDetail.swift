import FaguStore

/// How `show ID` prints one record — every field, any conflict, and with `--history` every
/// change — for the field client and the hub alike.
public enum RecordDetail {
    /// `show --json --history`: the record and its changes.
    struct WithHistory: Encodable {
        var record: RecordListing
        var history: [HistoryListing]
    }

    /// Prints the record `reference` names in `replica` (its changes too when `history`).
    ///
    /// - Throws: a one-line ``CommandFailure`` when the record is not there.
    public static func print(_ reference: String, in replica: Replica, history: Bool, json: Bool, _ language: Language) throws {
        let found = try RecordReference.resolve(reference, on: replica, language)
        guard let record = try failing(language, { try replica.record(found.kind, id: found.id) }) else {
            throw CommandFailure(language.text(Catalogue.noRecordHere(reference)))
        }
        let listing = RecordListing(record)
        let changes = history ? try failing(language) { try replica.history(of: record.kind, id: record.id) } : []
        let historyListing = HistoryListing.of(changes, of: record.kind, conflicts: record.conflicts.mapValues { $0.entries.map(\.dot) })
        if json {
            return history ? try JSONOutput.print(WithHistory(record: listing, history: historyListing)) : try JSONOutput.print(listing)
        }
        Swift.print("\(record.kind.rawValue) \(record.id)")
        var table = TextTable(headers: [Catalogue.Column.field, Catalogue.Column.value].map(language.text))
        for name in listing.fields.keys.sorted() {
            let conflict = record.conflicts[name].map { register in
                "  ⚠ " + language.text(Catalogue.conflictAmong(register.entries.map { RecordListing.text($0.value) }
                    .joined(separator: " / ")))
            } ?? ""
            table.append([name, listing.fields[name]!.text + conflict])
        }
        Swift.print(table.render())
        if history {
            Swift.print("")
            Swift.print(HistoryListing.table(historyListing, language).render())
        }
    }
}
