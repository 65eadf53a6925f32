import Crypto
import FaguDomain
import FaguModel
import FaguTesting
@testable import FaguWire
import Foundation

/// The protocol's test vectors, built deterministically: fixed ids, times and contents, so
/// regenerating them (`tools/generate-vectors`) gives the same bytes.
enum WireVectors {
    static let hub = ReplicaID("0190c5a2-0000-7000-8000-0000000000ff")!
    static let adviser = ReplicaID("0190c5a2-0000-7000-8000-000000000017")!
    static let office = ReplicaID("0190c5a2-0000-7000-8000-0000000000c1")!
    static let c01 = ScopeID.community("c01")
    static let caseID = RecordID("0190c5a2-1111-7000-8000-000000000001")!
    static let visitID = RecordID("0190c5a2-2222-7000-8000-000000000002")!
    static let time: Int64 = 1_795_000_000_000

    /// What a vector file must produce.
    struct Expectation: Codable {
        /// The error code a reader must refuse the file with.
        var error: String?
        /// The decoded content of a valid file.
        var decoded: ChangeSetDescription?
        /// For a valid file applied to an empty replica: groups held back, and the first missing dots.
        var heldBackOnEmptyReplica: Int?
        var missingOnEmptyReplica: [String]?
        /// For a signed file: the signer's Ed25519 public key (hex). A reader that checks
        /// signatures verifies it before decoding the body.
        var signerPublicKey: String?
        /// For a sealed file: the X25519 private key (hex) to open it with. Sealing is
        /// randomized, so a reader checks a sealed vector by opening it, not by its bytes.
        var recipientPrivateKey: String?
    }

    /// The device key sealed vectors are opened with, and another device's.
    static var recipientKey: Curve25519.KeyAgreement.PrivateKey { try! .init(rawRepresentation: (33...64).map { UInt8($0) }) }
    static var otherRecipientKey: Curve25519.KeyAgreement.PrivateKey { try! .init(rawRepresentation: (65...96).map { UInt8($0) }) }
    /// The hub key sealed replies are signed with.
    static var hubKey: Curve25519.Signing.PrivateKey { try! Curve25519.Signing.PrivateKey(rawRepresentation: (97...128).map { UInt8($0) }) }

    static func hex(_ bytes: some DataProtocol) -> String { bytes.map { String(format: "%02x", $0) }.joined() }

    /// A hub's reply sealed to the device: the office's status change, its time clamped by
    /// the hub, and a retimed entry for one of the device's own groups; unsigned when told.
    static func sealedReply(signed: Bool = true, createdAt: Int64 = time + 60_000, version: ChangeSetVersion = .v2) throws -> [UInt8] {
        var header = header(sender: hub, vectors: ScopeVectors([c01: VersionVector([adviser: 11, office: 1])]))
        header.createdAt = Timestamp(milliseconds: createdAt)
        header.retimed = [RetimedGroup(scope: c01, counter: 11, time: Timestamp(milliseconds: time + 2_500))]
        var byOffice = smallGroups[2]
        byOffice.clampedTime = Timestamp(milliseconds: time + 1_500)
        let sealed = try ChangeSetSealing.seal(ChangeSetEncoder.encode(header: header, groups: [byOffice], version: version),
                                               to: recipientKey.publicKey)
        return signed ? try ChangeSetSignature.sign(sealed, with: hubKey) : sealed
    }

    /// The sealed body of one reply under the header of another (written a minute later).
    static func sealedHeaderSwapped() throws -> [UInt8] {
        // (2.0 and 3.0 seal alike; one layout shows it.)
        let original = try sealedReply(signed: false)
        let other = try sealedReply(signed: false, createdAt: time + 120_000)
        let originalStart = ChangeSetFormat.prefixBytes + Int(bigEndian: original, at: 8, bytes: 4)
        let otherStart = ChangeSetFormat.prefixBytes + Int(bigEndian: other, at: 8, bytes: 4)
        return Array(other[0..<otherStart]) + Array(original[originalStart...])
    }

