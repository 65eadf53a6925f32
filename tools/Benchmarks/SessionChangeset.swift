/// One side's day as SQLite's session extension records it.
struct SessionChangeset {
    /// The changeset, zlib'd at level 6.
    var compressed: [UInt8]
    /// The changeset's size before compression.
    var size: Int
    /// The row changes it holds: one per row touched, its net change over the day (a row
    /// inserted and then updated is one insert), where Fagu keeps and sends every operation.
    var rowChanges: Int
}
