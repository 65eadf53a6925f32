/// Chinese text of realistic shape for work-log summaries, notes and titles: words of a
/// community legal adviser's vocabulary in random order, so it compresses about as well
/// as real notes do (not as a handful of repeated sentences would).
public enum SampleText {
    static let words = [
        "居民", "村民", "咨询", "房屋", "租赁", "合同", "纠纷", "邻里", "噪音", "争执", "土地", "承包", "经营权",
        "流转", "审查", "村规民约", "修订", "物业", "管理费", "法律意见", "婚姻", "家庭", "继承", "遗嘱", "赡养",
        "抚养", "劳动", "解除", "经济补偿", "工伤", "认定", "人民调解", "委员会", "调解", "讲解", "民法典", "规定",
        "指导", "申请", "法律援助", "材料", "重大项目", "合法性", "换届", "选举", "拆迁", "安置", "补偿", "争议",
        "交通事故", "损害赔偿", "老年人", "诉讼", "途径", "时效", "举证责任", "当事人", "达成", "和解", "协议",
        "宅基地", "相邻权", "采光", "通行", "排水", "漏水", "楼上", "楼下", "业主", "业委会", "装修", "违章",
        "搭建", "债务", "借款", "欠条", "利息", "担保", "消费者", "权益", "退款", "网购", "诈骗", "防范",
        "社区", "矫正", "安置帮教", "信访", "群体性", "事件", "苗头", "报告", "司法所", "街道", "镇政府",
        "居委会", "村委会", "书记", "主任", "律师", "法律服务", "工作者", "走访", "值班", "接待", "登记",
        "回访", "跟踪", "记录", "建议", "起诉", "仲裁", "鉴定", "证据", "保全", "执行", "判决", "上诉",
        "公证", "见证", "代书", "文书", "起草", "审核", "风险", "提示", "宣传", "讲座", "发放", "手册",
        "未成年人", "保护", "家庭暴力", "人身安全", "保护令", "残疾人", "低保", "救助", "医疗", "纠纷",
    ]
    static let punctuation = ["，", "，", "，", "；", "、"]

    /// Text of about `characters` Chinese characters.
    public static func text<G: RandomNumberGenerator>(characters: Int, using generator: inout G) -> String {
        var result = ""
        var count = 0
        var sinceBreak = 0
        while count < characters {
            let word = words.randomElement(using: &generator)!
            result += word
            count += word.count
            sinceBreak += 1
            if count < characters, sinceBreak >= Int.random(in: 3...6, using: &generator) {
                result += punctuation.randomElement(using: &generator)!
                sinceBreak = 0
            }
        }
        return result + "。"
    }
}
