extension Catalogue {
    /// Column headers of the listings and tables the tools print; one entry serves every
    /// table that has the column.
    public enum Column {
        /// "id": a record's id.
        public static let id = Localized(zh: "编号", en: "id")
        /// "record": the record a row is about.
        public static let record = Localized(zh: "记录", en: "record")
        /// "kind": a record's kind.
        public static let kind = Localized(zh: "类型", en: "kind")
        /// "field": a record's field.
        public static let field = Localized(zh: "字段", en: "field")
        /// "value": a field's value.
        public static let value = Localized(zh: "值", en: "value")
        /// "values": the concurrent values of a field in conflict.
        public static let values = Localized(zh: "各方的值", en: "values")
        /// "who · when · device": who wrote a value, when, and on which device.
        public static let whoWhenDevice = Localized(zh: "谁 · 何时 · 哪台设备", en: "who · when · device")
        /// "when (Shanghai)": when a change was written, in Shanghai time.
        public static let whenInShanghai = Localized(zh: "时间（上海）", en: "when (Shanghai)")
        /// "who": who wrote a change.
        public static let who = Localized(zh: "谁", en: "who")
        /// "device": a device (replica id).
        public static let device = Localized(zh: "设备", en: "device")
        /// "value": the value a change wrote.
        public static let newValue = Localized(zh: "新值", en: "value")
        /// "replaced": the values a change replaced.
        public static let replaced = Localized(zh: "取代", en: "replaced")
        /// "community": a record's community.
        public static let community = Localized(zh: "社区", en: "community")
        /// "communities": the communities a device serves.
        public static let communities = Localized(zh: "社区", en: "communities")
        /// "scope": the scope (community, or the roster) a row belongs to.
        public static let scope = Localized(zh: "社区", en: "scope")
        /// "date": a record's date.
        public static let date = Localized(zh: "日期", en: "date")
        /// "summary": a one-line summary.
        public static let summary = Localized(zh: "摘要", en: "summary")
        /// "set aside at": when a group was set aside.
        public static let setAsideAt = Localized(zh: "搁置时间", en: "set aside at")
        /// "author": who wrote a group.
        public static let author = Localized(zh: "作者", en: "author")
        /// "code": the stable code of a reason.
        public static let code = Localized(zh: "原因代码", en: "code")
        /// "reason": a reason, in words.
        public static let reason = Localized(zh: "原因", en: "reason")
        /// "subject": the adviser or community office a device belongs to.
        public static let subject = Localized(zh: "对象", en: "subject")
        /// "state": a device's state.
        public static let state = Localized(zh: "状态", en: "state")
        /// "last seen": when a device last synced.
        public static let lastSeen = Localized(zh: "最近同步", en: "last seen")
        /// "detected": when an alert was raised.
        public static let detected = Localized(zh: "发现时间", en: "detected")
        /// "detail": what an alert found.
        public static let detail = Localized(zh: "情况", en: "detail")
        /// "level": an incident report's level.
        public static let level = Localized(zh: "级别", en: "level")
        /// "by": who reported an incident.
        public static let reportedBy = Localized(zh: "报告人", en: "by")
        /// "delay (min)": how long an incident report took to reach the hub.
        public static let delayInMinutes = Localized(zh: "到达用时(分)", en: "delay (min)")
        /// "file": a change-set file.
        public static let file = Localized(zh: "文件", en: "file")
        /// "from": who sent a file.
        public static let from = Localized(zh: "来自", en: "from")
        /// "result": what became of a file.
        public static let result = Localized(zh: "结果", en: "result")
        /// "item": the name of a row in a two-column status table.
        public static let item = Localized(zh: "项目", en: "item")
    }
}
