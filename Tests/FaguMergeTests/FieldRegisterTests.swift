import FaguMerge
import FaguDomain
import FaguModel
import Testing

@Suite("A field register")
struct FieldRegisterTests {
    @Test("a write that has seen the current value replaces it")
    func replaces() {
        var register = FieldRegister()
        #expect(register.apply(dot: dot(alice, 1), value: .text("open"), time: at(1), context: []) == .replaced(count: 0))
        #expect(register.apply(dot: dot(bob, 1), value: .text("closed"), time: at(2), context: [dot(alice, 1)]) == .replaced(count: 1))
        #expect(register.entries.map(\.value) == [.text("closed")])
        #expect(!register.isConflict)
    }

    @Test("concurrent writes are kept side by side as a conflict")
    func keepsConcurrentWrites() {
        var register = FieldRegister()
        register.apply(dot: dot(alice, 1), value: .text("open"), time: at(1), context: [])
        register.apply(dot: dot(alice, 2), value: .text("mediated"), time: at(5), context: [dot(alice, 1)])
        let outcome = register.apply(dot: dot(bob, 1), value: .text("closed"), time: at(3), context: [dot(alice, 1)])
        #expect(outcome == .concurrent(with: [dot(alice, 2)]))
        #expect(register.isConflict)
        #expect(Set(register.entries.map(\.value)) == [.text("mediated"), .text("closed")])
        #expect(register.displayed?.value == .text("mediated"), "the later write is displayed")
    }

    @Test("a later write that saw both conflicting values resolves the conflict")
    func resolves() {
        var register = FieldRegister()
        register.apply(dot: dot(alice, 1), value: .text("mediated"), time: at(1), context: [])
        register.apply(dot: dot(bob, 1), value: .text("closed"), time: at(1), context: [])
        #expect(register.isConflict)
        register.apply(dot: dot(carol, 1), value: .text("referred"), time: at(2), context: register.dots)
        #expect(register.entries.map(\.value) == [.text("referred")])
    }

    @Test("the displayed value of a tie is chosen by dot, the same on every replica")
    func tieBreaksByDot() {
        var first = FieldRegister()
        first.apply(dot: dot(alice, 1), value: .text("a"), time: at(7), context: [])
        first.apply(dot: dot(bob, 1), value: .text("b"), time: at(7), context: [])
        var second = FieldRegister()
        second.apply(dot: dot(bob, 1), value: .text("b"), time: at(7), context: [])
        second.apply(dot: dot(alice, 1), value: .text("a"), time: at(7), context: [])
        #expect(first == second)
        #expect(first.displayed?.value == .text("b"))
    }

    @Test("applying the same change twice changes nothing")
    func idempotent() {
        var register = FieldRegister()
        register.apply(dot: dot(alice, 1), value: .text("open"), time: at(1), context: [])
        let before = register
        #expect(register.apply(dot: dot(alice, 1), value: .text("open"), time: at(1), context: []) == .duplicate)
        #expect(register == before)
    }

    @Test("every causal order of a set of writes gives the same register")
    func commutesOverEveryCausalOrder() {
        // a1 ← b1 (saw a1); a2 (saw a1) concurrent with b1; c1 concurrent with all; b2 saw b1 and a2.
        let changes: [(Dot, FieldValue, [Dot])] = [
            (dot(alice, 1), .text("open"), []),
            (dot(bob, 1), .text("in_progress"), [dot(alice, 1)]),
            (dot(alice, 2), .text("mediated"), [dot(alice, 1)]),
            (dot(carol, 1), .text("referred"), []),
            (dot(bob, 2), .text("closed"), [dot(bob, 1), dot(alice, 2)]),
        ]
        var results: Set<FieldRegister> = []
        for order in permutations(Array(changes.indices)) where isCausal(order, changes) {
            var register = FieldRegister()
            for index in order {
                register.apply(dot: changes[index].0, value: changes[index].1, time: at(Int64(index)), context: changes[index].2)
            }
            results.insert(register)
        }
        #expect(results.count == 1)
        #expect(results.first?.dots == [dot(bob, 2), dot(carol, 1)])
    }
}
