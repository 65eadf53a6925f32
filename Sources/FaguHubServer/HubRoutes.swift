import FaguSync
import FaguWire
import Foundation
import Hummingbird
import Logging

/// The hub's HTTP routes, adapting ``SyncDesk`` to Hummingbird:
///
/// - `POST /v1/sync`: body a signed change-set file (`application/x-fagu-changeset`); answers
///   200 with the signed reply, or 4xx with `{"code", "message"}`.
/// - `GET /v1/health`: `{"district", "replica"}`.
/// - `GET /metrics`: ``HubMetrics`` in Prometheus's text format, unless served on a port of its own.
struct HubRoutes: Sendable {
    /// The media type of change-set files, both ways.
    static let changeSetType = "application/x-fagu-changeset"

    let desk: SyncDesk
    let worker: HubWorker
    let maxRequestBytes: Int
    let logger: Logger
    let onIncident: @Sendable (IncidentNotice) -> Void
    /// Whether `GET /metrics` is among these routes (not when it has a port of its own).
    let servesMetrics: Bool
    /// Uploads read or being exchanged at once (32; 4 from one address); the rest wait with
    /// their bodies unread, or — past an address's share — are turned away with 429.
    let gate = UploadGate(limit: 32, perAddress: 4)

    /// A router with both routes.
    func router() -> Router<HubRequestContext> {
        let router = Router(context: HubRequestContext.self)
        router.post("/v1/sync") { request, context in
            await self.sync(request, context: context)
        }
        router.get("/v1/health") { _, _ in
            Self.json(HealthBody(district: self.desk.hub.district, replica: self.desk.hub.replica.id.description),
                      status: .ok)
        }
        if servesMetrics {
            router.get("/metrics") { _, _ in await self.metrics() }
        }
        return router
    }

    /// A router with `GET /metrics` alone, for a metrics port of its own.
    func metricsRouter() -> Router<HubRequestContext> {
        let router = Router(context: HubRequestContext.self)
        router.get("/metrics") { _, _ in await self.metrics() }
        return router
    }

    /// The scrape, read on the hub's worker; 500 with the reason when the replica cannot be read.
    func metrics() async -> Response {
        let desk = self.desk
        let scraped: Result<String, any Error> = await worker.perform {
            Result { try desk.metrics.scrape(desk.hub) }
        }
        var headers = HTTPFields()
        switch scraped {
        case .success(let text):
            headers[.contentType] = "text/plain; version=0.0.4; charset=utf-8"
            return Response(status: .ok, headers: headers, body: ResponseBody(byteBuffer: ByteBuffer(string: text)))
        case .failure(let error):
            logger.error("metrics", metadata: ["outcome": "failed", "error": "\(error)"])
            headers[.contentType] = "text/plain; charset=utf-8"
            return Response(status: .internalServerError, headers: headers,
                            body: ResponseBody(byteBuffer: ByteBuffer(string: "cannot read the hub: \(error)\n")))
        }
    }

    /// Reads the file (never more than the limit), exchanges it off the event loops, answers.
    func sync(_ request: Request, context: HubRequestContext) async -> Response {
        let announced = request.headers[.contentLength].flatMap { Int($0) }
        let desk = self.desk, remote = context.remote, address = context.address
        guard await gate.enter(from: address) else {
            let refusal = SyncRefusal(.busy, "\(address) already has uploads in flight; send one at a time and retry")
            let outcome = await worker.perform { desk.turnAway(refusal, status: 429, from: remote) }
            if case .refused(let refusal, let status) = outcome {
                return Self.json(ErrorBody(code: refusal.code.rawValue, message: refusal.message), status: HTTPResponse.Status(code: status))
            }
            return Response(status: .tooManyRequests)
        }
        let upload = await UploadedFile.read(announced: announced, limit: maxRequestBytes,
                                             within: UploadedFile.deadline(forBytes: announced),
                                             from: request.body.map { $0.readableBytesView })
        let outcome: SyncOutcome
        switch upload {
        case .complete(let file):
            outcome = await worker.perform { desk.exchange(file, from: remote) }
        case .tooLarge(let announced, let limit):
            let size = announced.map { "\($0) bytes" } ?? "larger"
            let refusal = SyncRefusal(.badFile, "the request is \(size), over the limit of \(limit) bytes")
            outcome = await worker.perform { desk.turnAway(refusal, status: 413, from: remote) }
        case .cut(let received, let announced):
            let expected = announced.map { " of \($0)" } ?? ""
            let refusal = SyncRefusal(.badFile, "the upload ended after \(received)\(expected) bytes; nothing was applied")
            outcome = await worker.perform { desk.turnAway(refusal, status: 400, from: remote, receivedBytes: received) }
        case .tooSlow(let received, let seconds):
            let refusal = SyncRefusal(.badFile, "the upload did not arrive within \(seconds) s (\(received) bytes came); "
                                      + "nothing was applied")
            outcome = await worker.perform { desk.turnAway(refusal, status: 408, from: remote, receivedBytes: received) }
        }
        // Held until the exchange is done: uploads read and waiting for the hub count too.
        await gate.leave(from: address)
        switch outcome {
        case .accepted(let reply, let notices):
            for notice in notices { onIncident(notice) }
            var headers = HTTPFields()
            headers[.contentType] = Self.changeSetType
            return Response(status: .ok, headers: headers, body: ResponseBody(byteBuffer: ByteBuffer(bytes: reply)))
        case .refused(let refusal, let status):
            return Self.json(ErrorBody(code: refusal.code.rawValue, message: refusal.message),
                             status: HTTPResponse.Status(code: status))
        }
    }

    /// A JSON response with `value` as its body.
    static func json(_ value: some Encodable, status: HTTPResponse.Status) -> Response {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        let bytes = (try? encoder.encode(value)) ?? Data("{}".utf8)
        var headers = HTTPFields()
        headers[.contentType] = "application/json; charset=utf-8"
        return Response(status: status, headers: headers, body: ResponseBody(byteBuffer: ByteBuffer(bytes: bytes)))
    }
}
