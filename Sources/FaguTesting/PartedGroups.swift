import FaguModel
import Foundation

/// Groups handed out a part at a time, as a change set still being read hands them out:
/// to apply a batch through the streaming apply in parts of chosen sizes.
public final class PartedGroups: GroupSource, @unchecked Sendable {
    private var rest: ArraySlice<ChangeGroup>
    private var sizes: [Int]
    private let failure: (any Error)?
    private let pause: Double
    /// How many parts were handed out.
    public private(set) var partsGiven = 0
    public let expectedGroupCount: Int

    /// `groups` in parts of `sizes` (the last size repeats; sizes below 1 count as 1),
    /// throwing `failure`, if given, where a part would follow the last group; each part
    /// after `pausing` seconds, as from a slow reader.
    public init(_ groups: [ChangeGroup], sizes: [Int], failingAtEnd failure: (any Error)? = nil, pausing: Double = 0) {
        rest = groups[...]
        pause = pausing
        self.sizes = sizes.isEmpty ? [1] : sizes
        self.failure = failure
        expectedGroupCount = groups.count
    }

    public func nextGroups() throws -> [ChangeGroup]? {
        if pause > 0 { Thread.sleep(forTimeInterval: pause) }
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
