import Foundation

/// What `fagu backup` and `fagu-hub backup` report once the copy is written and checked: the
/// file and its size, as JSON or a sentence.
public struct BackupWritten: Encodable {
    /// The backup file.
    public var file: String
    /// Its size in bytes.
    public var bytes: Int

    /// The report of the backup just written to `file`.
    ///
    /// - Throws: when the file's size cannot be read (it was just written, so this is a real failure).
    public init(file: String) throws {
        self.file = file
        bytes = (try FileManager.default.attributesOfItem(atPath: file)[.size] as? Int) ?? 0
    }

    /// Prints the report: one JSON document with `json`, else a sentence in `language`.
    public func print(json: Bool, _ language: Language) throws {
        if json { return try JSONOutput.print(self) }
        Swift.print(language.text(Catalogue.backedUp(to: file, bytes: bytes)))
    }
}
