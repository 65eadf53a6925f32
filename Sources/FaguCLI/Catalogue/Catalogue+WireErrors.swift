import FaguWire

extension Catalogue {
    /// What each ``WireError`` code means, for a person: a change-set file was refused.
    public enum WireErrors {
        /// `truncated`.
        public static let truncated = Localized(zh: "文件不完整（被截断）", en: "the file ends too soon")
        /// `bad_magic`.
        public static let badMagic = Localized(zh: "不是法顾变更文件（开头不是 FAGU）", en: "the file does not start with FAGU")
        /// `unsupported_version`.
        public static let unsupportedVersion = Localized(zh: "文件格式版本不受支持，请升级法顾",
                                                         en: "a format version this Fagu does not read")
        /// `bad_checksum`.
        public static let badChecksum = Localized(zh: "校验和不符：内容已损坏", en: "the checksum does not match: the body is damaged")
        /// `too_large`.
        public static let tooLarge = Localized(zh: "文件或其中某一部分超出大小上限", en: "the file, or a part of it, is over the size limit")
        /// `too_many_changes`.
        public static let tooManyChanges = Localized(zh: "变更条数超出上限", en: "more changes than the limit")
        /// `bad_compression`.
        public static let badCompression = Localized(zh: "压缩数据已损坏", en: "the compressed body is damaged")
        /// `malformed`.
        public static let malformed = Localized(zh: "文件结构无效", en: "the header or body is not valid")
        /// `bad_signature`.
        public static let badSignature = Localized(zh: "文件没有签名，或签名无效", en: "the file is unsigned, or its signature does not verify")
        /// `key_required`.
        public static let keyRequired = Localized(zh: "正文已加密，需要接收方的密钥才能打开", en: "the body is sealed and no key was given")
        /// `cannot_decrypt`.
        public static let cannotDecrypt = Localized(zh: "所给密钥打不开加密正文（发给了别的接收方，或已被改动）",
                                                    en: "the key given does not open the sealed body")

        /// What `code` means.
        public static func summary(of code: WireError.Code) -> Localized {
            switch code {
            case .truncated: truncated
            case .badMagic: badMagic
            case .unsupportedVersion: unsupportedVersion
            case .badChecksum: badChecksum
            case .tooLarge: tooLarge
            case .tooManyChanges: tooManyChanges
            case .badCompression: badCompression
            case .malformed: malformed
            case .badSignature: badSignature
            case .keyRequired: keyRequired
            case .cannotDecrypt: cannotDecrypt
            }
        }

        /// `error` for a person: in Chinese what its code means, with the code and the
        /// reader's sentence as detail; in English the code and the sentence.
        public static func text(for error: WireError) -> Localized {
            Catalogue.coreError(summary(of: error.code), detail: error.description)
        }
    }
}