    /// The device key the signed vectors use: a fixed 32-byte seed, so signatures are stable
    /// (Ed25519 signing is deterministic).
    static var deviceKey: Curve25519.Signing.PrivateKey { try! Curve25519.Signing.PrivateKey(rawRepresentation: (1...32).map { UInt8($0) }) }

    static var deviceKeyHex: String { deviceKey.publicKey.rawRepresentation.map { String(format: "%02x", $0) }.joined() }

    /// The first file of a newly enrolled device: its public key and one-time token in the
    /// header, signed with its key.
    static func signedEnrollment(version: ChangeSetVersion = .v2) throws -> [UInt8] {
        var header = header(vectors: ScopeVectors([c01: VersionVector([adviser: 11])]))
        header.publicKey = Array(deviceKey.publicKey.rawRepresentation)
        header.enrollmentToken = "t-0190c5a2-example"
        let groups = smallGroups.filter { $0.origin == adviser }
        return try ChangeSetSignature.sign(ChangeSetEncoder.encode(header: header, groups: groups, version: version), with: deviceKey)
    }

    static func header(sender: ReplicaID = adviser, vectors: ScopeVectors) -> ChangeSetHeader {
        ChangeSetHeader(sender: sender, district: "浦东新区", scopes: [c01], vectors: vectors, schemaVersion: 1,
                        createdAt: Timestamp(milliseconds: time + 60_000))
    }

    /// Groups of a small, realistic exchange: a visit and a case by the adviser, a status
    /// change by the community office that saw it, and a concurrent one by the adviser.
    static var smallGroups: [ChangeGroup] {
        let visit = ChangeGroup(origin: adviser, scope: c01, kind: .visit, record: visitID, firstCounter: 1,
                                time: Timestamp(milliseconds: time), author: "a017", fields: [
            FieldChange(field: "community_id", value: .text("c01")),
            FieldChange(field: "adviser_id", value: .text("a017")),
            FieldChange(field: "date", value: .text("2026-11-26")),
            FieldChange(field: "hours", value: .real(6.5)),
            FieldChange(field: "note", value: .text("走访村委会，解答土地承包经营权流转咨询三起，协助审查村规民约修订稿。")),
        ])
        let opened = ChangeGroup(origin: adviser, scope: c01, kind: .legalCase, record: caseID, firstCounter: 6,
                                 time: Timestamp(milliseconds: time + 1_000), author: "a017", fields: [
            FieldChange(field: "community_id", value: .text("c01")),
            FieldChange(field: "adviser_id", value: .text("a017")),
            FieldChange(field: "date", value: .text("2026-11-26")),
            FieldChange(field: "title", value: .text("宅基地相邻权纠纷")),
            FieldChange(field: "status", value: .text("open")),
        ])
        let status = Dot(origin: adviser, counter: 10)
        let byOffice = ChangeGroup(origin: office, scope: c01, kind: .legalCase, record: caseID, firstCounter: 1,
                                   time: Timestamp(milliseconds: time + 2_000), author: "office:c01", fields: [
            FieldChange(field: "status", value: .text("mediated"), context: [status]),
        ])
        let byAdviser = ChangeGroup(origin: adviser, scope: c01, kind: .legalCase, record: caseID, firstCounter: 11,
                                    time: Timestamp(milliseconds: time + 3_000), author: "a017", fields: [
            FieldChange(field: "status", value: .text("referred"), context: [status]),
        ])
        return [visit, opened, byOffice, byAdviser]
    }

    static func small(version: ChangeSetVersion = .v2) throws -> [UInt8] {
        try ChangeSetEncoder.encode(header: header(sender: hub, vectors: ScopeVectors([c01: VersionVector([adviser: 11, office: 1])])),
                                    groups: smallGroups, version: version)
    }

    /// A file whose only group depends on a change that is in neither the file nor an empty replica.
    static func missingDependency(version: ChangeSetVersion = .v2) throws -> [UInt8] {
        let group = ChangeGroup(origin: office, scope: c01, kind: .legalCase, record: caseID, firstCounter: 1,
                                time: Timestamp(milliseconds: time), author: "office:c01", fields: [
            FieldChange(field: "status", value: .text("closed"), context: [Dot(origin: adviser, counter: 10)]),
        ])
        return try ChangeSetEncoder.encode(header: header(sender: office, vectors: ScopeVectors([c01: VersionVector([office: 1])])),
                                           groups: [group], version: version)
    }

