/// A row of `change_run` read back: where it is, whose groups it holds, and their entries.
struct StoredRun {
    /// Its rowid.
    var id: Int64
    /// Local scope and origin numbers.
    var scope: Int
    var origin: Int
    var entries: [LogEntry]
}
