/// Where an id that an appointment names may come from: the ids already on the hub, and
/// the rows of the file being imported alongside.
struct ReferenceSource {
    /// How an id resolves.
    enum Resolution {
        /// The id is on the hub, or in a file that will be imported.
        case found
        /// The id is only in `file`, which has errors and will not be imported.
        case rejected(file: String)
        /// The id is nowhere.
        case unknown
    }

    /// Ids already on the hub.
    let known: Set<String>
    /// The file imported alongside, if any.
    let file: String?
    /// The ids that file names.
    let ids: Set<String>
    /// Whether that file has errors.
    let isRejected: Bool

    /// A source from the known ids and the reading of the file imported alongside.
    init<Record>(known: Set<String>, reading: SheetReading<Record>?) {
        self.known = known
        self.file = reading?.file
        self.ids = reading.map { Set($0.lines.keys) } ?? []
        self.isRejected = reading?.isRejected ?? false
    }

    /// How `id` resolves.
    func resolve(_ id: String) -> Resolution {
        if known.contains(id) { return .found }
        guard let file, ids.contains(id) else { return .unknown }
        return isRejected ? .rejected(file: file) : .found
    }
}
