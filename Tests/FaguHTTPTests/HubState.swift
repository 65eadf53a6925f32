import FaguStore

/// A snapshot of what the hub holds, to compare before and after a request.
struct HubState: Equatable {
    var digest: String
    var heldBack: Int
    var devices: [EnrolledDevice]
}
