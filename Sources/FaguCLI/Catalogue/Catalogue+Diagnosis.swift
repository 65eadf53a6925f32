extension Catalogue {
    // MARK: fagu-doctor: homes

    /// A folder that holds neither a hub nor a device.
    public static func notAHome(_ path: String) -> Localized {
        Localized(zh: "\(path) 不是 Fagu 的目录（没有 hub.sqlite 或 replica.sqlite）",
                  en: "\(path) is not a Fagu home (no hub.sqlite or replica.sqlite)")
    }

    /// A home whose replica cannot be opened.
    public static func cannotOpenHome(_ path: String, _ reason: String) -> Localized {
        Localized(zh: "无法只读打开 \(path)：\(reason)", en: "cannot open \(path) read-only: \(reason)")
    }

    // MARK: fagu-doctor verify

    /// Verify found nothing wrong.
    public static func verifySound(_ checks: String) -> Localized {
        Localized(zh: "✓ 完好：\(checks)", en: "✓ sound: \(checks)")
    }

    /// What verify checked, as one line.
    public static let verifyChecks = Localized(
        zh: "SQLite 完整性、各来源变更日志连续、哈希链、版本向量与日志一致、重放日志得到相同状态、密钥",
        en: "SQLite integrity, every origin's log complete, hash chains, vectors equal to the log, log replay gives the same state, keys")

    /// Verify found problems.
    public static func verifyFoundProblems(_ count: Int) -> Localized {
        Localized(zh: "发现 \(count) 个问题", en: "\(count) problem(s) found")
    }

    /// The heading of a records column.
    public static let recordsHeader = Localized(zh: "涉及记录", en: "records")

    // MARK: fagu-doctor diff

    /// The two sides hold the same.
    public static let diffEqual = Localized(zh: "✓ 两边一致", en: "✓ both hold the same")

    /// The two sides differ.
    public static func diffDiffers(_ count: Int) -> Localized {
        Localized(zh: "两边不一致：\(count) 处差异", en: "the two differ in \(count) place(s)")
    }

    /// One side lacks changes the other holds.
    public static func diffLacks(_ side: String, _ count: UInt64, _ origin: String, _ scope: String) -> Localized {
        Localized(zh: "\(side) 缺少 \(origin) 在 \(scope) 的 \(count) 个变更",
                  en: "\(side) lacks \(count) change(s) of \(origin) in \(scope)")
    }

    /// Equal vectors but different state.
    public static func diffDigestsDiffer(_ scope: String) -> Localized {
        Localized(zh: "\(scope)：版本相同但状态摘要不同（数据已分歧，请对两边运行 fagu-doctor verify）",
                  en: "\(scope): same versions but different state digests (diverged: run fagu-doctor verify on both)")
    }

    /// A scope only one side holds.
    public static func diffScopeOnlyOn(_ scope: String, _ side: String) -> Localized {
        Localized(zh: "\(scope) 只在 \(side) 上", en: "\(scope) is only on \(side)")
    }

    // MARK: fagu-doctor status

    /// The identity line.
    public static let statusIdentity = Localized(zh: "身份", en: "identity")
    /// The role line.
    public static let statusRole = Localized(zh: "角色", en: "role")
    /// The version vectors heading.
    public static let statusVectors = Localized(zh: "版本向量", en: "version vectors")
    /// The heading of own changes the hub has not acknowledged.
    public static let statusUnacknowledged = Localized(zh: "未被中心确认的本机变更", en: "own changes not acknowledged by the hub")
    /// The heading of held-back groups.
    public static let statusHeldBack = Localized(zh: "等待依赖而暂存的变更组", en: "groups held back waiting for dependencies")
    /// The heading of set-aside groups.
    public static let statusSetAside = Localized(zh: "被搁置的变更组", en: "groups set aside")
    /// The heading of the last sync attempts.
    public static let statusAttempts = Localized(zh: "最近的同步", en: "last sync attempts")
    /// The open-conflicts line.
    public static let statusConflicts = Localized(zh: "未决冲突", en: "open conflicts")
    /// The devices heading.
    public static let statusDevices = Localized(zh: "设备", en: "devices")
    /// Nothing to show.
    public static let statusNone = Localized(zh: "无", en: "none")
    /// A sync that succeeded.
    public static let statusOK = Localized(zh: "成功", en: "ok")
    /// A sync that failed.
    public static let statusFailed = Localized(zh: "失败", en: "failed")
    /// Never (a device not yet seen).
    public static let statusNever = Localized(zh: "从未", en: "never")
    /// Held-back groups wait for these dots.
    public static func statusWaitingFor(_ dots: String) -> Localized {
        Localized(zh: "等待：\(dots)", en: "waiting for: \(dots)")
    }

    /// Devices not heard from for a while.
    public static func statusSilent(_ count: Int, _ days: Int) -> Localized {
        Localized(zh: "⚠ \(count) 台设备超过 \(days) 天未同步", en: "⚠ \(count) device(s) silent for more than \(days) days")
    }

    /// The device column.
    public static let deviceHeader = Localized(zh: "设备", en: "device")
    /// The adviser or community column.
    public static let subjectHeader = Localized(zh: "对象", en: "subject")
    /// The last-seen column.
    public static let lastSeenHeader = Localized(zh: "最后同步", en: "last seen")
    /// The lag column.
    public static let lagHeader = Localized(zh: "积压", en: "lag")
    /// The state column.
    public static let stateHeader = Localized(zh: "状态", en: "state")

    // MARK: fagu-doctor trace

    /// No record with that id.
    public static func traceNoRecord(_ id: String) -> Localized {
        Localized(zh: "没有记录 \(id) 的变更", en: "no changes of record \(id) here")
    }

    /// A write that replaced earlier ones.
    public static func traceSupersedes(_ dots: String) -> Localized {
        Localized(zh: "取代 \(dots)", en: "supersedes \(dots)")
    }

    /// Writes concurrent with this one.
    public static func traceConcurrent(_ dots: String) -> Localized {
        Localized(zh: "与 \(dots) 并发", en: "concurrent with \(dots)")
    }

    /// A set-aside write.
    public static func traceSetAside(_ code: String) -> Localized {
        Localized(zh: "已被中心搁置（\(code)）", en: "set aside by the hub (\(code))")
    }
}