    /// A hub's reply to the adviser: chain heads in the header; the office's groups 2 and 3
    /// (2 names its previous hash, 3 leaves it to the reader); and the adviser's own groups
    /// 12…13, set aside with a code, a reason and their chain hash, values gone.
    static func chainAndSetAside(version: ChangeSetVersion = .v2) throws -> [UInt8] {
        let office1 = smallGroups[2]
        let note = ChangeGroup(origin: office, scope: c01, kind: .caseNote, record: RecordID("0190c5a2-3333-7000-8000-000000000003")!,
                               firstCounter: 2, time: Timestamp(milliseconds: time + 4_000), author: "office:c01", fields: [
            FieldChange(field: "community_id", value: .text("c01")),
            FieldChange(field: "adviser_id", value: .text("a017")),
            FieldChange(field: "date", value: .text("2026-11-27")),
            FieldChange(field: "case_id", value: .text(caseID.description)),
            FieldChange(field: "note", value: .text("双方同意再次调解")),
        ], previousHash: office1.chainHash)
        let closed = ChangeGroup(origin: office, scope: c01, kind: .legalCase, record: caseID, firstCounter: 7,
                                 time: Timestamp(milliseconds: time + 5_000), author: "office:c01", fields: [
            FieldChange(field: "status", value: .text("closed"), context: [Dot(origin: adviser, counter: 11), Dot(origin: office, counter: 1)]),
        ], previousHash: note.chainHash)
        let late = ChangeGroup(origin: adviser, scope: c01, kind: .visit, record: RecordID("0190c5a2-4444-7000-8000-000000000004")!,
                               firstCounter: 12, time: Timestamp(milliseconds: time + 6_000), author: "a017", fields: [
            FieldChange(field: "community_id", value: .text("c01")),
            FieldChange(field: "adviser_id", value: .text("a017")),
            FieldChange(field: "date", value: .text("2026-12-01")),
            FieldChange(field: "hours", value: .real(2)),
        ], previousHash: smallGroups[3].chainHash)
            .settingAside(code: "after_appointment", reason: "work dated 2026-12-01 in c01 is after a017's appointment there ended on 2026-11-30")
        var header = header(sender: hub, vectors: ScopeVectors([c01: VersionVector([adviser: 15, office: 7])]))
        header.heads = [c01: ChangeSetHeader.ChainHead(counter: 15, hash: late.chainHash)]
        return try ChangeSetEncoder.encode(header: header, groups: [note, closed, late], version: version)
    }

    /// A group at counter 5 that names no previous hash, with no group before it in the file.
    static func missingPreviousHash(version: ChangeSetVersion = .v2) throws -> [UInt8] {
        let group = ChangeGroup(origin: office, scope: c01, kind: .legalCase, record: caseID, firstCounter: 5,
                                time: Timestamp(milliseconds: time), author: "office:c01", fields: [
            FieldChange(field: "status", value: .text("closed")),
        ])
        return try ChangeSetEncoder.encode(header: header(sender: office, vectors: ScopeVectors([c01: VersionVector([office: 5])])),
                                           groups: [group], version: version)
    }

    static func empty(version: ChangeSetVersion = .v2) throws -> [UInt8] {
        try ChangeSetEncoder.encode(header: header(vectors: ScopeVectors([c01: VersionVector([adviser: 11])])), groups: [],
                                    version: version)
    }

    /// A frame around arbitrary header and body bytes, with honest lengths and checksum
    /// unless told otherwise.
    static func frame(header: [UInt8], body: [UInt8], compressed: [UInt8]? = nil, declaredBody: Int? = nil,
                      major: UInt8 = ChangeSetVersion.v2.major) throws -> [UInt8] {
        let compressed = try compressed ?? Zlib.compress(body)
        var file = ChangeSetFormat.magic + [major, 0, 0, 1]
        file += bigEndian(UInt32(header.count))
        file += header
        file += bigEndian(UInt32(compressed.count))
        file += bigEndian(UInt32(declaredBody ?? body.count))
        var hash = SHA256()
        hash.update(data: header)
        hash.update(data: body)
        file += hash.finalize()
        file += compressed
        return file
    }

