import FaguCLI
import FaguDomain
import FaguModel

/// What every write command prints: the new or changed record's id.
struct WrittenRecord: Encodable {
    var id: String

    /// Prints the id (with `--json`: `{"id": ...}`).
    static func report(_ id: RecordID, _ options: DeviceOptions) throws {
        if options.output.json {
            try JSONOutput.print(WrittenRecord(id: id.description))
        } else {
            print(id.description)
        }
    }
}
