import FaguStore

/// How listing commands print groups set aside (quarantined): when, whose, which record,
/// the code and the reason; `--json` adds the content the hub kept.
public enum SetAsideListing {
    /// Prints `entries` as JSON or as a table.
    public static func print(_ entries: [SetAsideEntry], json: Bool, _ language: Language) throws {
        if json { return try JSONOutput.print(entries.map(SetAsideItem.init)) }
        if entries.isEmpty { return Swift.print(language.text(zh: "（没有被搁置的变更）", en: "(nothing set aside)")) }
        var table = TextTable(headers: [
            language.text(zh: "搁置时间", en: "set aside at"), language.text(zh: "作者", en: "author"),
            language.text(zh: "社区", en: "scope"), language.text(zh: "记录", en: "record"),
            language.text(zh: "原因代码", en: "code"), language.text(zh: "原因", en: "reason"),
        ])
        for entry in entries {
            table.append([ShanghaiTime.text(entry.notedAt), entry.author, entry.scope, "\(entry.kind) \(entry.record)", entry.code,
                          entry.reason])
        }
        Swift.print(table.render())
    }
}