    static func bigEndian(_ value: UInt32) -> [UInt8] {
        [UInt8(value >> 24), UInt8(truncatingIfNeeded: value >> 16), UInt8(truncatingIfNeeded: value >> 8), UInt8(truncatingIfNeeded: value)]
    }

    static func headerBytes(changeCount: UInt64 = 0, groupCount: UInt32 = 0) throws -> [UInt8] {
        var header = Fagu_V1_Header()
        header.sender = Data(adviser.bytes)
        header.district = "浦东新区"
        header.scopes = ["c01"]
        header.schemaVersion = 1
        header.createdAtMs = time
        header.changeCount = changeCount
        header.groupCount = groupCount
        return try header.serializedBytes()
    }

    /// A body of zeros inflating to `inflatedBytes`, declared as `declaredBytes`.
    static func lyingBomb(inflatedBytes: Int, declaredBytes: Int) throws -> [UInt8] {
        let zeros = [UInt8](repeating: 0, count: inflatedBytes)
        return try frame(header: headerBytes(), body: zeros, compressed: Zlib.compress(zeros, level: 9), declaredBody: declaredBytes)
    }

    /// Every vector: file name stem, bytes, and what it must produce.
    static func all() throws -> [(name: String, file: [UInt8], expectation: Expectation)] {
        let small = try small()
        var vectors: [(String, [UInt8], Expectation)] = []
        func valid(_ name: String, _ file: [UInt8], _ heldBack: Int = 0, _ missing: [String] = []) throws {
            let decoded = ChangeSetDescription(try ChangeSetDecoder().decode(file))
            vectors.append((name, file, Expectation(decoded: decoded, heldBackOnEmptyReplica: heldBack,
                                                     missingOnEmptyReplica: missing)))
        }
        func invalid(_ name: String, _ file: [UInt8], _ code: WireError.Code, _ signer: String? = nil) {
            vectors.append((name, file, Expectation(error: code.rawValue, signerPublicKey: signer)))
        }
        let sealed = try sealedReply()
        let opened = ChangeSetDescription(try ChangeSetDecoder().decode(sealed, key: recipientKey))
        vectors.append(("valid-sealed-reply", sealed, Expectation(decoded: opened, heldBackOnEmptyReplica: 1,
                                                                  missingOnEmptyReplica: ["\(adviser):10"],
                                                                  signerPublicKey: hex(hubKey.publicKey.rawRepresentation),
                                                                  recipientPrivateKey: hex(recipientKey.rawRepresentation))))
        vectors.append(("invalid-sealed-no-key", sealed, Expectation(error: WireError.Code.keyRequired.rawValue)))
        vectors.append(("invalid-sealed-wrong-key", sealed, Expectation(
            error: WireError.Code.cannotDecrypt.rawValue, recipientPrivateKey: hex(otherRecipientKey.rawRepresentation))))
        var altered = try sealedReply(signed: false)
        altered[altered.count - 20] ^= 0x01
        vectors.append(("invalid-sealed-altered", altered, Expectation(
            error: WireError.Code.cannotDecrypt.rawValue, recipientPrivateKey: hex(recipientKey.rawRepresentation))))
        vectors.append(("invalid-sealed-header-swapped", try sealedHeaderSwapped(), Expectation(
            error: WireError.Code.cannotDecrypt.rawValue, recipientPrivateKey: hex(recipientKey.rawRepresentation))))
        let signed = try signedEnrollment()
        let decodedSigned = ChangeSetDescription(try ChangeSetDecoder().decode(signed))
        vectors.append(("valid-signed-enrollment", signed, Expectation(decoded: decodedSigned, heldBackOnEmptyReplica: 0,
                                                                       missingOnEmptyReplica: [], signerPublicKey: deviceKeyHex)))
        var forged = signed
        forged[forged.count - 1] ^= 0x01
        invalid("invalid-bad-signature", forged, .badSignature, deviceKeyHex)
        invalid("invalid-signature-truncated", Array(signed.dropLast(10)), .truncated)
        try valid("valid-small", small, 0)
        try valid("valid-empty", try empty())
        try valid("valid-missing-dependency", try missingDependency(), 1, ["\(adviser):10"])
        try valid("valid-chain-and-set-aside", try chainAndSetAside(), 3,
                  ["\(adviser):1", "\(office):1", "\(adviser):11", "\(office):1"])
        invalid("invalid-missing-previous-hash", try missingPreviousHash(), .malformed)
        invalid("invalid-truncated", Array(small[0..<(small.count / 2)]), .truncated)
        var magic = small
        magic[3] = UInt8(ascii: "X")
        invalid("invalid-bad-magic", magic, .badMagic)
        var checksum = small
        let headerCount = Int(bigEndian: small, at: 8, bytes: 4)
        checksum[12 + headerCount + 8] ^= 0x01
        invalid("invalid-bad-checksum", checksum, .badChecksum)
        var major = small
        major[4] = 9
        invalid("invalid-unknown-major", major, .unsupportedVersion)
        var oversized = Array(small[0..<12])
        oversized.replaceSubrange(8..<12, with: bigEndian(2 << 20))
        invalid("invalid-oversized-header", oversized + [UInt8](repeating: 0, count: 64), .tooLarge)
        let zeros = [UInt8](repeating: 0, count: 1 << 20)
        invalid("invalid-bomb-declared", try frame(header: headerBytes(), body: [], compressed: Zlib.compress(zeros, level: 9),
                                                   declaredBody: 200 << 20), .tooLarge)
        invalid("invalid-bomb-lying", try lyingBomb(inflatedBytes: 1 << 20, declaredBytes: 1_000), .tooLarge)
        invalid("invalid-too-many-changes", try frame(header: headerBytes(changeCount: 3_000_000), body: []), .tooManyChanges)
        var body = Fagu_V1_Body()
        body.replicas = [Data(adviser.bytes)]
        body.scopes = ["c01"]
        body.fields = ["status"]
        body.authors = ["a017"]
        body.recordCodes = ["k1"]
        var group = Fagu_V1_Group()
        group.kind = UInt32(RecordKind.legalCase.storageCode)
        group.record = 0
        group.firstCounter = 1
        var change = Fagu_V1_Change()
        change.field = 99
        change.text = "closed"
        group.changes = [change]
        body.groups = [group]
        invalid("invalid-bad-index", try frame(header: headerBytes(changeCount: 1, groupCount: 1), body: body.serializedBytes()),
                .malformed)
        invalid("invalid-trailing-bytes", small + [0, 0, 0, 0], .malformed)
        try columnVectors(valid: valid, invalid: invalid)
        try chunkVectors(valid: valid, invalid: invalid)
        let sealedColumns = try sealedReply(version: .v3)
        vectors.append(("valid-sealed-reply-v3", sealedColumns, Expectation(
            decoded: ChangeSetDescription(try ChangeSetDecoder().decode(sealedColumns, key: recipientKey)), heldBackOnEmptyReplica: 1,
            missingOnEmptyReplica: ["\(adviser):10"], signerPublicKey: hex(hubKey.publicKey.rawRepresentation),
            recipientPrivateKey: hex(recipientKey.rawRepresentation))))
        let signedColumns = try signedEnrollment(version: .v3)
        vectors.append(("valid-signed-enrollment-v3", signedColumns, Expectation(
            decoded: ChangeSetDescription(try ChangeSetDecoder().decode(signedColumns)), heldBackOnEmptyReplica: 0,
            missingOnEmptyReplica: [], signerPublicKey: deviceKeyHex)))
        return vectors
    }

