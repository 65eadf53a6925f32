/// Why the generator stopped, or found the hub short of what the devices wrote.
struct LoadFailure: Error, CustomStringConvertible {
    /// What went wrong, in a sentence.
    var description: String

    /// A failure saying `description`.
    init(_ description: String) { self.description = description }
}
