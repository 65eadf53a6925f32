import FaguDomain
import FaguModel
import FaguStore

/// Sends `from`'s delta for `to` and applies it; returns the groups sent.
@discardableResult
func send(_ from: Replica, to: Replica, scopes: [ScopeID]) throws -> [ChangeGroup] {
    let groups = try from.delta(for: to.vectors(scopes: scopes), scopes: scopes)
    try to.apply(groups)
    return groups
}

let c01 = ScopeID.community("c01")
let c02 = ScopeID.community("c02")

/// The fields of a new case in `community`.
func caseFields(_ community: String = "c01", status: String = "open") -> [String: FieldValue] {
    ["community_id": .text(community), "adviser_id": .text("a017"), "date": .text("2026-11-20"),
     "title": .text("土地承包纠纷"), "status": .text(status)]
}
