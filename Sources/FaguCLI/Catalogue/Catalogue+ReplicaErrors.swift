import FaguStore

extension Catalogue {
    /// What each ``ReplicaError`` code means, for a person: a replica refused an operation.
    public enum ReplicaErrors {
        /// `record_not_found`.
        public static let recordNotFound = Localized(zh: "找不到该记录", en: "the record does not exist")
        /// `record_exists`.
        public static let recordExists = Localized(zh: "该记录已存在", en: "the record already exists")
        /// `unknown_kind`.
        public static let unknownKind = Localized(zh: "本副本的架构中没有这种记录类型", en: "the replica's schema has no such kind")
        /// `unknown_field`.
        public static let unknownField = Localized(zh: "该类型没有这个字段", en: "the kind has no such field")
        /// `invalid_value`.
        public static let invalidValue = Localized(zh: "字段值与字段类型不符", en: "the value does not fit the field")
        /// `missing_field`.
        public static let missingField = Localized(zh: "缺少必填字段", en: "a required field is missing")
        /// `immutable_field`.
        public static let immutableField = Localized(zh: "该字段写入后不能修改", en: "the field cannot change once written")
        /// `scope_mismatch`.
        public static let scopeMismatch = Localized(zh: "变更所属的社区与记录不符", en: "the change's scope is not the record's")
        /// `not_owner`.
        public static let notOwner = Localized(zh: "工作记录只能由创建它的设备修改", en: "only the device that logged the work may change it")
        /// `value_too_long`.
        public static let valueTooLong = Localized(zh: "文字超出字段的长度上限", en: "the text is longer than the field holds")
        /// `malformed_group`.
        public static let malformedGroup = Localized(zh: "收到的变更组格式有误", en: "a received group is malformed")
        /// `missing_creation`.
        public static let missingCreation = Localized(zh: "变更所改的记录不在本副本中", en: "the change is to a record not held here")
        /// `replica_forked`.
        public static let replicaForked = Localized(zh: "副本身份被另一份拷贝使用（副本冲突）",
                                                    en: "two copies of one replica identity are writing")
        /// `incompatible_replica`.
        public static let incompatibleReplica = Localized(zh: "不是法顾副本，或由更新版本的法顾写入",
                                                          en: "not a Fagu replica, or one written by a newer Fagu")
        /// `corrupt`.
        public static let corrupt = Localized(zh: "存储的数据已损坏，无法读取", en: "stored data could not be read")
        /// `device_refused`.
        public static let deviceRefused = Localized(zh: "设备未在此登记，或已被吊销", en: "the device is not enrolled here, or was revoked")
        /// `key_conflict`.
        public static let keyConflict = Localized(zh: "该设备已先登记了另一把密钥", en: "another key was registered for the device first")

        /// What `code` means.
        public static func summary(of code: ReplicaError.Code) -> Localized {
            switch code {
            case .recordNotFound: recordNotFound
            case .recordExists: recordExists
            case .unknownKind: unknownKind
            case .unknownField: unknownField
            case .invalidValue: invalidValue
            case .missingField: missingField
            case .immutableField: immutableField
            case .scopeMismatch: scopeMismatch
            case .notOwner: notOwner
            case .valueTooLong: valueTooLong
            case .malformedGroup: malformedGroup
            case .missingCreation: missingCreation
            case .replicaForked: replicaForked
            case .incompatibleReplica: incompatibleReplica
            case .corrupt: corrupt
            case .deviceRefused: deviceRefused
            case .keyConflict: keyConflict
            }
        }

        /// `error` for a person: in Chinese what its code means, with the replica's sentence
        /// (which names the record and field) as detail; in English the replica's sentence.
        public static func text(for error: ReplicaError) -> Localized {
            Catalogue.coreError(summary(of: error.code), detail: error.message)
        }
    }
}
