import FaguModel
import Foundation

extension ScopeVectors {
    /// `{"scope": {"replica": counter}}`, for storing vectors in a text column.
    var storedText: String {
        var object: [String: [String: UInt64]] = [:]
        for scope in scopes {
            object[scope.name] = Dictionary(uniqueKeysWithValues: self[scope].sortedEntries.map { ($0.origin.description, $0.counter) })
        }
        let encoder = JSONEncoder()
        encoder.outputFormatting = .sortedKeys
        return String(decoding: (try? encoder.encode(object)) ?? Data("{}".utf8), as: UTF8.self)
    }

    /// The vectors stored as ``storedText``; nil when the text is not that.
    init?(storedText: String) {
        guard let object = try? JSONDecoder().decode([String: [String: UInt64]].self, from: Data(storedText.utf8)) else {
            return nil
        }
        var vectors = ScopeVectors()
        for (scope, entries) in object {
            var vector = VersionVector()
            for (origin, counter) in entries {
                guard let id = ReplicaID(origin) else { return nil }
                vector[id] = counter
            }
            vectors[ScopeID(scope)] = vector
        }
        self = vectors
    }
}
