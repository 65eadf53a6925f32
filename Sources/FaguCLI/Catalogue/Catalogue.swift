/// Every message, header and error the command-line tools show, in Chinese and English.
///
/// Entries live in extensions by area in this folder, so a translator reads one place:
/// `Catalogue+Field.swift` (`fagu`), `Catalogue+Status.swift` (`fagu status`),
/// `Catalogue+Hub.swift` (`fagu-hub`), `Catalogue+Doctor.swift` (`fagu-doctor`),
/// `Catalogue+Tables.swift` (column headers), `Catalogue+Listings.swift` (what listings
/// print besides), `Catalogue+Errors.swift` (failures), and one file per coded core error
/// (`ReplicaError`, `SyncRefusal`, `WireError`, the HTTP transport's errors).
///
/// Fixed text is a `static let`; text with values in it is a `static func` returning
/// ``Localized``. A command prints one in its language:
///
/// ```swift
/// print(language.text(Catalogue.noRecordMatches("0192ab")))
/// // no record 0192ab on this device
/// ```
///
/// No file outside this folder writes text in both languages itself (a test checks).
public enum Catalogue {}
