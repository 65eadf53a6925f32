import FaguDomain
import FaguModel

let alice = ReplicaID("00000000-0000-4000-8000-00000000000a")!
let bob = ReplicaID("00000000-0000-4000-8000-00000000000b")!
let carol = ReplicaID("00000000-0000-4000-8000-00000000000c")!
let scope = ScopeID.community("c01")
let caseID = RecordID.code("k1")

func dot(_ origin: ReplicaID, _ counter: UInt64) -> Dot { Dot(origin: origin, counter: counter) }
func at(_ ms: Int64) -> Timestamp { Timestamp(milliseconds: ms) }

/// A one-field group writing `status` of the test case.
func statusWrite(_ origin: ReplicaID, _ counter: UInt64, _ status: String, context: [Dot] = [], time: Int64 = 0) -> ChangeGroup {
    ChangeGroup(origin: origin, scope: scope, kind: .legalCase, record: caseID, firstCounter: counter,
                time: at(time), author: "test", fields: [FieldChange(field: "status", value: .text(status), context: context)])
}

/// Whether delivering `changes` in `order` is causal: each change after every dot of its
/// context and after its origin's change before it.
func isCausal(_ order: [Int], _ changes: [(Dot, FieldValue, [Dot])]) -> Bool {
    var seen: Set<Dot> = []
    for index in order {
        let (dot, _, context) = changes[index]
        guard context.allSatisfy(seen.contains), dot.counter == 1 || seen.contains(Dot(origin: dot.origin, counter: dot.counter - 1)) else {
            return false
        }
        seen.insert(dot)
    }
    return true
}

/// Every order of `items`.
func permutations(_ items: [Int]) -> [[Int]] {
    guard items.count > 1 else { return [items] }
    return items.indices.flatMap { index -> [[Int]] in
        var rest = items
        let head = rest.remove(at: index)
        return permutations(rest).map { [head] + $0 }
    }
}
