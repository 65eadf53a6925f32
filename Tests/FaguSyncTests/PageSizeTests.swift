import FaguDomain
import FaguModel
import FaguStore
import FaguSync
import FaguTesting
import Foundation
import Testing

/// A device writes a record or two per commit and the hub merges whole days: their files
/// are made with the page size that suits each (SQLite's 4 KiB, and 16 KiB).
@Suite("Page sizes: a device's file and the hub's")
struct PageSizeTests {
    @Test("a device's replica is made with 4 KiB pages, the hub's with 16 KiB; a commit of one visit writes less WAL on the device")
    func deviceAndHub() throws {
        let district = try TestDistrict(prefix: "fagu-page-size")
        let device = try district.join(.adviser, "a001", as: "device")
        #expect(try device.replica.pageBytes() == FieldReplica.pageBytes)
        #expect(try district.hub.replica.pageBytes() == Replica.databasePageSize)
        #expect(FieldReplica.pageBytes == 4_096 && Replica.databasePageSize == 16_384)

        /// The WAL bytes one visit's commit adds to `replica`'s file.
        func walBytesOfOneVisit(_ replica: Replica) throws -> Int {
            func walSize() throws -> Int {
                let path = replica.path + "-wal"
                guard FileManager.default.fileExists(atPath: path) else { return 0 }
                return try FileManager.default.attributesOfItem(atPath: path)[.size] as? Int ?? 0
            }
            let before = try walSize()
            try replica.write { transaction in
                _ = try transaction.insert(Visit(id: transaction.newRecordID(), communityID: "c01", adviserID: "a001",
                                                 date: "2026-11-26", hours: 2, note: "走访"))
            }
            return try walSize() - before
        }
        // Each side's second visit, so neither pays for its first (the scope's rows, the WAL's header).
        _ = try walBytesOfOneVisit(device.replica)
        let onDevice = try walBytesOfOneVisit(device.replica)
        let atSixteen = try Replica.create(at: district.directory.file("sixteen.sqlite"), id: .random(), author: "a001",
                                           schema: .legalAdvice, configuration: district.configuration)
        #expect(try atSixteen.pageBytes() == 16_384)
        _ = try walBytesOfOneVisit(atSixteen)
        let atSixteenKiB = try walBytesOfOneVisit(atSixteen)
        // A frame is its page and a 24-byte header: what FieldReplica.pageBytes's doc cites.
        #expect(onDevice % (4_096 + 24) == 0 && atSixteenKiB % (16_384 + 24) == 0)
        #expect(onDevice > 0 && onDevice < atSixteenKiB)
    }

    @Test("a configuration that names a page size makes the file with it, the device's default notwithstanding")
    func namedPageSizeWins() throws {
        let directory = try TemporaryDirectory(prefix: "fagu-page-size")
        let configuration = ReplicaConfiguration(durability: .none, pageBytes: 8_192)
        let replica = try Replica.create(at: directory.file("eight.sqlite"), id: .random(), author: "a001", schema: .legalAdvice,
                                         configuration: configuration.makingPages(of: FieldReplica.pageBytes))
        #expect(try replica.pageBytes() == 8_192)
        // An existing file keeps its size, whatever a later opening names.
        try replica.close()
        let reopened = try Replica.open(at: directory.file("eight.sqlite"), schema: .legalAdvice,
                                        configuration: ReplicaConfiguration(durability: .none, pageBytes: 65_536))
        #expect(try reopened.pageBytes() == 8_192)
    }

    @Test("the smallest and largest page sizes SQLite takes make files of that size", arguments: [512, 65_536])
    func boundaryPageSizes(pageBytes: Int) throws {
        let directory = try TemporaryDirectory(prefix: "fagu-page-size")
        let replica = try Replica.create(at: directory.file("edge.sqlite"), id: .random(), author: "a001", schema: .legalAdvice,
                                         configuration: ReplicaConfiguration(durability: .none, pageBytes: pageBytes))
        #expect(try replica.pageBytes() == pageBytes)
    }

    @Test("a page size SQLite does not take is refused with the rule, and no file is made", arguments: [0, 1_000, 256, 131_072, -4_096])
    func badPageSizeIsRefused(pageBytes: Int) throws {
        let directory = try TemporaryDirectory(prefix: "fagu-page-size")
        let path = directory.file("bad.sqlite")
        let error = try #require(throws: ReplicaError.self) {
            try Replica.create(at: path, id: .random(), author: "a001", schema: .legalAdvice,
                               configuration: ReplicaConfiguration(durability: .none, pageBytes: pageBytes))
        }
        #expect(error.code == .invalidValue)
        #expect(error.message.contains("power of two from 512 to 65,536"))
        #expect(!FileManager.default.fileExists(atPath: path))
    }
}