    /// The vectors of the 3.0 layout (named `…-v3`): the valid files of 2.0 again, and bodies
    /// whose columns lie — too long, too short, an index past its table, a count past its
    /// column — each refused `malformed` without a large allocation.
    static func columnVectors(valid: (String, [UInt8], Int, [String]) throws -> Void,
                              invalid: (String, [UInt8], WireError.Code, String?) -> Void) throws {
        try valid("valid-small-v3", try small(version: .v3), 0, [])
        try valid("valid-empty-v3", try empty(version: .v3), 0, [])
        try valid("valid-missing-dependency-v3", try missingDependency(version: .v3), 1, ["\(adviser):10"])
        try valid("valid-chain-and-set-aside-v3", try chainAndSetAside(version: .v3), 3,
                  ["\(adviser):1", "\(office):1", "\(adviser):11", "\(office):1"])
        invalid("invalid-missing-previous-hash-v3", try missingPreviousHash(version: .v3), .malformed, nil)
        invalid("invalid-layout-mismatch-v3", try small(version: .v2).replacing(major: 3), .malformed, nil)
        invalid("invalid-column-too-long-v3", try lyingColumns { $0.groupOrigins.append(0) }, .malformed, nil)
        invalid("invalid-column-too-short-v3", try lyingColumns { $0.groupTimeDeltas.removeLast() }, .malformed, nil)
        invalid("invalid-uuid-columns-v3", try lyingColumns { $0.uuidRandoms.removeLast() }, .malformed, nil)
        invalid("invalid-bad-index-v3", try lyingColumns { columns in
            // The last shape (a status change: kind, 1, field, tag) names field 99 of a table of seven.
            columns.shapes = Data(columns.shapes.dropLast(2) + [99, 3])
        }, .malformed, nil)
        invalid("invalid-record-index-v3", try lyingColumns { columns in
            // The last group names record 99 of a table of two.
            columns.groupRecords = Data(columns.groupRecords.dropLast() + [2 + 99])
        }, .malformed, nil)
        invalid("invalid-context-count-v3", try lyingColumns { columns in
            // The first change claims a billion context dots; two bytes hold them.
            var counts: [UInt8] = []
            counts.appendVarint(1_000_000_000)
            columns.contextCounts = Data(counts) + columns.contextCounts.dropFirst()
        }, .malformed, nil)
        invalid("invalid-text-length-v3", try lyingColumns { columns in
            // The visit's community id claims 100 bytes; the column of community ids holds 6.
            columns.textLengths[0] = Data([100] + columns.textLengths[0].dropFirst())
        }, .malformed, nil)
        // A million groups and changes declared (within the limit), four groups' bytes.
        invalid("invalid-group-count-v3", try lyingColumns(groupCount: 1_000_000, changeCount: 1_000_000) { _ in }, .malformed, nil)
        invalid("invalid-shape-table-v3", try lyingColumns { columns in
            // Five shapes for four groups: two more status changes of a case.
            columns.shapes += Data([11, 1, 6, 3, 11, 1, 6, 3])
        }, .malformed, nil)
    }

