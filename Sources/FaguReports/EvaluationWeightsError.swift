/// A score sheet naming an indicator that does not exist, or with a target not above 0 or a
/// negative weight.
public struct EvaluationWeightsError: Error, Hashable, Sendable {
    /// The indicator's key as written.
    public let key: String

    /// An error about `key`.
    public init(key: String) { self.key = key }
}
