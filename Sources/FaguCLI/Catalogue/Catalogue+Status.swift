extension Catalogue {
    /// The rows of `fagu status`: what the device is, what it holds, and how its last sync went.
    public enum Status {
        /// "who": whose device this is.
        public static let who = Localized(zh: "身份", en: "who")
        /// "hub": the hub's address.
        public static let hub = Localized(zh: "辖区中心", en: "hub")
        /// "key registered": whether the hub holds this device's key.
        public static let keyRegistered = Localized(zh: "密钥已登记", en: "key registered")
        /// "yes".
        public static let yes = Localized(zh: "是", en: "yes")
        /// "no (at first sync)": the key is registered by the first sync.
        public static let notUntilFirstSync = Localized(zh: "否（待首次同步）", en: "no (at first sync)")
        /// "changes not at hub": changes the hub has not acknowledged.
        public static let changesNotAtHub = Localized(zh: "待上传变更", en: "changes not at hub")
        /// "groups held back": received groups waiting for the changes they depend on.
        public static let groupsHeldBack = Localized(zh: "等待依赖的变更组", en: "groups held back")
        /// "open conflicts".
        public static let openConflicts = Localized(zh: "未决冲突", en: "open conflicts")
        /// "groups set aside": this device's groups the hub set aside.
        public static let groupsSetAside = Localized(zh: "被搁置的变更组", en: "groups set aside")
        /// " (see fagu set-aside)": after a number of groups set aside.
        public static let seeSetAside = Localized(zh: "（fagu set-aside 查看）", en: " (see fagu set-aside)")
        /// "FORKED": the row shown when another copy used this device's identity.
        public static let forked = Localized(zh: "副本冲突", en: "FORKED")
        /// What a forked device does, and what to do about it.
        public static let forkedAdvice = Localized(
            zh: "本设备身份被另一副本使用，已停止写入；请 fagu recover --enroll 新登记文件",
            en: "another copy uses this identity; writing stopped: fagu recover --enroll NEW_FILE")
        /// "last sync".
        public static let lastSync = Localized(zh: "上次同步", en: "last sync")
        /// "ok": the last sync completed.
        public static let succeeded = Localized(zh: "成功", en: "ok")
        /// "failed: REASON": the last sync failed, with the reason recorded then.
        public static func failed(_ reason: String) -> Localized {
            Localized(zh: "失败：\(reason)", en: "failed: \(reason)")
        }
        /// "never": no sync yet.
        public static let never = Localized(zh: "从未", en: "never")
    }
}
