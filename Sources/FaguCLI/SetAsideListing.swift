import FaguStore

/// How listing commands print groups set aside (quarantined): when, whose, which record,
/// the code and the reason; `--json` adds the content the hub kept.
public enum SetAsideListing {
    /// Prints `entries` as JSON or as a table.
    public static func print(_ entries: [SetAsideEntry], json: Bool, _ language: Language) throws {
        if json { return try JSONOutput.print(entries.map(SetAsideItem.init)) }
        if entries.isEmpty { return Swift.print(language.text(Catalogue.nothingSetAside)) }
        let column = Catalogue.Column.self
        var table = TextTable(headers: [column.setAsideAt, column.author, column.scope, column.record, column.code,
                                        column.reason].map(language.text))
        for entry in entries {
            table.append([ShanghaiTime.text(entry.notedAt), entry.author, entry.scope, "\(entry.kind) \(entry.record)", entry.code,
                          entry.reason])
        }
        Swift.print(table.render())
    }
}
