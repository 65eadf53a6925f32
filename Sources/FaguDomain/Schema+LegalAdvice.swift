import FaguModel

extension Schema {
    /// The legal-advice schema: the roster (communities, advisers, appointments), the seven
    /// duties' logs, incident reports, cases and case notes.
    public static let legalAdvice: Schema = {
        do {
            return try Schema([.community, .adviser, .appointment, .visit, .consultation, .mediation, .legalAid, .governance,
                               .lecture, .commission, .incident, .legalCase, .caseNote],
                              alert: ArrivalAlert(kind: .incident, levelField: "level", summaryField: "summary"))
        } catch {
            // The declarations above are fixed; a bad one is a programming error caught by any test.
            fatalError("the legal-advice schema is invalid: \(error)")
        }
    }()
}
