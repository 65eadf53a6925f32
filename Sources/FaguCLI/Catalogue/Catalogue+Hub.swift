extension Catalogue {
    /// What the district hub `fagu-hub` says: its reports, its warnings, and why a command
    /// was refused.
    public enum Hub {
        // MARK: Creating the hub and its roster

        /// `fagu-hub init` created the hub of `district` in `home`.
        public static func created(_ district: String, in home: String) -> Localized {
            Localized(zh: "已创建辖区中心：\(district)（\(home)）", en: "created the hub of \(district) in \(home)")
        }

        /// What to do after creating the hub.
        public static let importRosterNext = Localized(zh: "下一步：fagu-hub roster import", en: "next: fagu-hub roster import")

        /// `fagu-hub roster import` given no file.
        public static let rosterNeedsFile = Localized(zh: "请至少给出一个 CSV 文件",
                                                      en: "give at least one of --communities, --advisers, --appointments")

        /// `merge` with no inbox, neither as a flag nor in the configuration.
        public static let mergeNeedsInbox = Localized(zh: "请用 --inbox 或配置文件的 merge.inbox 给出收件文件夹",
                                                      en: "give the inbox folder with --inbox or merge.inbox in the configuration file")

        /// `--today` that is not a real `YYYY-MM-DD` date.
        public static let todayInvalid = Localized(zh: "--today 须为 YYYY-MM-DD", en: "--today must be YYYY-MM-DD")

        /// "warning PROBLEM": a roster rule not met, located in its file.
        public static func rosterWarning(_ problem: Localized) -> Localized {
            Localized(zh: "警告 " + problem.zh, en: "warning " + problem.en)
        }

        /// "error PROBLEM": a roster row that stops the import, located in its file.
        public static func rosterError(_ problem: Localized) -> Localized {
            Localized(zh: "错误 " + problem.zh, en: "error " + problem.en)
        }

        /// The roster was imported: records created, updated and unchanged, and the warnings.
        public static func rosterImported(created: Int, updated: Int, unchanged: Int, warnings: Int) -> Localized {
            Localized(zh: "名册已导入：新增 \(created)，更新 \(updated)，未变 \(unchanged)；警告 \(warnings) 条",
                      en: "roster imported: \(created) created, \(updated) updated, \(unchanged) unchanged; \(warnings) warning(s)")
        }

        /// The roster has `count` errors, so nothing was imported.
        public static func rosterRefused(errors count: Int) -> Localized {
            Localized(zh: "名册有 \(count) 处错误，未导入任何内容", en: "\(count) error(s) in the roster; nothing was imported")
        }

        // MARK: Devices

        /// `fagu-hub enroll` given both or neither of `--adviser` and `--community`.
        public static let enrollOneSubject = Localized(zh: "--adviser 和 --community 须给出且只给出一个",
                                                       en: "give exactly one of --adviser ID or --community ID")

        /// `--valid-days` below 1.
        public static let validDaysAtLeastOne = Localized(zh: "--valid-days 至少为 1", en: "--valid-days must be at least 1")

        /// `--hub-url` that is not an http(s) address.
        public static let hubURLInvalid = Localized(zh: "--hub-url 须为 http(s)://主机:端口", en: "--hub-url must be http(s)://HOST:PORT")

        /// An enrollment file was issued for `subject`: the file, the device and its communities.
        public static func enrolled(_ subject: String, file: String, device: String, communities: String) -> Localized {
            Localized(zh: "已为 \(subject) 签发登记文件 \(file)（设备 \(device)，社区 \(communities)）",
                      en: "enrolled a device for \(subject): \(file) (device \(device), communities \(communities))")
        }

        /// No enrolled device has the id or subject `device`.
        public static func noEnrolledDevice(_ device: String) -> Localized {
            Localized(zh: "没有登记的设备 \(device)", en: "no enrolled device is \(device)")
        }

        /// `fagu-hub revoke` found the devices revoked already.
        public static let alreadyRevoked = Localized(zh: "已是吊销状态", en: "already revoked")

        /// "revoked ID": `fagu-hub revoke` revoked a device.
        public static func revokedDevice(_ id: String) -> Localized {
            Localized(zh: "已吊销 \(id)", en: "revoked \(id)")
        }

        /// A device's state: revoked.
        public static let stateRevoked = Localized(zh: "已吊销", en: "revoked")
        /// A device's state: its key is registered.
        public static let stateRegistered = Localized(zh: "已登记", en: "registered")
        /// A device's state: enrolled, no sync yet.
        public static let stateAwaitingFirstSync = Localized(zh: "待首次同步", en: "awaiting first sync")
        /// Added to a device's state: another copy used its identity.
        public static let stateForked = Localized(zh: "，副本冲突", en: ", forked")

        /// Added to a device's state: `count` of its groups set aside.
        public static func stateSetAside(_ count: Int) -> Localized {
            Localized(zh: "，搁置 \(count) 组", en: ", \(count) set aside")
        }

        /// Added to a device's state: its clock was found ahead of the hub's by `ahead`.
        public static func stateClockAhead(_ ahead: Localized) -> Localized {
            Localized(zh: "，时钟超前 \(ahead.zh)", en: ", clock ahead \(ahead.en)")
        }

        /// "N days".
        public static func days(_ count: Int64) -> Localized {
            Localized(zh: "\(count) 天", en: "\(count) days")
        }

        /// "N min".
        public static func minutes(_ count: Int64) -> Localized {
            Localized(zh: "\(count) 分钟", en: "\(count) min")
        }

        // MARK: Alerts

        /// "(no fork alerts)": `fagu-hub forks` found nothing.
        public static let noForkAlerts = Localized(zh: "（没有副本冲突告警）", en: "(no fork alerts)")

        /// "(no incident reports)": `fagu-hub incidents` found nothing.
        public static let noIncidentReports = Localized(zh: "（没有事项报告）", en: "(no incident reports)")

        /// Added to an incident's delay when the device's clock was ahead, so the delay is not believed.
        public static let deviceClockAheadMark = Localized(zh: " ⚠ 设备时钟超前", en: " ⚠ device clock ahead")

        // MARK: The nightly merge

        /// "merging": the progress bar's label.
        public static let merging = Localized(zh: "合并", en: "merging")

        /// "applied N": a file applied, with its changes.
        public static func applied(_ changes: Int) -> Localized {
            Localized(zh: "已应用 \(changes) 项", en: "applied \(changes)")
        }

        /// Added to an applied file: `count` of its groups set aside.
        public static func groupsSetAside(_ count: Int) -> Localized {
            Localized(zh: "，搁置 \(count) 组", en: ", \(count) group(s) set aside")
        }

        /// "rejected: REASON": a file refused.
        public static func rejected(_ reason: String) -> Localized {
            Localized(zh: "已拒收：\(reason)", en: "rejected: \(reason)")
        }

        /// The incident reports the merge received: their count, and `list` of them.
        public static func incidentsReceived(_ count: Int, _ list: String) -> Localized {
            Localized(zh: "⚠ 新到事项报告 \(count) 件：\(list)", en: "⚠ incident reports received: \(list)")
        }

        /// A reply written for a device.
        public static func replyWritten(_ file: String, changes: Int) -> Localized {
            Localized(zh: "回执 \(file)：\(changes) 项变更", en: "reply \(file): \(changes) changes")
        }

        /// `count` files were refused.
        public static func filesRejected(_ count: Int) -> Localized {
            Localized(zh: "\(count) 个文件被拒收（见 rejected/）", en: "\(count) file(s) rejected (see rejected/)")
        }

        // MARK: Serving

        /// `--tls-cert` without `--tls-key`, or the other way round.
        public static let tlsNeedsBoth = Localized(zh: "--tls-cert 和 --tls-key 须同时给出，或都不给",
                                                   en: "give both --tls-cert and --tls-key, or neither")

        /// The hub serves plain HTTP on `host`, which is not this machine.
        public static func plainHTTPWarning(_ host: String) -> Localized {
            Localized(zh: "警告：在 \(host) 上以明文 HTTP 服务；签名仍保护真实性，但内容未加密。请用 --tls-cert/--tls-key 或置于 TLS 代理之后。",
                      en: "warning: serving plain HTTP on \(host); signatures still authenticate, but content is not encrypted. "
                          + "Use --tls-cert/--tls-key or a TLS proxy.")
        }

        /// An incident report just arrived: its community, level, reporter and record.
        public static func incidentArrived(community: String, level: String, from subject: String, record: String) -> Localized {
            Localized(zh: "⚠ 事项报告到达：\(community) \(level) 来自 \(subject)（\(record)）",
                      en: "⚠ incident report arrived: \(community) \(level) from \(subject) (\(record))")
        }

        /// The hub of `district` listens on `url`.
        public static func listening(_ district: String, on url: String) -> Localized {
            Localized(zh: "辖区中心（\(district)）正在监听 \(url)", en: "hub of \(district) listening on \(url)")
        }

        /// The hub could not serve on `host`:`port`, for `reason`.
        public static func cannotServe(_ host: String, _ port: Int, _ reason: Localized) -> Localized {
            Localized(zh: "无法在 \(host):\(port) 上提供服务：\(reason.zh)", en: "cannot serve on \(host):\(port): \(reason.en)")
        }
    }
}
