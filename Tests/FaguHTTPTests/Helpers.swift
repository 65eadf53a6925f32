import AsyncHTTPClient
import Foundation

/// The port of a `http://127.0.0.1:PORT` base URL.
func port(of url: String) -> Int { Int(url.split(separator: ":").last ?? "") ?? 0 }

/// Waits until `condition` holds, checking every 20 ms for at most `seconds`. The default is
/// generous: it costs nothing when the condition comes, and with the whole suite running on
/// two cores a hub noticed a dropped upload only after more than 5 s (once in four runs).
func waitUntil(seconds: Double = 60, _ condition: () throws -> Bool) async throws -> Bool {
    let deadline = Date().addingTimeInterval(seconds)
    while Date() < deadline {
        if try condition() { return true }
        try await Task.sleep(for: .milliseconds(20))
    }
    return try condition()
}

/// One raw request through AsyncHTTPClient, a POST of `body` or else a GET: its status and
/// body as text.
func rawRequest(_ url: String, post body: [UInt8]? = nil) async throws -> (status: Int, body: String) {
    var request = HTTPClientRequest(url: url)
    if let body {
        request.method = .POST
        request.body = .bytes(body)
    }
    let response = try await HTTPClient.shared.execute(request, timeout: .seconds(10))
    var bytes: [UInt8] = []
    for try await chunk in response.body { bytes += chunk.readableBytesView }
    return (Int(response.status.code), String(decoding: bytes, as: UTF8.self))
}
