import FaguDomain
import FaguModel
import FaguStore
import FaguSync
import Foundation

/// A small district for sync tests: a hub with a roster of three communities and two
/// advisers (a001 serves c01 and c02, a002 serves c03), and devices joined from enrollment
/// files, all in one temp dir.
public final class TestDistrict: Sendable {
    /// The temp dir everything lives in.
    public let directory: TemporaryDirectory
    /// The hub.
    public let hub: Hub
    /// How every replica is opened by default: commits do not wait for the disk.
    public static let configuration = ReplicaConfiguration(durability: .none)
    /// How this district's replicas are opened (its hub and every device joined through it).
    public let configuration: ReplicaConfiguration
    /// The day enrollments are made on.
    public static let today = "2026-11-26"

    /// A new district in a new temp dir; replies carry at most `pageLimit` groups.
    ///
    /// - Parameters:
    ///   - clock: The clock of the hub and every device (the system's by default).
    ///   - hubSchema: The hub's record kinds (a grown or an older schema, for tests of versions).
    public init(pageLimit: Int = 2_000, prefix: String = "fagu-district", clock: (any WallClock)? = nil,
                hubSchema: Schema = .legalAdvice) throws {
        directory = try TemporaryDirectory(prefix: prefix)
        var configuration = TestDistrict.configuration
        if let clock { configuration.clock = clock }
        self.configuration = configuration
        _ = try Hub.create(home: directory.file("hub"), district: "浦东新区", configuration: configuration, schema: hubSchema)
        hub = try Hub.open(home: directory.file("hub"), configuration: configuration, pageLimit: pageLimit, schema: hubSchema)
        _ = try hub.writeRoster(
            communities: [
                Community(id: .code("c01"), name: "川沙新镇城南村", kind: .village, judicialOffice: "川沙司法所"),
                Community(id: .code("c02"), name: "花木街道牡丹第一居委会", kind: .residential, judicialOffice: "花木司法所"),
                Community(id: .code("c03"), name: "祝桥镇新如村", kind: .village, judicialOffice: "祝桥司法所"),
            ],
            advisers: [
                Adviser(id: .code("a001"), name: "王丽华", kind: .lawyer, organization: "上海浦江律师事务所",
                        phone: "13800000001", practiceSince: 2012, education: .master),
                Adviser(id: .code("a002"), name: "陈建国", kind: .legalWorker, organization: "祝桥法律服务所",
                        phone: "13800000002", practiceSince: 2015, education: .college),
            ],
            appointments: [
                Appointment(id: .code("a001@c01@2026-01-01"), adviserID: "a001", communityID: "c01", start: "2026-01-01"),
                Appointment(id: .code("a001@c02@2026-01-01"), adviserID: "a001", communityID: "c02", start: "2026-01-01"),
                Appointment(id: .code("a002@c03@2026-01-01"), adviserID: "a002", communityID: "c03", start: "2026-01-01"),
            ])
    }

    /// Enrolls and joins a device in `directory/name`.
    ///
    /// - Parameter schema: The device's record kinds (a grown or an older schema, for tests of versions).
    public func join(_ role: DeviceRole, _ subject: String, as name: String, schema: Schema = .legalAdvice) throws -> FieldReplica {
        try enroll(role, subject, as: name, schema: schema).device
    }

    /// Enrolls and joins a device; returns it with its enrollment file's content.
    public func enroll(_ role: DeviceRole, _ subject: String, as name: String,
                       schema: Schema = .legalAdvice) throws -> (device: FieldReplica, enrollment: Enrollment) {
        let enrollment = try hub.enroll(role, subject: subject, hubURL: "http://127.0.0.1:0",
                                        today: configuration.clock.now().shanghaiDay)
        let device = try FieldReplica.join(home: directory.file(name), enrollment: enrollment, configuration: configuration,
                                           schema: schema)
        return (device, enrollment)
    }

    /// The hub's digest of the scopes `device` holds.
    public func hubDigest(for device: FieldReplica) throws -> String {
        try hub.replica.digest(scopes: device.scopes)
    }

    /// What a refused or cut request must leave alone: the hub's digest of every scope, its
    /// held-back groups and its devices.
    public func hubState() throws -> HubState {
        HubState(digest: try hub.replica.digest(scopes: hub.replica.scopes()), heldBack: try hub.replica.heldBackCount(),
                 devices: try hub.replica.devices())
    }
}
