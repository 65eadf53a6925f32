import FaguCLI
import FaguDomain
import FaguModel
import FaguWire

/// The text report of `fagu-doctor bundle`, in Chinese or English.
struct BundleText {
    var file: String
    var inspection: ChangeSetInspection
    var language: Language

    func render() -> String {
        let doctor = Catalogue.Doctor.self
        func t(_ text: Localized) -> String { language.text(text) }
        var facts: [(String, String)] = [(t(doctor.file), t(doctor.fileSize(file, bytes: inspection.fileBytes)))]
        if let version = inspection.version {
            facts.append((t(doctor.format),
                          t(doctor.formatVersion("\(version.major).\(version.minor)", supported: inspection.versionSupported == true))))
        } else {
            facts.append((t(doctor.format), t(doctor.notAChangeSetFile)))
        }
        let checksum: Localized
        switch inspection.checksumValid {
        case true?: checksum = doctor.checksumValid
        case false?: checksum = doctor.checksumInvalid
        case nil: checksum = doctor.checksumNotReached
        }
        facts.append((t(doctor.checksum), t(checksum)))
        if inspection.sealed {
            let opened = inspection.changeSet != nil
            facts.append((t(doctor.sealed), t(opened ? doctor.sealedAndOpened
                                               : inspection.error?.code == .keyRequired ? doctor.sealedKeyNeeded : doctor.sealedWrongKey)))
        } else {
            facts.append((t(doctor.sealed), t(doctor.no)))
        }
        if let set = inspection.changeSet {
            // Verifying needs the sender's key, which only the hub or the device holds.
            facts.append((t(doctor.signature), t(set.signature == nil ? doctor.none : doctor.signedEd25519)))
        }
        if let header = inspection.header {
            facts.append((t(doctor.sender), header.sender.description))
            facts.append((t(doctor.district), header.district))
            facts.append((t(doctor.scopes), header.scopes.map(\.name).joined(separator: ", ")))
            facts.append((t(doctor.created), header.createdAt.description))
            facts.append((t(doctor.schema), String(header.schemaVersion)))
            for scope in header.vectors.scopes {
                facts.append((t(doctor.vector(scope.name)), header.vectors[scope].description))
            }
            facts.append((t(doctor.changes), t(doctor.changeCount(header.changeCount, groups: header.groupCount))))
            if header.requestNumber > 0 { facts.append((t(doctor.requestNumber), String(header.requestNumber))) }
            if let key = header.encryptionKey {
                facts.append((t(doctor.replySealedTo), key.map { String(format: "%02x", $0) }.joined()))
            }
            for entry in header.retimed {
                facts.append((t(doctor.clamped(entry.scope.name)), t(doctor.retimed(entry.counter, at: "\(entry.time)"))))
            }
            for (scope, head) in header.heads.sorted(by: { $0.key < $1.key }) {
                facts.append((t(doctor.chainHead(scope.name)),
                              "\(head.counter) \(head.hash.prefix(8).map { String(format: "%02x", $0) }.joined())…"))
            }
        }
        if let compressed = inspection.compressedBodyBytes, let body = inspection.bodyBytes {
            let ratio = inspection.compressionRatio.map { String(Int(($0 * 10).rounded())) }.map { "\($0.dropLast()).\($0.suffix(1))" } ?? "-"
            facts.append((t(doctor.body), t(doctor.bodySizes(compressed: compressed, inflated: body, ratio: ratio))))
        }
        if let error = inspection.error, error.code == .keyRequired {
            facts.append((t(doctor.result), t(doctor.headerValidBodySealed)))
        } else if let error = inspection.error {
            facts.append((t(doctor.result), t(doctor.refused(Catalogue.WireErrors.text(for: error)))))
        } else {
            facts.append((t(doctor.result), t(doctor.valid)))
        }
        let labelWidth = facts.map { DisplayWidth.of($0.0) }.max() ?? 0
        // The header comes from whoever wrote the file: show its text escaped.
        var lines = facts.map { DisplayWidth.pad($0.0, to: labelWidth) + "  " + TerminalText.escaped($0.1) }
        if let set = inspection.changeSet, !set.groups.isEmpty {
            var table = TextTable(headers: [doctor.dotColumn, doctor.scopeColumn, doctor.kindColumn, doctor.recordColumn,
                                            doctor.fieldColumn, doctor.valueColumn, doctor.contextColumn].map(t))
            table.maxCellWidth = 40
            for group in set.groups {
                if let setAside = group.setAside {
                    table.append([shortDot(group.dot(at: 0)) + "…\(group.lastCounter)", group.scope.name, group.kind.rawValue,
                                  group.record.description, "", t(Catalogue.setAside(setAside.code)), ""])
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
