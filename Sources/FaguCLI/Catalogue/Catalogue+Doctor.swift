extension Catalogue {
    /// What `fagu-doctor` says: the labels and values of a change-set file's report, and why
    /// a file or key could not be read.
    public enum Doctor {
        // MARK: Labels of the report

        /// "File".
        public static let file = Localized(zh: "文件", en: "File")
        /// "Format": the file's format version.
        public static let format = Localized(zh: "格式版本", en: "Format")
        /// "Checksum".
        public static let checksum = Localized(zh: "校验和", en: "Checksum")
        /// "Sealed": whether the body is encrypted to its recipient.
        public static let sealed = Localized(zh: "加密", en: "Sealed")
        /// "Signature".
        public static let signature = Localized(zh: "签名", en: "Signature")
        /// "Sender".
        public static let sender = Localized(zh: "发送方", en: "Sender")
        /// "District".
        public static let district = Localized(zh: "区", en: "District")
        /// "Scopes".
        public static let scopes = Localized(zh: "范围", en: "Scopes")
        /// "Created".
        public static let created = Localized(zh: "创建时间", en: "Created")
        /// "Schema": the schema version.
        public static let schema = Localized(zh: "架构版本", en: "Schema")
        /// "Changes".
        public static let changes = Localized(zh: "变更", en: "Changes")
        /// "Request number".
        public static let requestNumber = Localized(zh: "请求编号", en: "Request number")
        /// "Reply sealed to": the key a reply is to be sealed to.
        public static let replySealedTo = Localized(zh: "回复加密公钥", en: "Reply sealed to")
        /// "Body": the body's sizes.
        public static let body = Localized(zh: "正文", en: "Body")
        /// "Result".
        public static let result = Localized(zh: "结果", en: "Result")

        /// "Vector SCOPE": the version vector of a scope.
        public static func vector(_ scope: String) -> Localized {
            Localized(zh: "版本向量 \(scope)", en: "Vector \(scope)")
        }

        /// "Clamped SCOPE": a group of a scope whose time the hub corrected.
        public static func clamped(_ scope: String) -> Localized {
            Localized(zh: "时间已校正 \(scope)", en: "Clamped \(scope)")
        }

        /// "Chain head SCOPE": the last group of a scope's hash chain.
        public static func chainHead(_ scope: String) -> Localized {
            Localized(zh: "链头 \(scope)", en: "Chain head \(scope)")
        }

        // MARK: Values of the report

        /// The file and its size.
        public static func fileSize(_ file: String, bytes: Int) -> Localized {
            Localized(zh: "\(file) (\(bytes) 字节)", en: "\(file) (\(bytes) bytes)")
        }

        /// The format version, and whether this Fagu reads it.
        public static func formatVersion(_ version: String, supported: Bool) -> Localized {
            supported ? Localized(zh: "\(version) (支持)", en: "\(version) (supported)")
                : Localized(zh: "\(version) (不支持，请升级)", en: "\(version) (not supported: upgrade Fagu)")
        }

        /// The file has no recognisable format.
        public static let notAChangeSetFile = Localized(zh: "无法识别", en: "not a Fagu change-set file")
        /// The checksum matches.
        public static let checksumValid = Localized(zh: "正确 (SHA-256)", en: "valid (SHA-256)")
        /// The checksum does not match.
        public static let checksumInvalid = Localized(zh: "错误：内容已损坏", en: "INVALID: the body is damaged")
        /// The checksum was not checked (the file failed before it).
        public static let checksumNotReached = Localized(zh: "未校验", en: "not reached")
        /// Sealed, and the key given opened it.
        public static let sealedAndOpened = Localized(zh: "是，已用所给密钥打开", en: "yes, opened with the key given")
        /// Sealed, and no key was given.
        public static let sealedKeyNeeded = Localized(zh: "是，正文只有接收方能读（用 --key 打开）",
                                                      en: "yes: only the recipient reads the body (open it with --key)")
        /// Sealed, and the key given does not open it.
        public static let sealedWrongKey = Localized(zh: "是，所给密钥打不开", en: "yes, and the key given does not open it")
        /// "no".
        public static let no = Localized(zh: "否", en: "no")
        /// "none": no signature.
        public static let none = Localized(zh: "无", en: "none")
        /// An Ed25519 signature, which only the sender's key verifies.
        public static let signedEd25519 = Localized(zh: "Ed25519，64 字节（需发送方公钥才能验证）",
                                                    en: "Ed25519, 64 bytes (verify with the sender's key)")

        /// The number of changes and groups.
        public static func changeCount(_ changes: Int, groups: Int) -> Localized {
            Localized(zh: "\(changes) 条，\(groups) 组", en: "\(changes) in \(groups) groups")
        }

        /// Group `counter` was ordered by the hub's receipt time `time`.
        public static func retimed(_ counter: UInt64, at time: String) -> Localized {
            Localized(zh: "第 \(counter) 组按中心收到时间 \(time) 排序", en: "group \(counter) ordered by the hub's receipt time \(time)")
        }

        /// The body's sizes compressed and inflated, and the ratio.
        public static func bodySizes(compressed: Int, inflated: Int, ratio: String) -> Localized {
            Localized(zh: "压缩后 \(compressed) 字节，解压后 \(inflated) 字节（压缩比 \(ratio)）",
                      en: "\(compressed) bytes compressed, \(inflated) bytes inflated (ratio \(ratio))")
        }

        /// The header is valid; the sealed body was not checked.
        public static let headerValidBodySealed = Localized(zh: "文件头有效；正文未检查（加密）", en: "header valid; body not checked (sealed)")

        /// The file would be refused, for `reason`.
        public static func refused(_ reason: Localized) -> Localized {
            Localized(zh: "拒收：\(reason.zh)", en: "REFUSED: \(reason.en)")
        }

        /// The file is valid.
        public static let valid = Localized(zh: "有效", en: "valid")

        // MARK: Columns of the changes

        /// "DOT": a change's dot.
        public static let dotColumn = Localized(zh: "点", en: "DOT")
        /// "SCOPE".
        public static let scopeColumn = Localized(zh: "范围", en: "SCOPE")
        /// "KIND".
        public static let kindColumn = Localized(zh: "类型", en: "KIND")
        /// "RECORD".
        public static let recordColumn = Localized(zh: "记录", en: "RECORD")
        /// "FIELD".
        public static let fieldColumn = Localized(zh: "字段", en: "FIELD")
        /// "VALUE".
        public static let valueColumn = Localized(zh: "值", en: "VALUE")
        /// "CONTEXT": the dots a change saw.
        public static let contextColumn = Localized(zh: "上下文", en: "CONTEXT")

        // MARK: Failures

        /// `file` would be refused, for `reason`: the command's one-line failure.
        public static func fileRefused(_ file: String, _ reason: Localized) -> Localized {
            Localized(zh: "\(file)：拒收：\(reason.zh)", en: "\(file): refused: \(reason.en)")
        }

        /// Nothing exists at the `--key` path.
        public static func noKey(at path: String) -> Localized {
            Localized(zh: "\(path) 处没有密钥", en: "no key at \(path)")
        }

        /// The `--key` folder holds no key file.
        public static func noKeyInFolder(_ path: String) -> Localized {
            Localized(zh: "\(path) 中没有 device.key 或 hub.key", en: "\(path) holds no device.key or hub.key")
        }

        /// The `--key` file is not a Fagu key file, for `reason`.
        public static func notAKeyFile(_ file: String, _ reason: Localized) -> Localized {
            Localized(zh: "\(file) 不是法顾密钥文件：\(reason.zh)", en: "\(file) is not a Fagu key file: \(reason.en)")
        }
    }
}
