/// The sentences of every problem the reader reports, in English and Chinese.
extension RosterProblem {
    /// Where a problem is: file, line and column.
    struct Place {
        /// The file name.
        var file: String
        /// The line the row starts on.
        var line: Int
        /// The column, or nil for the whole row or file.
        var field: String?

        /// The same row, another column.
        func field(_ name: String?) -> Place { Place(file: file, line: line, field: name) }
    }

    private init(_ place: Place, _ code: Code, _ english: String, _ chinese: String) {
        self.init(file: place.file, line: place.line, field: place.field, code: code, english: english,
                  chinese: chinese)
    }

    /// `value` in quotes, cut to 40 characters.
    private static func quoted(_ value: String) -> String {
        let cut = value.count > 40 ? value.prefix(40) + "…" : Substring(value)
        return "\"\(cut)\""
    }

    /// The words of a choice, `a, b or c` and `a、b 或 c`.
    private static func alternatives(_ words: [String]) -> (english: String, chinese: String) {
        guard let last = words.last, words.count > 1 else { return (words.first ?? "", words.first ?? "") }
        let head = words.dropLast()
        return (head.joined(separator: ", ") + " or " + last, head.joined(separator: "、") + " 或 " + last)
    }

    // MARK: The file

    static func notUTF8(_ place: Place) -> RosterProblem {
        RosterProblem(place, .notUTF8, "the file is not UTF-8 text (in Excel, save as \"CSV UTF-8\")",
                      "文件不是 UTF-8 编码（Excel 请另存为“CSV UTF-8”格式）")
    }

    static func unclosedQuote(_ place: Place) -> RosterProblem {
        RosterProblem(place, .malformedCSV, "a quoted field that starts in this row is never closed",
                      "本行开始的带引号字段没有结束引号")
    }

    static func textAfterClosingQuote(_ place: Place) -> RosterProblem {
        RosterProblem(place, .malformedCSV, "text follows a closing quote (write a quote inside quotes as \"\")",
                      "结束引号后还有文字（引号内的引号应写成 \"\"）")
    }

    static func emptyFile(_ place: Place) -> RosterProblem {
        RosterProblem(place, .emptyFile, "the file is empty; it needs a header row", "文件为空，缺少表头行")
    }

    static func missingColumn(_ place: Place) -> RosterProblem {
        let column = place.field ?? ""
        return RosterProblem(place, .missingColumn, "the header has no \"\(column)\" column", "表头缺少“\(column)”列")
    }

    static func duplicateColumn(_ place: Place) -> RosterProblem {
        let column = place.field ?? ""
        return RosterProblem(place, .duplicateColumn, "the header names the \"\(column)\" column twice",
                             "表头中“\(column)”列出现了两次")
    }

    static func tooManyFields(_ place: Place, count: Int, columns: Int) -> RosterProblem {
        RosterProblem(place, .tooManyFields,
                      "the row has \(count) fields but the header only \(columns) (quote values that contain a comma)",
                      "本行有 \(count) 个字段，表头只有 \(columns) 列（含逗号的值请加引号）")
    }

    // MARK: Fields

    static func emptyField(_ place: Place) -> RosterProblem {
        RosterProblem(place, .emptyField, "this field is required but empty", "此字段必填，但为空")
    }

    static func invalidChoice(_ place: Place, value: String, allowed: [String]) -> RosterProblem {
        let words = alternatives(allowed)
        return RosterProblem(place, .invalidChoice, "\(quoted(value)) is not one of \(words.english)",
                             "\(quoted(value)) 不是允许的值（\(words.chinese)）")
    }

    static func invalidCode(_ place: Place, value: String) -> RosterProblem {
        RosterProblem(place, .invalidCode,
                      "\(quoted(value)) is not an id code (1–64 characters of a-z A-Z 0-9 _ - . @)",
                      "\(quoted(value)) 不是有效编号（1–64 个字符，只能用 a-z A-Z 0-9 _ - . @）")
    }

    static func appointmentCodeTooLong(_ place: Place, code: String) -> RosterProblem {
        RosterProblem(place, .invalidCode,
                      "the appointment's id \(quoted(code)) would be longer than 64 characters; use shorter adviser and community ids",
                      "聘用合同编号 \(quoted(code)) 将超过 64 个字符，请缩短顾问和居村编号")
    }

    static func invalidDate(_ place: Place, value: String) -> RosterProblem {
        RosterProblem(place, .invalidDate, "\(quoted(value)) is not a date (YYYY-MM-DD)",
                      "\(quoted(value)) 不是有效日期（格式 YYYY-MM-DD）")
    }

    static func invalidYear(_ place: Place, value: String) -> RosterProblem {
        RosterProblem(place, .invalidYear, "\(quoted(value)) is not a four-digit year", "\(quoted(value)) 不是四位年份")
    }

    static func futureYear(_ place: Place, value: String, today: String) -> RosterProblem {
        RosterProblem(place, .invalidYear, "\(quoted(value)) is after the current year (today is \(today))",
                      "\(quoted(value)) 晚于今年（今天是 \(today)）")
    }

    static func invalidNumber(_ place: Place, value: String) -> RosterProblem {
        RosterProblem(place, .invalidNumber,
                      "\(quoted(value)) is not a whole number of yuan (digits only, no separators)",
                      "\(quoted(value)) 不是整数金额（只能是数字，不加分隔符）")
    }

    static func textTooLong(_ place: Place, characters: Int, limit: Int) -> RosterProblem {
        RosterProblem(place, .textTooLong, "the text is \(characters) characters long; at most \(limit) are kept",
                      "文字长 \(characters) 个字符，最多 \(limit) 个")
    }

