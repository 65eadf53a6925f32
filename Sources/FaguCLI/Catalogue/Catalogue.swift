/// Every message, header and error the command-line tools show, in Chinese and English.
///
/// Entries live in extensions by area (`Catalogue+Field.swift`, `Catalogue+Hub.swift`,
/// `Catalogue+Doctor.swift`, …) in this folder, so a translator reads one place.
public enum Catalogue {}
