extension Catalogue {
    /// `fagu-hub report …`: titles, sections, columns, problems and failures.
    public enum Reports {
        // MARK: Titles

        /// The title of a report over a period, e.g. "覆盖情况 2026-Q4".
        public static func title(_ report: String, _ period: String) -> Localized {
            let name = reportNames[report] ?? Localized(zh: report, en: report)
            return Localized(zh: "\(name.zh)（\(period)）", en: "\(name.en) (\(period))")
        }

        /// Each report's name, by subcommand.
        public static let reportNames: [String: Localized] = [
            "coverage": Localized(zh: "法律顾问覆盖情况", en: "Adviser coverage"),
            "compliance": Localized(zh: "履职情况", en: "Duty compliance"),
            "funding": Localized(zh: "经费保障情况", en: "Funding"),
            "incidents": Localized(zh: "事项报告", en: "Incident reports"),
            "stats": Localized(zh: "法律问题与纠纷统计", en: "Legal problems and disputes"),
            "evaluation": Localized(zh: "年度评估", en: "Annual evaluation"),
        ]

        // MARK: Sections

        /// "Communities".
        public static let communities = Localized(zh: "社区", en: "Communities")
        /// "Visits on site (R3)".
        public static let visits = Localized(zh: "驻点服务（R3：每月至少一次、不少于6小时）", en: "Visits on site (R3: monthly, at least 6 hours)")
        /// "Lectures (R4)".
        public static let lectures = Localized(zh: "法治讲座（R4：每季度至少一次）", en: "Lectures (R4: at least one a quarter)")
        /// "Hard questions (R5)".
        public static let hardQuestions = Localized(zh: "疑难咨询（R5：按期答复）", en: "Hard questions (R5: answered by the due day)")
        /// "Incident reports (R6)".
        public static let incidents = Localized(zh: "事项报告（R6：报告用时）", en: "Incident reports (R6: time to reach the hub)")
        /// "Funding by community (R8)".
        public static let funding = Localized(zh: "各社区年度经费（R8：不少于1万元）", en: "Funding by community (R8: at least 10,000 CNY)")
        /// "Violations".
        public static let violations = Localized(zh: "违规", en: "Violations")
        /// "Warnings".
        public static let warnings = Localized(zh: "提醒", en: "Warnings")
        /// What an empty section shows.
        public static let none = Localized(zh: "（无）", en: "(none)")
        /// How many violations and warnings, for the summary line.
        public static func summary(violations: Int, warnings: Int) -> Localized {
            Localized(zh: "违规 \(violations) 项，提醒 \(warnings) 项", en: "\(violations) violations, \(warnings) warnings")
        }

        // MARK: Columns

        /// Column headers of the reports, by key.
        public static let columns: [String: Localized] = [
            "community": Localized(zh: "社区", en: "community"),
            "name": Localized(zh: "名称", en: "name"),
            "advisers": Localized(zh: "法律顾问", en: "advisers"),
            "adviser": Localized(zh: "法律顾问", en: "adviser"),
            "uncovered_days": Localized(zh: "无顾问天数", en: "days uncovered"),
            "month": Localized(zh: "月份", en: "month"),
            "covered_days": Localized(zh: "聘期天数", en: "days appointed"),
            "visits": Localized(zh: "到岗次数", en: "visits"),
            "hours": Localized(zh: "小时", en: "hours"),
            "required_hours": Localized(zh: "应达小时", en: "hours due"),
            "compliant": Localized(zh: "达标", en: "met"),
            "quarter": Localized(zh: "季度", en: "quarter"),
            "lectures": Localized(zh: "讲座", en: "lectures"),
            "attendees": Localized(zh: "听众", en: "attendees"),
            "record": Localized(zh: "记录", en: "record"),
            "asked": Localized(zh: "咨询日期", en: "asked"),
            "due": Localized(zh: "答复期限", en: "due"),
            "answered_on": Localized(zh: "答复日期", en: "answered"),
            "status": Localized(zh: "状态", en: "status"),
            "days_late": Localized(zh: "逾期天数", en: "days late"),
            "date": Localized(zh: "日期", en: "date"),
            "level": Localized(zh: "级别", en: "level"),
            "summary": Localized(zh: "摘要", en: "summary"),
            "delay_minutes": Localized(zh: "用时（分钟）", en: "delay (minutes)"),
            "total_cny": Localized(zh: "年度经费（元）", en: "year (CNY)"),
            "appointments": Localized(zh: "来源（聘用合同：元）", en: "from (appointment: CNY)"),
            "rule": Localized(zh: "规则", en: "rule"),
            "period": Localized(zh: "期间", en: "period"),
            "problem": Localized(zh: "问题", en: "problem"),
            "detail": Localized(zh: "详情", en: "detail"),
            "category": Localized(zh: "类别", en: "category"),
            "total": Localized(zh: "合计", en: "total"),
            "trend": Localized(zh: "趋势", en: "trend"),
            "indicator": Localized(zh: "指标", en: "indicator"),
            "value": Localized(zh: "数值", en: "value"),
            "weight": Localized(zh: "权重", en: "weight"),
            "score": Localized(zh: "得分", en: "score"),
            "kind": Localized(zh: "类型", en: "kind"),
            "last_month": Localized(zh: "末月", en: "last month"),
            "previous_average": Localized(zh: "前三月均值", en: "3 months before (avg)"),
            "consultations": Localized(zh: "咨询", en: "consultations"),
            "mediations": Localized(zh: "调解", en: "mediations"),
            "top_category": Localized(zh: "最多类别", en: "top category"),
            "target": Localized(zh: "目标值", en: "target"),
            "violations": Localized(zh: "违规", en: "violations"),
        ]

