import FaguSync

extension Catalogue {
    /// What each ``SyncRefusal`` code means, for a person: the hub (or this device) refused a
    /// change-set file, and nothing of it was applied.
    public enum SyncRefusals {
        /// `unknown_device`.
        public static let unknownDevice = Localized(zh: "辖区中心不认识该设备（未登记）", en: "the sender is not an enrolled device")
        /// `revoked_device`.
        public static let revokedDevice = Localized(zh: "该设备已被吊销", en: "the sender was revoked")
        /// `bad_signature`.
        public static let badSignature = WireErrors.badSignature
        /// `bad_token`.
        public static let badToken = Localized(zh: "登记令牌缺失或不正确", en: "the one-time token is missing or wrong")
        /// `token_replayed`.
        public static let tokenReplayed = Localized(zh: "该登记令牌已被用于登记另一把密钥", en: "the token already registered another key")
        /// `outside_scope`.
        public static let outsideScope = Localized(zh: "回执含有本设备不服务的社区", en: "the reply carries a community this device does not hold")
        /// `forwarded_changes`.
        public static let forwardedChanges = Localized(zh: "文件含有其他设备写的变更，不可信",
                                                       en: "the file carries changes another device wrote")
        /// `replica_forked`.
        public static let replicaForked = Localized(zh: "设备身份被另一份拷贝使用，须重新登记（fagu recover --enroll 文件）",
                                                    en: "another copy uses the device's identity: it must be enrolled again")
        /// `wrong_district`.
        public static let wrongDistrict = Localized(zh: "文件属于另一个辖区", en: "the file is for another district")
        /// `wrong_sender`.
        public static let wrongSender = Localized(zh: "回执不是本设备的辖区中心发出的", en: "the reply is not from this device's hub")
        /// `replayed`.
        public static let replayed = Localized(zh: "重复发送的旧请求：其变更已应用，但不再回复数据",
                                               en: "a request sent again: its changes are applied, it earns no reply data")
        /// `busy`.
        public static let busy = Localized(zh: "辖区中心正忙，请稍后再试", en: "the hub is busy: try again shortly")
        /// `wrong_recipient`.
        public static let wrongRecipient = Localized(zh: "这是发给另一台设备的回执", en: "the reply is for another device")
        /// `not_sealed`.
        public static let notSealed = Localized(zh: "文件未加密，而变更文件都必须加密", en: "the file is not sealed to its recipient")
        /// `cannot_decrypt`.
        public static let cannotDecrypt = Localized(zh: "加密正文无法用接收方的密钥打开（发给了别的接收方，或已被改动）",
                                                    en: "the sealed body does not open with the recipient's key")
        /// `bad_file`.
        public static let badFile = Localized(zh: "文件损坏或无法读取", en: "the file is damaged or unreadable")
        /// `invalid_changes`.
        public static let invalidChanges = Localized(zh: "文件中的变更无效", en: "the file's changes are invalid")
        /// `hub_failure`.
        public static let hubFailure = Localized(zh: "辖区中心处理失败，未应用任何内容，请稍后再试",
                                                 en: "the hub could not do the work; nothing was applied: try again later")

        /// What `code` means.
        public static func summary(of code: SyncRefusal.Code) -> Localized {
            switch code {
            case .unknownDevice: unknownDevice
            case .revokedDevice: revokedDevice
            case .badSignature: badSignature
            case .badToken: badToken
            case .tokenReplayed: tokenReplayed
            case .outsideScope: outsideScope
            case .forwardedChanges: forwardedChanges
            case .replicaForked: replicaForked
            case .wrongDistrict: wrongDistrict
            case .wrongSender: wrongSender
            case .replayed: replayed
            case .busy: busy
            case .wrongRecipient: wrongRecipient
            case .notSealed: notSealed
            case .cannotDecrypt: cannotDecrypt
            case .badFile: badFile
            case .invalidChanges: invalidChanges
            case .hubFailure: hubFailure
            }
        }

        /// `refusal` for a person: in Chinese what its code means, with the code and the
        /// sentence as detail; in English the code and the sentence.
        public static func text(for refusal: SyncRefusal) -> Localized {
            Catalogue.coreError(summary(of: refusal.code), detail: refusal.description)
        }
    }
}