extension Catalogue {
    /// A path that does not exist or cannot be read.
    public static func noSuchPath(_ path: String) -> Localized {
        Localized(zh: "找不到或无法读取 \(path)", en: "cannot find or read \(path)")
    }

    /// A file that is not a change-set file.
    public static func notAChangeSet(_ path: String, _ reason: String) -> Localized {
        Localized(zh: "\(path) 不是可读的变更集文件：\(reason)", en: "\(path) is not a readable change-set file: \(reason)")
    }
}

extension Catalogue {
    /// Digests differ where the hub set work aside: expected.
    public static func diffDifferBySetAside(_ scope: String) -> Localized {
        Localized(zh: "\(scope)：状态摘要不同，因中心搁置了该范围的变更（写入设备保留原记录，属正常）",
                  en: "\(scope): state digests differ because the hub set changes aside there (the writer keeps its work; expected)")
    }
}

extension Catalogue {
    // MARK: fagu-doctor bundle: the signature check

    /// How to let the doctor check a signature.
    public static let signatureUncheckedHint = Localized(
        zh: "未验证：请用 --key 给出中心或设备目录，或用 --sender 给出发送方公钥",
        en: "not checked: give --key with the hub's or the device's home, or --sender with the sender's key")

    /// The signature-check line's label.
    public static let signatureCheckLabel = Localized(zh: "签名验证", en: "Signature check")

    /// A signature that verified, and whose key it was.
    public static func signatureVerified(_ source: String) -> Localized {
        let zh = ["sender": "发送方公钥", "registry": "中心登记的设备公钥", "hub": "设备保存的中心公钥", "offered": "文件自带的登记公钥"][source] ?? source
        let en = ["sender": "the sender's key given", "registry": "the device's key registered at the hub",
                  "hub": "the hub's key kept on the device", "offered": "the key the file registers"][source] ?? source
        return Localized(zh: "✓ 有效（\(zh)）", en: "✓ valid (\(en))")
    }

    /// A signature that did not verify.
    public static func signatureInvalid(_ detail: String) -> Localized {
        Localized(zh: "✗ 无效：\(detail)", en: "✗ INVALID: \(detail)")
    }

    /// The failure line of a file whose signature does not verify.
    public static func fileSignatureInvalid(_ file: String) -> Localized {
        Localized(zh: "\(file)：签名无效，中心会拒收", en: "\(file): the signature does not verify; the hub would refuse it")
    }
}

extension Catalogue {
    // MARK: fagu-hub backup and restore

    /// A backup written and checked.
    public static func backedUp(to file: String, bytes: Int) -> Localized {
        Localized(zh: "已备份到 \(file)（\(bytes) 字节，已校验）", en: "backed up to \(file) (\(bytes) bytes, checked)")
    }

    /// A hub restored.
    public static func restored(_ home: String, from file: String) -> Localized {
        Localized(zh: "已从 \(file) 恢复辖区中心到 \(home)；各设备下次同步时会补发中心缺少的变更",
                  en: "restored the hub from \(file) into \(home); devices send what it lacks at their next sync")
    }
}

extension Catalogue {
    /// A device restored, awaiting a new identity.
    public static func deviceRestored(_ home: String, from file: String) -> Localized {
        Localized(zh: "已从 \(file) 恢复到 \(home)。请向辖区中心申请新的登记文件，再运行 fagu recover --enroll 文件，之后即可继续记录和同步",
                  en: "restored \(file) into \(home). Get a new enrollment file from the hub and run `fagu recover --enroll FILE`; "
                      + "then record and sync as before")
    }
}
