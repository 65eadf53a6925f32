import FaguMerge
import FaguModel
import Foundation
import Testing

@Suite("A change to a field fixed at creation")
struct FixedFieldChangeTests {
    @Test("another replica's creation of a coded record, made without seeing a value, applies; an edit does not")
    func classifies() {
        let coded = RecordID.code("p1")
        #expect(FixedFieldChange(context: [], record: coded, inCreatingGroup: true) == .concurrentCreation)
        #expect(FixedFieldChange(context: [], record: .uuid(UUID()), inCreatingGroup: true) == nil,
                "a record named by a UUID is created once")
        #expect(FixedFieldChange(context: [], record: coded, inCreatingGroup: false) == nil, "an edit that names no value it saw")
        #expect(FixedFieldChange(context: [dot(alice, 1)], record: coded, inCreatingGroup: false) == nil,
                "an edit of the one value held")
        #expect(FixedFieldChange(context: [dot(alice, 1)], record: coded, inCreatingGroup: true) == nil,
                "a creation made after seeing one")
        #expect(FixedFieldChange(context: [dot(alice, 1), dot(bob, 1)], record: coded, inCreatingGroup: false) == .conflictResolution)
    }

    /// Three creations of one record on three replicas, two choices among their values made
    /// on replicas that saw two and three of them, and an edit that saw one.
    private let changes: [(Dot, FieldValue, [Dot], creates: Bool)] = [
        (dot(alice, 1), .text("a017"), [], true),
        (dot(bob, 1), .text("a018"), [], true),
        (dot(carol, 1), .text("a017"), [], true),
        (dot(bob, 2), .text("a017"), [dot(alice, 1), dot(bob, 1)], false),
        (dot(alice, 2), .text("a018"), [dot(alice, 1), dot(bob, 1), dot(carol, 1)], false),
        (dot(carol, 2), .text("a019"), [dot(carol, 1)], false),
    ]

    /// What a replica holding nothing of the record ends with after `order`: a change the
    /// rule refuses, or one that does not create a record not held, is set aside.
    private func deliver(_ order: [Int]) -> FieldRegister {
        var register = FieldRegister()
        for index in order {
            let (dot, value, context, creates) = changes[index]
            if register.isEmpty {
                guard creates else { continue }  // missing_creation
            } else if FixedFieldChange(context: context, record: .code("p1"), inCreatingGroup: creates) == nil {
                continue  // immutable_field
            }
            register.apply(dot: dot, value: value, time: at(Int64(dot.counter)), context: context)
        }
        return register
    }

    @Test("every causal order of creations, choices and a refused edit ends in the same register")
    func convergesOverEveryCausalOrder() {
        let shapes = changes.map { ($0.0, $0.1, $0.2) }
        var results: Set<FieldRegister> = []
        var orders = 0
        for order in permutations(Array(changes.indices)) where isCausal(order, shapes) {
            results.insert(deliver(order))
            orders += 1
        }
        #expect(orders == 52, "the causal orders of these six changes")
        #expect(results.count == 1)
        // The choice that saw all three creations supersedes them and the other choice's
        // inputs; the other choice saw only two, so it stands beside it.
        #expect(results.first?.dots == [dot(alice, 2), dot(bob, 2)])
    }

    @Test("creations alone end as a conflict of every creation's value, the same in every order")
    func creationsAloneConflict() {
        let creations = Array(changes.indices.prefix(3))
        var results: Set<FieldRegister> = []
        for order in permutations(creations) { results.insert(deliver(order)) }
        #expect(results.count == 1)
        #expect(results.first?.dots == [dot(alice, 1), dot(bob, 1), dot(carol, 1)])
        #expect(results.first?.isConflict == true)
    }
}
