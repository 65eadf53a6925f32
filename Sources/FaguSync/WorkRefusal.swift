/// Why a device may not write work dated some day in some community now (see
/// ``FieldReplica/refusal(forWorkIn:dated:)``).
public enum WorkRefusal: Sendable, Equatable {
    /// The device's identity was used on another copy; it writes nothing until recovered.
    case forked(reason: String)
    /// The device does not hold the community; `held` are the communities it holds.
    case notHeld(held: [String])
    /// The adviser's appointments do not allow the day (``AppointmentGrace``): a code and a sentence.
    case appointment(code: String, reason: String)
}