    /// The vectors of the 4.0 layout (named `…-v4`): the valid files of 2.0 again, the small
    /// file's groups in two chunks, and chunks whose counts or lengths lie, each refused
    /// `malformed` — or `bad_checksum` where the checksum is wrong too, as a reader checks
    /// the whole body first even when it reads the chunks as they are inflated.
    static func chunkVectors(valid: (String, [UInt8], Int, [String]) throws -> Void,
                             invalid: (String, [UInt8], WireError.Code, String?) -> Void) throws {
        try valid("valid-small-v4", try small(version: .v4), 0, [])
        try valid("valid-empty-v4", try empty(version: .v4), 0, [])
        try valid("valid-missing-dependency-v4", try missingDependency(version: .v4), 1, ["\(adviser):10"])
        try valid("valid-chain-and-set-aside-v4", try chainAndSetAside(version: .v4), 3,
                  ["\(adviser):1", "\(office):1", "\(adviser):11", "\(office):1"])
        invalid("invalid-missing-previous-hash-v4", try missingPreviousHash(version: .v4), .malformed, nil)
        // Split as read back, each group with its previous hash: the adviser's last group,
        // which starts the second chunk, names its previous hash there.
        // The small file's header (4 groups, 12 changes) frames each of them.
        let smallFile = try small(version: .v4)
        let read = try ChangeSetDecoder().decode(smallFile)
        let header = Array(smallFile[ChangeSetFormat.prefixBytes..<ChangeSetFormat.prefixBytes + Int(bigEndian: smallFile, at: 8, bytes: 4)])
        func chunk(_ groups: ArraySlice<ChangeGroup>) throws -> Chunk {
            Chunk(groups: UInt64(groups.count), changes: UInt64(groups.reduce(0) { $0 + $1.fields.count }),
                  bytes: try ColumnarBodyEncoder.encode(Array(groups), createdAt: read.header.createdAt))
        }
        let twoChunks = [try chunk(read.groups[0..<2]), try chunk(read.groups[2..<4])]
        try valid("valid-small-chunked-v4", try chunkedFrame(twoChunks, header: header), 0, [])
        invalid("invalid-chunk-counts-v4", try chunkedFrame([twoChunks[0].with(groups: 3), twoChunks[1]], header: header), .malformed, nil)
        invalid("invalid-chunk-over-header-v4", try chunkedFrame([twoChunks[0], twoChunks[1], twoChunks[1]], header: header),
                .malformed, nil)
        invalid("invalid-chunks-short-v4", try chunkedFrame([twoChunks[0]], header: header), .malformed, nil)
        invalid("invalid-chunk-length-v4", try chunkedFrame([twoChunks[0], twoChunks[1].with(length: 1 << 20)], header: header),
                .malformed, nil)
        invalid("invalid-chunk-empty-v4", try chunkedFrame([twoChunks[0], Chunk(groups: 0, changes: 0, bytes: []), twoChunks[1]],
                                                           header: header), .malformed, nil)
        var both = try chunkedFrame([twoChunks[0].with(groups: 3), twoChunks[1]], header: header)
        let headerCount = Int(bigEndian: both, at: 8, bytes: 4)
        both[12 + headerCount + 8] ^= 0x01
        invalid("invalid-bad-checksum-v4", both, .badChecksum, nil)
    }