        /// "yes" / "no" in a table cell.
        public static let yes = Localized(zh: "是", en: "yes")
        /// "no".
        public static let no = Localized(zh: "否", en: "no")
        /// A month not assessed (appointment covered under a week of it).
        public static let notAssessed = Localized(zh: "不考核", en: "not assessed")
        /// A delay not believed (the device's clock was ahead).
        public static let clockAhead = Localized(zh: "设备时钟超前", en: "device clock ahead")
        /// An incident that did not arrive through sync.
        public static let notSynced = Localized(zh: "未经同步", en: "not synced")

        // MARK: Problems

        /// Each finding's problem code in words.
        public static let problems: [String: Localized] = [
            "no_adviser": Localized(zh: "无在岗法律顾问", en: "no active adviser"),
            "over_community_limit": Localized(zh: "同时服务超过3个社区", en: "serves more than 3 communities at once"),
            "not_published": Localized(zh: "未公示联系方式或服务时间", en: "contact or service hours not published"),
            "qualification": Localized(zh: "资质不符", en: "below the qualification rule"),
            "no_visit": Localized(zh: "当月未到岗", en: "no visit in the month"),
            "hours_short": Localized(zh: "驻点时间不足", en: "too few hours on site"),
            "no_lecture": Localized(zh: "当季无法治讲座", en: "no lecture in the quarter"),
            "overdue": Localized(zh: "逾期未答复", en: "overdue, unanswered"),
            "answered_late": Localized(zh: "逾期答复", en: "answered late"),
            "incident_reported": Localized(zh: "事项报告", en: "incident reported"),
            "under_floor": Localized(zh: "年度经费不足1万元", en: "under 10,000 CNY for the year"),
            "contact": Localized(zh: "联系方式", en: "contact"),
            "service_hours": Localized(zh: "服务时间", en: "service hours"),
            "practice_under_2_years": Localized(zh: "执业不满2年", en: "under 2 years in practice"),
            "practice_unknown": Localized(zh: "执业年限不明", en: "years in practice unknown"),
            "education_unknown": Localized(zh: "学历不明", en: "education unknown"),
            "education_below_college": Localized(zh: "学历低于大专", en: "education below college"),
            "not_on_roster": Localized(zh: "不在名册", en: "not on the roster"),
            "answered": Localized(zh: "按期答复", en: "answered in time"),
            "open": Localized(zh: "未到期", en: "not yet due"),
        ]

        /// A problem code in words (the code itself when unknown).
        public static func problem(_ code: String) -> Localized { problems[code] ?? Localized(zh: code, en: code) }

