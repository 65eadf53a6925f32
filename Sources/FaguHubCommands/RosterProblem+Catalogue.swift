import FaguCLI
import FaguRoster

/// A roster problem already carries its sentence in both languages (the roster reader writes
/// them); these give it to the tools as catalogue text.
extension RosterProblem {
    /// The problem's sentence, without its location.
    var catalogueText: Localized { Localized(zh: chinese, en: english) }

    /// `file:line: field: sentence`.
    var locatedText: Localized { Localized(zh: chineseDescription, en: description) }
}
