/// Chinese text of realistic shape for work-log summaries, notes and titles.
public enum SampleText {
    static let phrases = [
        "居民咨询房屋租赁合同纠纷", "邻里因噪音问题发生争执", "村民询问土地承包经营权流转",
        "协助审查村规民约修订稿", "就物业管理费用问题提供法律意见", "婚姻家庭继承问题解答",
        "劳动合同解除及经济补偿咨询", "参与人民调解委员会调解", "讲解民法典相关规定",
        "指导申请法律援助材料", "对重大项目合同进行合法性审查", "居委会换届选举法律问题",
        "拆迁安置补偿争议", "交通事故损害赔偿咨询", "老年人赡养纠纷调处",
        "建议当事人通过诉讼途径解决", "已告知相关时效与举证责任", "双方当事人达成和解协议",
    ]

    /// Text of about `characters` Chinese characters (at least one phrase).
    public static func text<G: RandomNumberGenerator>(characters: Int, using generator: inout G) -> String {
        var result = ""
        while result.count < characters {
            if !result.isEmpty { result += "，" }
            result += phrases.randomElement(using: &generator)!
        }
        return result + "。"
    }
}