    static func endBeforeStart(_ place: Place, start: String, end: String) -> RosterProblem {
        RosterProblem(place, .endBeforeStart, "the appointment ends (\(end)) before it starts (\(start))",
                      "聘用结束日期（\(end)）早于开始日期（\(start)）")
    }

    // MARK: Ids

    static func duplicateID(_ place: Place, id: String, firstLine: Int) -> RosterProblem {
        RosterProblem(place, .duplicateID, "id \(quoted(id)) already appears on line \(firstLine)",
                      "编号 \(quoted(id)) 已在第 \(firstLine) 行出现")
    }

    static func duplicateAppointment(_ place: Place, firstLine: Int) -> RosterProblem {
        RosterProblem(place, .duplicateID,
                      "the same adviser, community and start date already appear on line \(firstLine)",
                      "相同的顾问、居村和开始日期已在第 \(firstLine) 行出现")
    }

    static func conflictingID(_ place: Place, id: String) -> RosterProblem {
        RosterProblem(place, .conflictingID,
                      "the appointment id \(quoted(id)) is already held by an appointment of another adviser or community",
                      "聘用合同编号 \(quoted(id)) 已被其他顾问或居村的聘用合同使用")
    }

    static func unknownAdviser(_ place: Place, id: String) -> RosterProblem {
        RosterProblem(place, .unknownReference, "no adviser \(quoted(id)) is imported or already on the hub",
                      "本次导入和枢纽中都没有顾问 \(quoted(id))")
    }

    static func unknownCommunity(_ place: Place, id: String) -> RosterProblem {
        RosterProblem(place, .unknownReference, "no community \(quoted(id)) is imported or already on the hub",
                      "本次导入和枢纽中都没有居村 \(quoted(id))")
    }

    static func rejectedAdviser(_ place: Place, id: String, file: String) -> RosterProblem {
        RosterProblem(place, .rejectedReference,
                      "adviser \(quoted(id)) is only in \(file), which has errors and is not imported",
                      "顾问 \(quoted(id)) 只在 \(file) 中，而该文件有错误，不会导入")
    }

    static func rejectedCommunity(_ place: Place, id: String, file: String) -> RosterProblem {
        RosterProblem(place, .rejectedReference,
                      "community \(quoted(id)) is only in \(file), which has errors and is not imported",
                      "居村 \(quoted(id)) 只在 \(file) 中，而该文件有错误，不会导入")
    }

    // MARK: Rules

    /// `王伟 (a001)`, or `a001` when the name is not known.
    private static func adviser(_ id: String, _ name: String?) -> String {
        name.map { "\($0) (\(id))" } ?? id
    }

    /// R2, with the reasons recorded on the adviser's appointments, or where to record one.
    static func tooManyCommunities(_ place: Place, adviserID: String, name: String?, communities: [String],
                                   reasons: [String]) -> RosterProblem {
        let who = adviser(adviserID, name)
        let list = communities.joined(separator: ", ")
        let english = reasons.isEmpty ? "; record the reason in appointments.csv's over_limit_reason column"
            : "; reason recorded: " + reasons.joined(separator: "; ")
        let chinese = reasons.isEmpty ? "；请在 appointments.csv 的 over_limit_reason 列写明理由"
            : "；已记录理由：" + reasons.joined(separator: "；")
        return RosterProblem(place, .tooManyCommunities,
                             "R2: adviser \(who) would serve \(communities.count) communities (\(list)); generally no more than 3"
                                + english,
                             "R2：顾问 \(who) 将同时服务 \(communities.count) 个居村（\(list)），一般不超过 3 个" + chinese)
    }

    static func shortPractice(_ place: Place, adviserID: String, name: String?, since: Int64, years: Int64)
        -> RosterProblem {
        let who = adviser(adviserID, name)
        return RosterProblem(place, .underqualified,
                             "R7: adviser \(who) has practised for \(years) year\(years == 1 ? "" : "s") (since \(since)); 2 or more are expected",
                             "R7：顾问 \(who) 自 \(since) 年执业，执业仅 \(years) 年（应为 2 年以上）")
    }

    static func practiceNotGiven(_ place: Place, adviserID: String, name: String?) -> RosterProblem {
        let who = adviser(adviserID, name)
        return RosterProblem(place, .underqualified,
                             "R7: adviser \(who) has no practice_since year, so 2 years of practice cannot be confirmed",
                             "R7：顾问 \(who) 未填执业起始年份，无法确认执业满 2 年")
    }

    static func lowEducation(_ place: Place, adviserID: String, name: String?, given: Bool) -> RosterProblem {
        let who = adviser(adviserID, name)
        let english = given ? "education is \"other\"" : "has no education given"
        let chinese = given ? "学历为“其他”" : "未填学历"
        return RosterProblem(place, .underqualified,
                             "R7: adviser \(who) \(english); a college (大专) degree or above is expected",
                             "R7：顾问 \(who) \(chinese)，应为大专及以上学历")
    }

    static func noPhone(_ place: Place, adviserID: String, name: String?) -> RosterProblem {
        let who = adviser(adviserID, name)
        return RosterProblem(place, .unpublishedContact,
                             "R9: adviser \(who) has no phone number to publish to the communities",
                             "R9：顾问 \(who) 没有可向居村公示的联系电话")
    }

    static func noServiceHours(_ place: Place) -> RosterProblem {
        RosterProblem(place, .unpublishedContact, "R9: the appointment has no service hours to publish to the community",
                      "R9：聘用合同没有可向居村公示的服务时间")
    }
}
