import FaguCLI
import FaguDomain
import FaguModel
import FaguWire

/// The text report of `fagu-doctor bundle`, in Chinese or English.
struct BundleText {
    var file: String
    var inspection: ChangeSetInspection
    var language: Language

    private func t(_ zh: String, _ en: String) -> String { language.text(zh: zh, en: en) }

    func render() -> String {
        var facts: [(String, String)] = [(t("文件", "File"), "\(file) (\(inspection.fileBytes) \(t("字节", "bytes")))")]
        if let version = inspection.version {
            let supported = inspection.versionSupported == true ? t("支持", "supported") : t("不支持，请升级", "not supported: upgrade Fagu")
            facts.append((t("格式版本", "Format"), "\(version.major).\(version.minor) (\(supported))"))
        } else {
            facts.append((t("格式版本", "Format"), t("无法识别", "not a Fagu change-set file")))
        }
        let checksum: String
        switch inspection.checksumValid {
        case true?: checksum = t("正确 (SHA-256)", "valid (SHA-256)")
        case false?: checksum = t("错误：内容已损坏", "INVALID: the body is damaged")
        case nil: checksum = t("未校验", "not reached")
        }
        facts.append((t("校验和", "Checksum"), checksum))
        if inspection.sealed {
            let opened = inspection.changeSet != nil
            facts.append((t("加密", "Sealed"), opened ? t("是，已用所给密钥打开", "yes, opened with the key given")
                          : inspection.error?.code == .keyRequired
                            ? t("是，正文只有接收方能读（用 --key 打开）", "yes: only the recipient reads the body (open it with --key)")
                            : t("是，所给密钥打不开", "yes, and the key given does not open it")))
        } else {
            facts.append((t("加密", "Sealed"), t("否", "no")))
        }
        if let set = inspection.changeSet {
            // Verifying needs the sender's key, which only the hub or the device holds.
            facts.append((t("签名", "Signature"), set.signature == nil ? t("无", "none")
                          : t("Ed25519，64 字节（需发送方公钥才能验证）", "Ed25519, 64 bytes (verify with the sender's key)")))
        }
        if let header = inspection.header {
            facts.append((t("发送方", "Sender"), header.sender.description))
            facts.append((t("区", "District"), header.district))
            facts.append((t("范围", "Scopes"), header.scopes.map(\.name).joined(separator: ", ")))
            facts.append((t("创建时间", "Created"), header.createdAt.description))
            facts.append((t("架构版本", "Schema"), String(header.schemaVersion)))
            for scope in header.vectors.scopes {
                facts.append((t("版本向量 ", "Vector ") + scope.name, header.vectors[scope].description))
            }
            facts.append((t("变更", "Changes"), t("\(header.changeCount) 条，\(header.groupCount) 组",
                                                 "\(header.changeCount) in \(header.groupCount) groups")))
            if header.requestNumber > 0 { facts.append((t("请求编号", "Request number"), String(header.requestNumber))) }
            if let key = header.encryptionKey {
                facts.append((t("回复加密公钥", "Reply sealed to"), key.map { String(format: "%02x", $0) }.joined()))
            }
            for entry in header.retimed {
                facts.append((t("时间已校正 ", "Clamped ") + entry.scope.name,
                              t("第 \(entry.counter) 组按中心收到时间 \(entry.time) 排序", "group \(entry.counter) ordered by the hub's receipt time \(entry.time)")))
            }
            for (scope, head) in header.heads.sorted(by: { $0.key < $1.key }) {
                facts.append((t("链头 ", "Chain head ") + scope.name,
                              "\(head.counter) \(head.hash.prefix(8).map { String(format: "%02x", $0) }.joined())…"))
            }
        }
        if let compressed = inspection.compressedBodyBytes, let body = inspection.bodyBytes {
            let ratio = inspection.compressionRatio.map { String(Int(($0 * 10).rounded())) }.map { "\($0.dropLast()).\($0.suffix(1))" } ?? "-"
            facts.append((t("正文", "Body"), t("压缩后 \(compressed) 字节，解压后 \(body) 字节（压缩比 \(ratio)）",
                                              "\(compressed) bytes compressed, \(body) bytes inflated (ratio \(ratio))")))
        }
        if let error = inspection.error, error.code == .keyRequired {
            facts.append((t("结果", "Result"), t("文件头有效；正文未检查（加密）", "header valid; body not checked (sealed)")))
        } else if let error = inspection.error {
            facts.append((t("结果", "Result"), t("拒收：", "REFUSED: ") + error.description))
        } else {
            facts.append((t("结果", "Result"), t("有效", "valid")))
        }
        let labelWidth = facts.map { DisplayWidth.of($0.0) }.max() ?? 0
        // The header comes from whoever wrote the file: show its text escaped.
        var lines = facts.map { DisplayWidth.pad($0.0, to: labelWidth) + "  " + TerminalText.escaped($0.1) }
        if let set = inspection.changeSet, !set.groups.isEmpty {
            var table = TextTable(headers: [t("点", "DOT"), t("范围", "SCOPE"), t("类型", "KIND"), t("记录", "RECORD"),
                                            t("字段", "FIELD"), t("值", "VALUE"), t("上下文", "CONTEXT")])
            table.maxCellWidth = 40
            for group in set.groups {
                if let setAside = group.setAside {
                    table.append([shortDot(group.dot(at: 0)) + "…\(group.lastCounter)", group.scope.name, group.kind.rawValue,
                                  group.record.description, "", t("已搁置：", "set aside: ") + setAside.code, ""])
                    continue
                }
                for change in group.changes {
                    table.append([shortDot(change.dot), change.scope.name, change.kind.rawValue, change.record.description,
                                  change.field, render(change.value), change.context.map(shortDot).joined(separator: " ")])
                }
            }
            lines.append("")
            lines.append(table.render())
        }
        return lines.joined(separator: "\n")
    }

    private func shortDot(_ dot: Dot) -> String { "\(dot.origin.description.suffix(8)):\(dot.counter)" }

    private func render(_ value: FieldValue) -> String {
        switch value {
        case .null: "∅"
        case .integer(let integer): String(integer)
        case .real(let real): String(real)
        case .text(let text): text
        }
    }
}
