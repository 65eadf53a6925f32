import FaguDomain

/// Everything the hub accepted that reports read, as typed records: the roster and the
/// work log. Reports are pure functions of this and a period.
public struct DistrictRecords: Sendable {
    /// 居村（社区）.
    public var communities: [Community]
    /// 法律顾问.
    public var advisers: [Adviser]
    /// 聘用合同.
    public var appointments: [Appointment]
    /// Visits on site.
    public var visits: [Visit]
    /// 法治讲座.
    public var lectures: [Lecture]
    /// 法律咨询, with the days their answers were written.
    public var consultations: [ConsultationEntry]
    /// 纠纷调解.
    public var mediations: [Mediation]
    /// 法律援助.
    public var legalAid: [LegalAidReferral]
    /// 依法治理.
    public var governance: [GovernanceItem]
    /// 法律服务委托.
    public var commissions: [Commission]
    /// 事项报告, with their delays.
    public var incidents: [IncidentEntry]

    /// Records from their parts; every kind of work defaults to none.
    public init(communities: [Community], advisers: [Adviser], appointments: [Appointment], visits: [Visit] = [],
                lectures: [Lecture] = [], consultations: [ConsultationEntry] = [], mediations: [Mediation] = [],
                legalAid: [LegalAidReferral] = [], governance: [GovernanceItem] = [], commissions: [Commission] = [],
                incidents: [IncidentEntry] = []) {
        self.communities = communities
        self.advisers = advisers
        self.appointments = appointments
        self.visits = visits
        self.lectures = lectures
        self.consultations = consultations
        self.mediations = mediations
        self.legalAid = legalAid
        self.governance = governance
        self.commissions = commissions
        self.incidents = incidents
    }
}
