import ArgumentParser
import FaguCLI
import FaguDomain
import FaguModel
import FaguStore
import FaguWire
import Foundation

/// `fagu-doctor diff A B`: what each of two replicas (or a replica and a change-set file)
/// holds that the other lacks, and whether they agree where both hold the same.
public struct DiffCommand: ParsableCommand {
    public static let configuration = CommandConfiguration(
        commandName: "diff",
        abstract: "Compare two homes, or a home and a change-set file, scope by scope (比对).",
        discussion: """
            For every scope both hold: the changes (dots) each holds that the other lacks, counted \
            per writing replica with the first few named by kind and record; and, between two \
            homes, whether their state digests are equal. A file stands for what its sender said it \
            held (its header's vectors) and the groups it carries; a sealed file is opened with the \
            other side's key when that home is its recipient.
            Exits 0 only when the two hold the same in every scope both hold; 1 otherwise.
            """)

    /// The first home or file.
    @Argument(help: ArgumentHelp("A home folder or a change-set file.", valueName: "A")) public var first: String
    /// The second home or file.
    @Argument(help: ArgumentHelp("A home folder or a change-set file.", valueName: "B")) public var second: String

    @OptionGroup public var output: OutputOptions

    public init() {}

    /// Changes one side holds and the other lacks, from one writer in one scope.
    struct Lack: Encodable {
        var scope: String
        var origin: String
        /// The side that lacks them (A or B, as given).
        var lackedBy: String
        var count: UInt64
        /// The first few: `dot kind record`.
        var first: [String]
    }

    /// What `--json` prints.
    struct Report: Encodable {
        var a: String
        var b: String
        var equal: Bool
        var scopesCompared: [String]
        var onlyInA: [String]
        var onlyInB: [String]
        var lacks: [Lack]
        /// Scopes where both hold the same versions but the state digests differ.
        var digestsDiffer: [String]
        /// Scopes where the digests differ and the hub set groups aside there: the writer
        /// keeps its set-aside work, which the hub applied nowhere, so this is expected.
        var digestsDifferBySetAside: [String]
    }

    public func run() throws {
        let language = output.language
        let (a, b) = try failing(language) { (try side(first, other: second, language), try side(second, other: first, language)) }
        // Each home read in one snapshot, so a hub syncing meanwhile is seen at one moment.
        func snapshot<T>(_ replica: Replica?, _ body: () throws -> T) throws -> T {
            guard let replica else { return try body() }
            return try replica.inSnapshot(body)
        }
        let report = try failing(language) {
            try snapshot(a.replica) { try snapshot(b.replica) { try compare(a.reread(), b.reread()) } }
        }
        if output.json {
            try JSONOutput.print(report)
        } else {
            for lack in report.lacks {
                print(language.text(Catalogue.diffLacks(lack.lackedBy, lack.count, String(lack.origin.prefix(8)), lack.scope)))
                for line in lack.first { print("    " + line) }
            }
            for scope in report.digestsDiffer { print(language.text(Catalogue.diffDigestsDiffer(scope))) }
            for scope in report.digestsDifferBySetAside { print(language.text(Catalogue.diffDifferBySetAside(scope))) }
            for scope in report.onlyInA { print(language.text(Catalogue.diffScopeOnlyOn(scope, "A"))) }
            for scope in report.onlyInB { print(language.text(Catalogue.diffScopeOnlyOn(scope, "B"))) }
            print(report.equal ? language.text(Catalogue.diffEqual)
                               : language.text(Catalogue.diffDiffers(report.lacks.count + report.digestsDiffer.count)))
        }
        if !report.equal { throw CommandFailure(language.text(Catalogue.diffDiffers(report.lacks.count + report.digestsDiffer.count))) }
    }

    /// The side at `path`: a home, or a file opened with `other`'s key when `other` is a home.
    private func side(_ path: String, other: String, _ language: Language) throws -> DiffSide {
        var isFolder: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isFolder) else {
            throw CommandFailure(language.text(Catalogue.noSuchPath(path)), exitCode: 2)
        }
        if isFolder.boolValue { return try DiffSide(home: DoctorHome(path, language)) }
        guard let data = FileManager.default.contents(atPath: path) else {
            throw CommandFailure(language.text(Catalogue.noSuchPath(path)), exitCode: 2)
        }
        var otherIsFolder: ObjCBool = false
        let key = FileManager.default.fileExists(atPath: other, isDirectory: &otherIsFolder) && otherIsFolder.boolValue
            ? try BundleCommand.sealingKey(at: other) : nil
        let inspection = ChangeSetInspection(file: [UInt8](data), key: key)
        guard let header = inspection.header else {
            throw CommandFailure(language.text(Catalogue.notAChangeSet(path, inspection.error.map { "\($0)" } ?? "")), exitCode: 2)
        }
        return DiffSide(file: path, inspection: inspection, header: header)
    }

    /// The comparison of `a` and `b` in the scopes both hold.
    func compare(_ a: DiffSide, _ b: DiffSide) throws -> Report {
        let common = a.scopes.intersection(b.scopes).sorted()
        var lacks: [Lack] = []
        var digestsDiffer: [String] = []
        var explained: [String] = []
        for scope in common {
            let (va, vb) = (a.vectors[scope], b.vectors[scope])
            let origins = Set(va.counters.keys).union(vb.counters.keys).sorted()
            for origin in origins {
                for (holder, lacker, lackerName, held, lacked) in [(a, vb, "B", va[origin], vb[origin]), (b, va, "A", vb[origin], va[origin])]
                where held > lacked {
                    let groups = try holder.groups(of: origin, in: scope, beyond: lacker, limit: 3)
                    lacks.append(Lack(scope: scope.name, origin: origin.description, lackedBy: lackerName, count: held - lacked,
                                      first: groups.map { "\($0.origin.description.prefix(8)):\($0.firstCounter) \($0.kind.rawValue) \($0.record)" }))
                }
            }
            if va == vb, let left = a.replica, let right = b.replica,
               try left.digest(scopes: [scope]) != right.digest(scopes: [scope]) {
                let setAside = try (left.setAsideEntries() + right.setAsideEntries()).contains { $0.scope == scope.name }
                if setAside { explained.append(scope.name) } else { digestsDiffer.append(scope.name) }
            }
        }
        return Report(a: a.name, b: b.name, equal: lacks.isEmpty && digestsDiffer.isEmpty, scopesCompared: common.map(\.name),
                      onlyInA: a.scopes.subtracting(b.scopes).sorted().map(\.name),
                      onlyInB: b.scopes.subtracting(a.scopes).sorted().map(\.name), lacks: lacks, digestsDiffer: digestsDiffer,
                      digestsDifferBySetAside: explained)
    }
}