        /// R1's detail: how many days uncovered, from which day.
        public static func uncovered(_ days: Int, from day: String) -> Localized {
            Localized(zh: "\(days) 天无顾问（自 \(day)）", en: "\(days) days uncovered (from \(day))")
        }
        /// R2's detail: the communities, and the reason (or none recorded).
        public static func communitiesServed(_ communities: String, reason: String?) -> Localized {
            Localized(zh: "\(communities)；理由：\(reason ?? "未记录")", en: "\(communities); reason: \(reason ?? "none recorded")")
        }
        /// R3's detail: visits and hours against the hours due.
        public static func hoursDone(visits: Int, hours: String, required: String) -> Localized {
            Localized(zh: "到岗 \(visits) 次，\(hours) / \(required) 小时", en: "\(visits) visits, \(hours) of \(required) hours")
        }
        /// R5's detail: due, answered, days late.
        public static func lateness(due: String, answered: String?, days: Int) -> Localized {
            Localized(zh: "期限 \(due)，" + (answered.map { "答复 \($0)，" } ?? "") + "逾期 \(days) 天",
                      en: "due \(due), " + (answered.map { "answered \($0), " } ?? "") + "\(days) days late")
        }
        /// R6's detail: the delay.
        public static func delay(_ minutes: Int) -> Localized {
            Localized(zh: "用时 \(minutes) 分钟", en: "\(minutes) minutes to the hub")
        }
        /// R8's detail: the year's yuan.
        public static func yuan(_ amount: Int) -> Localized {
            Localized(zh: "\(amount) 元", en: "\(amount) CNY")
        }

        /// The stats report's category section, with the months it spans.
        public static func categories(_ first: String, _ last: String) -> Localized {
            Localized(zh: "各类别按月趋势（\(first) 至 \(last)，▲ 为上升）", en: "Categories by month (\(first) to \(last); ▲ rising)")
        }
        /// A kind of work counted by stats.
        public static func workKind(_ kind: String) -> Localized {
            kind == "consultation" ? Localized(zh: "咨询", en: "consultation")
                : kind == "mediation" ? Localized(zh: "调解", en: "mediation") : Localized(zh: kind, en: kind)
        }
        /// An evaluation indicator's name.
        public static func indicator(_ key: String) -> Localized {
            indicators[key] ?? Localized(zh: key, en: key)
        }
        /// The evaluation's indicators in words.
        public static let indicators: [String: Localized] = [
            "months_compliant": Localized(zh: "驻点达标月份占比", en: "share of months on site as required"),
            "no_visit_months": Localized(zh: "未到岗月份（扣分）", en: "months without a visit (penalty)"),
            "hours": Localized(zh: "驻点小时", en: "hours on site"),
            "visits": Localized(zh: "到岗次数", en: "visits"),
            "consultations": Localized(zh: "解答咨询", en: "consultations"),
            "mediations": Localized(zh: "参与调解", en: "mediations"),
            "legal_aid": Localized(zh: "协助法律援助", en: "legal-aid referrals"),
            "governance": Localized(zh: "依法治理", en: "governance items"),
            "lectures": Localized(zh: "法治讲座", en: "lectures"),
            "attendees": Localized(zh: "讲座听众", en: "lecture attendees"),
            "commissions": Localized(zh: "法律服务委托", en: "commissions"),
            "overdue_answers": Localized(zh: "逾期答复（扣分）", en: "late or overdue answers (penalty)"),
            "incidents": Localized(zh: "事项报告", en: "incident reports"),
        ]

        // MARK: Failures

        /// A score sheet that cannot be used.
        public static func weightsInvalid(_ path: String, _ problem: String) -> Localized {
            Localized(zh: "评分表 \(path) 无法使用：\(problem)", en: "the score sheet \(path) cannot be used: \(problem)")
        }

        /// More than one of --month, --quarter, --year.
        public static let onePeriodOnly = Localized(zh: "--month、--quarter、--year 只能给一个",
                                                    en: "give only one of --month, --quarter, --year")
        /// A period that does not parse.
        public static func periodInvalid(_ given: String, _ expected: String) -> Localized {
            Localized(zh: "期间“\(given)”无效，应为 \(expected)", en: "period “\(given)” is not valid: expected \(expected)")
        }
        /// A report that needs a whole year.
        public static let yearOnly = Localized(zh: "该报告按年度统计：请用 --year YYYY", en: "this report is by year: use --year YYYY")
        /// An unknown format.
        public static func formatInvalid(_ given: String) -> Localized {
            Localized(zh: "格式“\(given)”无效：可用 table、csv、json、html", en: "format “\(given)” is not valid: use table, csv, json or html")
        }
        /// The report was written to a file.
        public static func written(_ path: String) -> Localized {
            Localized(zh: "报告已写入 \(path)", en: "report written to \(path)")
        }
    }
}
