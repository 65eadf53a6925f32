import FaguCLI
import FaguModel
import FaguStore

/// A record's causal history as `fagu-doctor trace` shows it: every write (a group of field
/// changes by one device at one time), what it superseded, and the writes concurrent with it.
struct RecordTrace: Encodable {
    /// One write.
    struct Write: Encodable {
        /// The dots of its changes (`origin:counter`).
        var dots: [String]
        /// The writing device (replica id).
        var device: String
        /// Who: an adviser's code, `office:c01`, `hub`.
        var author: String
        /// When it was written (RFC 3339, Shanghai time).
        var time: String
        /// The fields it wrote and their values (absent when the hub set it aside).
        var fields: [String: ListedValue]
        /// The dots of earlier values it replaced.
        var supersedes: [String]
        /// Dots of writes to the same fields that neither preceded nor followed it.
        var concurrentWith: [String]
        /// The code the hub set it aside with, if it did.
        var setAside: String?
        /// Positions (in ``RecordTrace/writes``) of the writes it follows from.
        var parents: [Int]
    }

    var kind: String
    var record: String
    /// Every write, oldest first.
    var writes: [Write]

    /// The trace of `changes`, one record's history of `kind`.
    init(kind: RecordKind, record: RecordID, changes: [RecordChange]) {
        self.kind = kind.rawValue
        self.record = record.description
        // Changes of one group share their origin, time and author, with consecutive dots.
        var groups: [[RecordChange]] = []
        for change in changes.sorted(by: { ($0.writtenAt, $0.dot) < ($1.writtenAt, $1.dot) }) {
            if let last = groups.last?.last, last.dot.origin == change.dot.origin, last.writtenAt == change.writtenAt,
               last.author == change.author, last.dot.counter + 1 == change.dot.counter {
                groups[groups.count - 1].append(change)
            } else {
                groups.append([change])
            }
        }
        var groupOf: [Dot: Int] = [:]
        for (index, group) in groups.enumerated() { for change in group { groupOf[change.dot] = index } }
        let byDot = Dictionary(changes.map { ($0.dot, $0) }, uniquingKeysWith: { first, _ in first })
        // Every dot a change follows from, directly or not.
        var ancestors: [Dot: Set<Dot>] = [:]
        func ancestry(_ dot: Dot) -> Set<Dot> {
            if let known = ancestors[dot] { return known }
            ancestors[dot] = []
            var found: Set<Dot> = []
            for parent in byDot[dot]?.supersedes ?? [] {
                found.insert(parent)
                found.formUnion(ancestry(parent))
            }
            ancestors[dot] = found
            return found
        }
        writes = groups.map { group in
            let dots = Set(group.map(\.dot))
            let supersedes = Set(group.flatMap(\.supersedes)).subtracting(dots)
            let fields = Set(group.map(\.field))
            let concurrent = changes.filter { other in
                !dots.contains(other.dot) && fields.contains(other.field) && other.setAside == nil
                    && group.allSatisfy { change in
                        change.field != other.field || (!ancestry(change.dot).contains(other.dot) && !ancestry(other.dot).contains(change.dot))
                    }
            }
            var values: [String: ListedValue] = [:]
            for change in group where change.setAside == nil {
                if let value = change.value { values[change.field] = ListedValue(value, field: change.field, of: kind) }
            }
            let first = group[0]
            return Write(dots: group.map(\.dot.description), device: first.dot.origin.description, author: first.author,
                         time: ShanghaiTime.rfc3339(first.writtenAt), fields: values,
                         supersedes: supersedes.sorted().map(\.description), concurrentWith: concurrent.map(\.dot.description),
                         setAside: first.setAside,
                         parents: Array(Set(supersedes.compactMap { groupOf[$0] })).sorted())
        }
    }

    /// The trace as an indented tree: each write under the latest write it follows from.
    func render(_ language: Language) -> [String] {
        var lines = ["\(kind) \(record)"]
        var children: [Int: [Int]] = [:]
        var roots: [Int] = []
        for (index, write) in writes.enumerated() {
            if let parent = write.parents.max() { children[parent, default: []].append(index) } else { roots.append(index) }
        }
        func emit(_ index: Int, _ prefix: String, _ last: Bool) {
            let write = writes[index]
            let dots = write.dots.count == 1 ? write.dots[0] : "\(write.dots[0])…\(write.dots.last!.split(separator: ":").last ?? "")"
            lines.append(prefix + (last ? "└─ " : "├─ ") + "● \(write.author) · \(ShanghaiTime.display(write.time)) · "
                         + "\(write.device.prefix(8)) · \(dots)")
            let inner = prefix + (last ? "   " : "│  ")
            if let code = write.setAside { lines.append(inner + "   " + language.text(Catalogue.traceSetAside(code))) }
            for name in write.fields.keys.sorted() { lines.append(inner + "   \(name) = \(write.fields[name]!.text)") }
            if !write.supersedes.isEmpty { lines.append(inner + "   " + language.text(Catalogue.traceSupersedes(write.supersedes.joined(separator: ", ")))) }
            if !write.concurrentWith.isEmpty {
                lines.append(inner + "   ⚠ " + language.text(Catalogue.traceConcurrent(write.concurrentWith.joined(separator: ", "))))
            }
            let next = children[index] ?? []
            for (position, child) in next.enumerated() { emit(child, inner, position == next.count - 1) }
        }
        for (position, root) in roots.enumerated() { emit(root, "", position == roots.count - 1) }
        return lines
    }
}
