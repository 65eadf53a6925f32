/// Runs `body`, turning any error into a one-line ``CommandFailure`` in `language` (the
/// catalogue's text for it, ``Catalogue/failure(_:)``), so a command prints one line and exits
/// non-zero; a ``CommandFailure`` passes through as is.
public func failing<T>(_ language: Language, _ body: () throws -> T) throws -> T {
    do {
        return try body()
    } catch let error as CommandFailure {
        throw error
    } catch {
        throw CommandFailure(language.text(Catalogue.failure(error)))
    }
}

/// ``failing(_:_:)`` for async work.
public func failing<T>(_ language: Language, _ body: () async throws -> T) async throws -> T {
    do {
        return try await body()
    } catch let error as CommandFailure {
        throw error
    } catch {
        throw CommandFailure(language.text(Catalogue.failure(error)))
    }
}
