import Foundation

/// One roster CSV file as given to the reader: its name (for problems) and its text.
///
/// ```swift
/// let file = RosterFile(name: "communities.csv", contents: "id,name,kind\nc01,川沙居委,residential\n")
/// ```
public struct RosterFile: Sendable, Hashable {
    /// The name problems are reported under, usually the file name (`advisers.csv`).
    public let name: String
    /// The file's text.
    public let contents: String
    /// The line of the first byte that is not UTF-8, when the file came from such bytes.
    let firstNonUTF8Line: Int?

    /// A file from its name and text.
    public init(name: String, contents: String) {
        self.name = name
        self.contents = contents
        self.firstNonUTF8Line = nil
    }

    /// A file from its name and raw bytes, which should be UTF-8.
    ///
    /// Bytes that are not UTF-8 (a roster saved as GBK, say) do not stop this initializer:
    /// the reader reports them as an error on the line where they first occur, and the file
    /// imports nothing.
    public init(name: String, bytes: [UInt8]) {
        self.name = name
        self.contents = String(decoding: bytes, as: UTF8.self)
        self.firstNonUTF8Line = RosterFile.firstNonUTF8Line(in: bytes)
    }

    /// The file at `path`, named by its last path component.
    ///
    /// - Throws: the error Foundation gives when the file cannot be read.
    public init(contentsOfFile path: String) throws {
        let url = URL(fileURLWithPath: path)
        let data = try Data(contentsOf: url)
        self.init(name: url.lastPathComponent, bytes: [UInt8](data))
    }

    /// The 1-based line of the first invalid UTF-8 sequence in `bytes`, or nil when all is UTF-8.
    private static func firstNonUTF8Line(in bytes: [UInt8]) -> Int? {
        var iterator = bytes.makeIterator()
        var decoder = UTF8()
        var line = 1
        var previous: Unicode.Scalar?
        while true {
            switch decoder.decode(&iterator) {
            case .scalarValue(let scalar):
                if scalar == "\r" || (scalar == "\n" && previous != "\r") { line += 1 }
                previous = scalar
            case .emptyInput:
                return nil
            case .error:
                return line
            }
        }
    }
}
