import FaguDomain
import FaguModel
import FaguTesting
@testable import FaguWire

/// Groups on twelve interleaved streams (three origins, four communities, round robin),
/// each chained to the one before it in its stream, with their chain hashes: a body whose
/// readers must keep twelve chains apart.
struct InterleavedChains {
    let groups: [ChangeGroup]
    /// Each group's chain hash, computed here (the oracle).
    let hashes: [[UInt8]]
    let header: ChangeSetHeader

    /// `count` groups; with `heldElsewhere`, the first stream starts past counter 1, after a
    /// hash the file does not hold.
    init(count: Int, seed: UInt64, heldElsewhere: Bool = false) {
        let origins = (1...3).map(TestReplicas.id)
        let scopes = (1...4).map { ScopeID.community("c0\($0)") }
        var generator = SeededGenerator(seed: seed)
        var next = [UInt64](repeating: 1, count: 12)
        var latest = [[UInt8]](repeating: GroupHash.genesis, count: 12)
        if heldElsewhere {
            next[0] = 5
            latest[0] = (0..<32).map { UInt8($0) }
        }
        var groups: [ChangeGroup] = [], hashes: [[UInt8]] = []
        for index in 0..<count {
            let stream = index % 12
            let fields = (0..<(1 + index % 3)).map { FieldChange(field: ["status", "title", "date"][$0], value: .text("第\(index)条")) }
            let group = ChangeGroup(origin: origins[stream / 4], scope: scopes[stream % 4], kind: .legalCase,
                                    record: .version7(at: Timestamp(milliseconds: 1_795_000_000_000 + Int64(index)), using: &generator),
                                    firstCounter: next[stream], time: Timestamp(milliseconds: 1_795_000_000_000 + Int64(index)),
                                    author: "a017", fields: fields, previousHash: latest[stream])
            next[stream] = group.lastCounter + 1
            latest[stream] = GroupHash.of(group)
            groups.append(group)
            hashes.append(latest[stream])
        }
        self.groups = groups
        self.hashes = hashes
        header = ChangeSetHeader(sender: origins[0], district: "浦东新区", scopes: scopes, vectors: ScopeVectors(),
                                 schemaVersion: 1, createdAt: Timestamp(milliseconds: 1_795_000_000_000))
    }

    /// The groups as a change-set file in `version`.
    func file(version: ChangeSetVersion = .v3) throws -> [UInt8] {
        try ChangeSetEncoder.encode(header: header, groups: groups, version: version)
    }
}
