import FaguCLI

/// The fixed categories of consultations and disputes (CLI.md), by code and Chinese name.
enum ConsultationTopic {
    /// Code and Chinese name, in the contract's order.
    static let all: [(code: String, name: String)] = [
        ("marriage_family", "婚姻家庭"), ("neighbour", "邻里纠纷"), ("property_mgmt", "物业纠纷"), ("labour", "劳动争议"),
        ("land_contract", "土地承包"), ("homestead", "宅基地"), ("housing_demolition", "房屋拆迁安置"), ("inheritance", "继承"),
        ("elder_support", "赡养"), ("debt_contract", "债务合同"), ("consumer", "消费维权"), ("traffic_injury", "交通事故与人身损害"),
        ("other", "其他"),
    ]

    /// The code of `given` (a code or a Chinese name), or a one-line failure listing them.
    static func code(_ given: String, flag: String, _ language: Language) throws -> String {
        let trimmed = given.trimmingCharacters(in: .whitespaces)
        if let found = all.first(where: { $0.code == trimmed.lowercased() || $0.name == trimmed }) { return found.code }
        let list = all.map { "\($0.code) \($0.name)" }.joined(separator: ", ")
        throw CommandFailure(language.text(zh: "\(flag) 须为以下类别之一：\(list)", en: "\(flag) must be one of: \(list)"), exitCode: 2)
    }
}
