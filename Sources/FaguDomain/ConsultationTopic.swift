import Foundation

/// The fixed categories of consultations and disputes (CLI.md), by code and Chinese name.
public enum ConsultationTopic {
    /// Code and Chinese name, in the contract's order.
    public static let all: [(code: String, name: String)] = [
        ("marriage_family", "婚姻家庭"), ("neighbour", "邻里纠纷"), ("property_mgmt", "物业纠纷"), ("labour", "劳动争议"),
        ("land_contract", "土地承包"), ("homestead", "宅基地"), ("housing_demolition", "房屋拆迁安置"), ("inheritance", "继承"),
        ("elder_support", "赡养"), ("debt_contract", "债务合同"), ("consumer", "消费维权"), ("traffic_injury", "交通事故与人身损害"),
        ("other", "其他"),
    ]

    /// The code of `given` (a code or a Chinese name), or nil when it is neither.
    public static func code(of given: String) -> String? {
        let trimmed = given.trimmingCharacters(in: .whitespaces)
        return all.first { $0.code == trimmed.lowercased() || $0.name == trimmed }?.code
    }

    /// The Chinese name of `code`, or `code` itself when it is not a category.
    public static func name(of code: String) -> String { all.first { $0.code == code }?.name ?? code }

    /// Every category as `code 名称`, for messages.
    public static var listed: String { all.map { "\($0.code) \($0.name)" }.joined(separator: ", ") }
}
