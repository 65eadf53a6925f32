extension Catalogue {
    /// What `fagu-hub` says of its configuration file (`config check`, and any command that reads it).
    public enum Config {
        /// The file cannot be read or parsed.
        public static func unreadable(_ path: String, _ reason: String) -> Localized {
            Localized(zh: "无法读取配置文件 \(path)：\(reason)", en: "cannot read the configuration file \(path): \(reason)")
        }

        /// "FILE: PROBLEM", the first problem that stops a command.
        public static func invalid(_ path: String, _ problem: Localized) -> Localized {
            Localized(zh: "配置文件 \(path) 有误：\(problem.zh)（用 fagu-hub config check 查看全部）",
                      en: "the configuration file \(path) is not valid: \(problem.en) (fagu-hub config check lists every problem)")
        }

        /// A key the file may not hold (a typo, most often).
        public static func unknownKey(_ key: String) -> Localized {
            Localized(zh: "未知设置 \(key)", en: "unknown setting \(key)")
        }

        /// A value of the wrong JSON type.
        public static func wrongType(_ key: String, _ expected: Localized) -> Localized {
            Localized(zh: "\(key) 须为\(expected.zh)", en: "\(key) must be \(expected.en)")
        }

        /// The name of a whole number, for ``wrongType(_:_:)``.
        public static let integer = Localized(zh: "整数", en: "a whole number")
        /// The name of a text, for ``wrongType(_:_:)``.
        public static let string = Localized(zh: "字符串", en: "a string")

        /// A number outside its range.
        public static func outOfRange(_ key: String, _ lowest: Int, _ highest: Int) -> Localized {
            Localized(zh: "\(key) 须在 \(lowest)–\(highest) 之间", en: "\(key) must be within \(lowest)–\(highest)")
        }

        /// An empty text.
        public static func empty(_ key: String) -> Localized {
            Localized(zh: "\(key) 不能为空", en: "\(key) must not be empty")
        }

        /// A value that is none of the choices.
        public static func notAChoice(_ key: String, _ choices: [String]) -> Localized {
            Localized(zh: "\(key) 须为 \(choices.joined(separator: "、")) 之一", en: "\(key) must be one of \(choices.joined(separator: ", "))")
        }

        /// A file setting naming no readable file.
        public static func noFile(_ key: String, _ path: String) -> Localized {
            Localized(zh: "\(key)：\(path) 不存在或不可读", en: "\(key): \(path) does not exist or cannot be read")
        }

        /// A folder setting naming no folder.
        public static func noFolder(_ key: String, _ path: String) -> Localized {
            Localized(zh: "\(key)：文件夹 \(path) 不存在", en: "\(key): there is no folder \(path)")
        }

        /// One of the TLS files without the other.
        public static let tlsNeedsBoth = Localized(zh: "serve.tls_cert 和 serve.tls_key 须同时给出，或都不给",
                                                   en: "give both serve.tls_cert and serve.tls_key, or neither")

        /// `--config` naming no file.
        public static func noConfigFile(_ path: String) -> Localized {
            Localized(zh: "配置文件 \(path) 不存在", en: "there is no configuration file \(path)")
        }

        /// `config check` found no file to check.
        public static func nothingToCheck(_ homeFile: String) -> Localized {
            Localized(zh: "没有配置文件：未给出 --config，\(homeFile) 也不存在；全部使用默认值",
                      en: "no configuration file: no --config given and no \(homeFile); every setting is at its default")
        }

        /// `config check` passed.
        public static func valid(_ path: String, settings: Int) -> Localized {
            Localized(zh: "配置文件 \(path) 有效（\(settings) 项设置）", en: "the configuration file \(path) is valid (\(settings) setting(s))")
        }

        /// `config check` failed.
        public static func problemsFound(_ path: String, _ count: Int) -> Localized {
            Localized(zh: "配置文件 \(path) 有 \(count) 处问题", en: "the configuration file \(path) has \(count) problem(s)")
        }

        /// The column headers of `config check`'s table.
        public static let setting = Localized(zh: "设置", en: "setting")
        /// The value column.
        public static let value = Localized(zh: "值", en: "value")
        /// The source column.
        public static let source = Localized(zh: "来源", en: "from")
        /// A value from the file.
        public static let fromFile = Localized(zh: "配置文件", en: "file")
        /// A built-in default.
        public static let fromDefault = Localized(zh: "默认", en: "default")
    }
}
