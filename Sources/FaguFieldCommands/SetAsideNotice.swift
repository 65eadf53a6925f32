import FaguCLI

/// The line `fagu sync` and `fagu import` print when the hub set aside some of this device's work.
enum SetAsideNotice {
    /// "⚠ the hub set aside N group(s) of this device's work: see fagu set-aside".
    static func text(_ count: Int, _ language: Language) -> String {
        language.text(Catalogue.hubSetAside(count))
    }
}
