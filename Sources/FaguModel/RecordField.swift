/// One field of a typed record, declared once: its ``FieldSpec`` and the property it lives
/// in. A typed record's list of them is the only place its fields are named: the kind's
/// field list, the record's stored values and its decoding all come from it.
///
/// ```swift
/// static let recordFields: [RecordField<Well>] = [
///     .text("village", \.village, .reference, immutable: true),
///     .real("depth_m", \.depth),
///     .optionalText("note", \.note),
/// ]
/// ```
public struct RecordField<Record>: Sendable {
    /// The field's declaration.
    public let spec: FieldSpec
    let encode: @Sendable (Record) -> FieldValue?
    let decode: @Sendable (inout Record, FieldReader) throws(RecordDecodingError) -> Void

    init(_ spec: FieldSpec, encode: @escaping @Sendable (Record) -> FieldValue?,
         decode: @escaping @Sendable (inout Record, FieldReader) throws(RecordDecodingError) -> Void) {
        self.spec = spec
        self.encode = encode
        self.decode = decode
    }

    /// A required text field (`type` may be `.reference` or `.date`).
    public static func text(_ name: String, _ path: WritableKeyPath<Record, String> & Sendable, _ type: FieldType = .text,
                            immutable: Bool = false) -> RecordField {
        RecordField(FieldSpec(name, type, required: true, immutable: immutable), encode: { .text($0[keyPath: path]) },
                    decode: { record, read throws(RecordDecodingError) in record[keyPath: path] = try read.text(name) })
    }

    /// An optional text field.
    public static func optionalText(_ name: String, _ path: WritableKeyPath<Record, String?> & Sendable,
                                    _ type: FieldType = .text, immutable: Bool = false) -> RecordField {
        RecordField(FieldSpec(name, type, immutable: immutable), encode: { $0[keyPath: path].map(FieldValue.text) },
                    decode: { record, read throws(RecordDecodingError) in record[keyPath: path] = try read.optionalText(name) })
    }

    /// A required number.
    public static func real(_ name: String, _ path: WritableKeyPath<Record, Double> & Sendable) -> RecordField {
        RecordField(FieldSpec(name, .real, required: true), encode: { .real($0[keyPath: path]) },
                    decode: { record, read throws(RecordDecodingError) in record[keyPath: path] = try read.real(name) })
    }

    /// A required integer.
    public static func integer(_ name: String, _ path: WritableKeyPath<Record, Int64> & Sendable) -> RecordField {
        RecordField(FieldSpec(name, .integer, required: true), encode: { .integer($0[keyPath: path]) },
                    decode: { record, read throws(RecordDecodingError) in record[keyPath: path] = try read.integer(name) })
    }

    /// An optional integer.
    public static func optionalInteger(_ name: String, _ path: WritableKeyPath<Record, Int64?> & Sendable) -> RecordField {
        RecordField(FieldSpec(name, .integer), encode: { $0[keyPath: path].map(FieldValue.integer) },
                    decode: { record, read throws(RecordDecodingError) in record[keyPath: path] = try read.optionalInteger(name) })
    }

    /// A yes/no flag, stored only when set.
    public static func flag(_ name: String, _ path: WritableKeyPath<Record, Bool> & Sendable) -> RecordField {
        RecordField(FieldSpec(name, .boolean), encode: { $0[keyPath: path] ? .integer(1) : nil },
                    decode: { record, read throws(RecordDecodingError) in record[keyPath: path] = try read.flag(name) })
    }

    /// A required choice among the raw values of `Choice`.
    public static func choice<Choice: RawRepresentable & CaseIterable & Sendable>(
        _ name: String, _ path: WritableKeyPath<Record, Choice> & Sendable
    ) -> RecordField where Choice.RawValue == String {
        RecordField(FieldSpec(name, .choice(Choice.allCases.map(\.rawValue)), required: true),
                    encode: { .text($0[keyPath: path].rawValue) },
                    decode: { record, read throws(RecordDecodingError) in record[keyPath: path] = try read.choice(name, as: Choice.self) })
    }

    /// An optional choice among the raw values of `Choice`.
    public static func optionalChoice<Choice: RawRepresentable & CaseIterable & Sendable>(
        _ name: String, _ path: WritableKeyPath<Record, Choice?> & Sendable
    ) -> RecordField where Choice.RawValue == String {
        RecordField(FieldSpec(name, .choice(Choice.allCases.map(\.rawValue))),
                    encode: { $0[keyPath: path].map { .text($0.rawValue) } },
                    decode: { record, read throws(RecordDecodingError) in
                        record[keyPath: path] = try read.optionalChoice(name, as: Choice.self)
                    })
    }
}
