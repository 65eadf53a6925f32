extension Catalogue {
    /// What each `HTTPTransportError` code means, for a person: a round trip to the hub failed
    /// without the hub refusing the file, so syncing again is safe. (`fagu` maps the codes,
    /// as this module does not see the HTTP transport.)
    public enum TransportErrors {
        /// `unreachable`.
        public static let unreachable = Localized(zh: "无法连接辖区中心，请检查地址和网络后重试",
                                                  en: "the hub cannot be reached")
        /// `timed_out`.
        public static let timedOut = Localized(zh: "辖区中心在限定时间内没有答复，请稍后重试", en: "the hub did not answer in time")
        /// `hub_failed`.
        public static let hubFailed = Localized(zh: "辖区中心出错，请稍后重试", en: "the hub failed")
        /// `unexpected_answer`.
        public static let unexpectedAnswer = Localized(zh: "对方的答复不是法顾辖区中心的答复（地址有误，或被代理、上网登录页拦截）",
                                                       en: "the answer is not a Fagu reply")
        /// `reply_too_large`.
        public static let replyTooLarge = Localized(zh: "辖区中心的答复超过大小上限，未应用任何内容",
                                                    en: "the reply is over the size limit")
        /// `untrusted_certificate`.
        public static let untrustedCertificate = Localized(zh: "本设备不信任辖区中心的 HTTPS 证书（自签证书请用 --trust 指定）",
                                                           en: "the hub's certificate is not trusted")
        /// `bad_address`.
        public static let badAddress = Localized(zh: "辖区中心地址须为带主机名的 http:// 或 https:// 网址",
                                                 en: "the hub address is not an http(s) URL")
    }
}
