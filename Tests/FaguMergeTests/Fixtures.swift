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
