import FaguDomain
import Foundation
import FaguModel

/// A consultation as the hub holds it, with the Shanghai day its answer was written (R5
/// needs it, and the record keeps only the answer's text).
public struct ConsultationEntry: Hashable, Sendable {
    /// The consultation.
    public var consultation: Consultation
    /// The Shanghai day the displayed answer was written, when there is an answer.
    public var answeredOn: String?

    /// An entry whose answer was written on `answeredOn` (`YYYY-MM-DD`).
    public init(_ consultation: Consultation, answeredOn: String?) {
        self.consultation = consultation
        self.answeredOn = Self.hasAnswer(consultation) ? answeredOn : nil
    }

    /// An entry whose answer was written at `answerWrittenAt`, read as a Shanghai day: a
    /// device in another time zone does not move it.
    public init(_ consultation: Consultation, answerWrittenAt: Timestamp?) {
        self.init(consultation, answeredOn: answerWrittenAt?.shanghaiDay)
    }

    private static func hasAnswer(_ consultation: Consultation) -> Bool {
        !(consultation.answer ?? "").trimmingCharacters(in: .whitespacesAndNewlines).isEmpty
    }
}
