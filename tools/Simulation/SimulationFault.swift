/// A fault of the simulator itself (not of the code it checks), in a sentence.
struct SimulationFault: Error, CustomStringConvertible {
    /// The sentence.
    let description: String

    /// The fault saying `description`.
    init(_ description: String) { self.description = description }
}
