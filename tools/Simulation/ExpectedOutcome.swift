/// What must become of one write at the hub, decided from the ledger alone: it arrives, or
/// the hub sets it aside with a known code — and why the ledger expects that.
public enum ExpectedOutcome: Sendable, Hashable {
    /// The hub holds every field of the write (current or superseded in its history).
    case arrives
    /// The hub sets the write aside with `code`; `because` says which ledger facts imply it.
    case setAside(code: String, because: String)

    /// The set-aside code, or nil when the write must arrive.
    public var code: String? {
        if case .setAside(let code, _) = self { return code }
        return nil
    }
}
