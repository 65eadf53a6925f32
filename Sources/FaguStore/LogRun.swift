import FaguModel
import Foundation
import GRDB

/// Consecutive groups of one origin in one scope, stored as one row of `change_run`.
///
/// A transaction that writes or receives many groups stores one row per scope and origin
/// instead of one per group, which is most of what writing the change log costs SQLite.
///
/// Encoding, per entry in counter order: the gap before it (its first counter minus the
/// previous entry's last plus one, or minus the run's first for the first entry), change
/// count, kind code, record (0 and 16 UUID bytes, or 1 and a code), time minus the previous
/// entry's (zigzag), author, a flags byte (1 hash, 2 set aside, 4 clamped) with the 32-byte
/// hash, set-aside code and clamped time as flagged, then the body's length and bytes.
struct LogRun {
    /// At most this many groups go into one run, so reading one group back decodes little.
    static let maximumEntries = 256
    /// A run is closed once its encoding passes this many bytes.
    static let maximumBytes = 128 << 10

    /// The first counter of its first entry.
    private(set) var first: UInt64
    /// The last counter of its last entry.
    private(set) var last: UInt64
    private(set) var entryCount = 0
    private(set) var changeCount = 0
    /// One bit per kind storage code below 63; bit 63 for every higher code.
    private(set) var kinds: Int64 = 0
    /// How many of its groups the hub clamped.
    private(set) var clampedCount = 0
    /// The chain hash of its last entry.
    private(set) var lastHash: [UInt8]?
    private var writer = ByteWriter(capacity: 4096)
    private var previousTime: Int64 = 0

    /// An empty run whose first entry starts at `first`.
    init(startingAt first: UInt64) {
        self.first = first
        self.last = first &- 1
    }

    /// A run holding `entries`, in counter order.
    init(_ entries: [LogEntry]) {
        self.init(startingAt: entries.first?.first ?? 1)
        for entry in entries { append(entry) }
    }

    /// The run's encoding.
    var bytes: [UInt8] { writer.bytes }

    /// The columns of `change_run` that summarize a run, which the log's readers trust to
    /// find runs without decoding them.
    static let summaryColumns = ["last", "groups", "changes", "kinds", "clamped", "last_hash"]

    /// This run's values of ``summaryColumns``, in order.
    var summaryValues: [DatabaseValue] {
        [Int64(last).databaseValue, entryCount.databaseValue, changeCount.databaseValue, kinds.databaseValue,
         clampedCount.databaseValue, lastHash.map { Data($0) }.databaseValue]
    }

    /// The statement that stores a run; bind ``insertArguments(scope:origin:)``.
    static let insertSQL = """
        INSERT INTO change_run (scope, origin, first, \(summaryColumns.joined(separator: ", ")), entries)
        VALUES (?, ?, ?, \(summaryColumns.map { _ in "?" }.joined(separator: ", ")), ?)
        """

    /// The arguments of ``insertSQL`` for this run as `origin`'s in `scope` (local numbers).
    func insertArguments(scope: Int, origin: Int) -> [DatabaseValue] {
        [scope.databaseValue, origin.databaseValue, Int64(first).databaseValue] + summaryValues + [Data(bytes).databaseValue]
    }

    /// The statement that replaces a stored run's entries by id; bind ``rewriteArguments(id:)``.
    static let rewriteSQL = """
        UPDATE change_run SET \(summaryColumns.map { "\($0) = ?" }.joined(separator: ", ")), entries = ? WHERE id = ?
        """

    /// The arguments of ``rewriteSQL`` for this run as the stored run `id`.
    func rewriteArguments(id: Int64) -> [DatabaseValue] {
        summaryValues + [Data(bytes).databaseValue, id.databaseValue]
    }

    /// Whether it should take no more entries.
    var isFull: Bool { entryCount >= LogRun.maximumEntries || writer.bytes.count >= LogRun.maximumBytes }

    /// The bit of `kinds` that marks a kind's storage code.
    static func kindBit(_ code: Int) -> Int64 { code >= 0 && code < 63 ? 1 << Int64(code) : Int64.min }

    /// Adds `entry`, which must come after every entry held.
    ///
    /// - Returns: Whether the run is now full (``isFull``).
    @discardableResult
    mutating func append(_ entry: LogEntry) -> Bool {
        writer.writeVarint(entry.first - (last &+ 1))
        writer.writeVarint(entry.count)
        writer.writeVarint(entry.kindCode)
        switch entry.record {
        case .uuid(let uuid):
            writer.writeByte(0)
            withUnsafeBytes(of: uuid.uuid) { writer.append(contentsOf: $0) }
        case .code(let code):
            writer.writeByte(1)
            writer.writeString(code)
        }
        writer.writeSigned(entry.time &- previousTime)
        writer.writeString(entry.author)
        var flags: UInt8 = 0
        if entry.hash != nil { flags |= 1 }
        if entry.setAside != nil { flags |= 2 }
        if entry.clampedTime != nil { flags |= 4 }
        writer.writeByte(flags)
        if let hash = entry.hash { writer.append(hash) }
        if let setAside = entry.setAside { writer.writeString(setAside) }
        if let clamped = entry.clampedTime { writer.writeSigned(clamped) }
        writer.writeVarint(entry.body.count)
        writer.append(entry.body)

        previousTime = entry.time
        last = entry.last
        entryCount += 1
        changeCount += entry.count
        kinds |= LogRun.kindBit(entry.kindCode)
        if entry.clampedTime != nil { clampedCount += 1 }
        lastHash = entry.hash
        return isFull
    }

    /// The entries of a stored run that starts at `first`, or nil when its bytes are malformed.
    static func entries(of bytes: [UInt8], first: UInt64) -> [LogEntry]? {
        var reader = ByteReader(bytes)
        var entries: [LogEntry] = []
        var next = first
        var time: Int64 = 0
        while !reader.isAtEnd {
            guard let gap = reader.readVarint(), let count = reader.readInt(), count >= 1, count <= 1 << 20,
                  let kind = reader.readInt(), let recordTag = reader.readByte() else { return nil }
            let record: RecordID
            switch recordTag {
            case 0:
                guard let b = reader.readBytes(16) else { return nil }
                record = .uuid(UUID(uuid: (b[0], b[1], b[2], b[3], b[4], b[5], b[6], b[7],
                                          b[8], b[9], b[10], b[11], b[12], b[13], b[14], b[15])))
            case 1:
                guard let code = reader.readString() else { return nil }
                record = .code(code)
            default:
                return nil
            }
            guard let delta = reader.readSigned(), let author = reader.readString(), let flags = reader.readByte() else { return nil }
            time = time &+ delta
            var hash: [UInt8]?
            if flags & 1 != 0 {
                guard let read = reader.readBytes(32) else { return nil }
                hash = read
            }
            var setAside: String?
            if flags & 2 != 0 {
                guard let code = reader.readString() else { return nil }
                setAside = code
            }
            var clamped: Int64?
            if flags & 4 != 0 {
                guard let value = reader.readSigned() else { return nil }
                clamped = value
            }
            guard let bodyCount = reader.readInt(), let body = reader.readBytes(bodyCount) else { return nil }
            let (start, overflow) = next.addingReportingOverflow(gap)
            guard !overflow else { return nil }
            let entry = LogEntry(first: start, count: count, kindCode: kind, record: record, time: time, author: author,
                                 body: body, hash: hash, setAside: setAside, clampedTime: clamped)
            entries.append(entry)
            next = entry.last + 1
        }
        return entries
    }
}