    /// A 4.0 chunk: its counts, and the `Columns` bytes of its groups.
    struct Chunk {
        var groups: UInt64
        var changes: UInt64
        var length: UInt64?
        var bytes: [UInt8]

        /// This chunk declaring `groups` groups.
        func with(groups: UInt64) -> Chunk { Chunk(groups: groups, changes: changes, length: length, bytes: bytes) }
        /// This chunk declaring `length` bytes.
        func with(length: UInt64) -> Chunk { Chunk(groups: groups, changes: changes, length: length, bytes: bytes) }
    }

    /// A 4.0 file of `chunks` under the `header` bytes.
    static func chunkedFrame(_ chunks: [Chunk], header: [UInt8]) throws -> [UInt8] {
        var body: [UInt8] = []
        for chunk in chunks {
            body.appendVarint(chunk.groups)
            body.appendVarint(chunk.changes)
            body.appendVarint(chunk.length ?? UInt64(chunk.bytes.count))
            body += chunk.bytes
        }
        return try frame(header: header, body: body, major: ChangeSetVersion.v4.major)
    }

    /// The 3.0 body of ``smallGroups`` changed by `lie`, in a frame whose header declares
    /// `groupCount` groups and `changeCount` changes (by default the true 4 and 12).
    static func lyingColumns(groupCount: UInt32 = 4, changeCount: UInt64 = 12,
                             _ lie: (inout Fagu_V1_Columns) -> Void) throws -> [UInt8] {
        var columns = try Fagu_V1_Columns(serializedBytes: ColumnarBodyEncoder.encode(smallGroups, createdAt: Timestamp(milliseconds: time)))
        lie(&columns)
        return try frame(header: headerBytes(changeCount: changeCount, groupCount: groupCount), body: columns.serializedBytes(),
                         major: ChangeSetVersion.v3.major)
    }
}

extension Array where Element == UInt8 {
    /// This file with its frame's major version replaced (nothing covers that byte in an
    /// unsigned file, so it is still read).
    func replacing(major: UInt8) -> [UInt8] {
        var file = self
        file[4] = major
        return file
    }
}
