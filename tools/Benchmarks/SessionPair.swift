import Foundation

/// The baseline's two sides of a day: two session databases that hold the shared cases,
/// record their halves of the day, and apply each other's changeset.
struct SessionPair {
    let first: SessionDatabase
    let second: SessionDatabase
    let day: DistrictDay
    let batch: Int

    /// Both sides with the shared cases written, recording from now on.
    ///
    /// - Parameters:
    ///   - cacheKiB: SQLite's page cache; nil leaves SQLite's default.
    ///   - pageBytes: The files' page size; nil leaves SQLite's default.
    ///   - checkpointPages: `PRAGMA wal_autocheckpoint`; nil leaves SQLite's default.
    init(_ day: DistrictDay, batch: Int, paths: (first: String, second: String), cacheKiB: Int?, pageBytes: Int?,
         checkpointPages: Int? = nil) throws {
        first = try SessionDatabase(path: paths.first, cacheKiB: cacheKiB, pageBytes: pageBytes, checkpointPages: checkpointPages)
        second = try SessionDatabase(path: paths.second, cacheKiB: cacheKiB, pageBytes: pageBytes, checkpointPages: checkpointPages)
        self.day = day
        self.batch = batch
        for database in [first, second] {
            try database.write(day.shared[...], batch: batch)
            try database.startRecording()
        }
    }

    /// Each side writes its half of the day.
    func writeDay() throws {
        try first.write(day.first[...], batch: batch)
        try second.write(day.second[...], batch: batch)
    }

    /// Each side's zlib'd changeset of the day, first's then second's; recording stops.
    func changesets() throws -> [SessionChangeset] {
        [try first.compressedChangeset(), try second.compressedChangeset()]
    }

    /// Writes both sides' WAL into their files.
    func checkpoint() throws {
        try first.checkpoint()
        try second.checkpoint()
    }

    /// Each side applies the other's changeset from ``changesets()``.
    func merge(_ changesets: [SessionChangeset]) throws {
        try second.apply(compressed: changesets[0].compressed, size: changesets[0].size)
        try first.apply(compressed: changesets[1].compressed, size: changesets[1].size)
    }
}
