import FaguModel

/// Groups handed out a part at a time, as a change set still being read hands them out:
/// to apply a batch through the streaming apply in parts of chosen sizes.
public final class PartedGroups: GroupSource, @unchecked Sendable {
    private var rest: ArraySlice<ChangeGroup>
    private var sizes: [Int]
    private let failure: (any Error)?
    /// How many parts were handed out.
    public private(set) var partsGiven = 0
    public let expectedGroupCount: Int

    /// `groups` in parts of `sizes` (the last size repeats; sizes below 1 count as 1),
    /// throwing `failure`, if given, where a part would follow the last group.
    public init(_ groups: [ChangeGroup], sizes: [Int], failingAtEnd failure: (any Error)? = nil) {
        rest = groups[...]
        self.sizes = sizes.isEmpty ? [1] : sizes
        self.failure = failure
        expectedGroupCount = groups.count
    }

    public func nextGroups() throws -> [ChangeGroup]? {
        guard !rest.isEmpty else {
            if let failure { throw failure }
            return nil
        }
        let size = max(1, sizes.count > 1 ? sizes.removeFirst() : sizes[0])
        defer { rest = rest.dropFirst(size) }
        partsGiven += 1
        return Array(rest.prefix(size))
    }
}
