/// One piece of user-facing text in both languages, as the catalogue holds it.
public struct Localized: Sendable, Hashable {
    /// The Chinese text.
    public let zh: String
    /// The English text.
    public let en: String

    /// Text from its Chinese and English forms.
    public init(zh: String, en: String) {
        self.zh = zh
        self.en = en
    }
}
