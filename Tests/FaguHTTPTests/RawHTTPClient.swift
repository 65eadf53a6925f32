import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// A deliberately bad HTTP client over a plain POSIX socket: it can announce a body it never
/// sends in full, then hang up, as a laptop does when its Wi-Fi drops mid-upload.
struct RawHTTPClient {
    /// The server's port on 127.0.0.1.
    let port: Int
    /// The loopback address to connect from (another "machine": 127.0.0.2, …).
    var source = "127.0.0.1"

    /// Announces a body of `announced` bytes and sends it one byte a second until the server
    /// closes the connection or `stop` says so; returns whether the server closed it first.
    func trickle(_ path: String, announced: Int, until stop: @escaping @Sendable () -> Bool) throws -> Bool {
        let socket = try connect()
        defer { close(socket) }
        try send(socket, Array(head(path, announced: announced).utf8))
        var timeout = timeval(tv_sec: 1, tv_usec: 0)
        setsockopt(socket, SOL_SOCKET, SO_RCVTIMEO, &timeout, socklen_t(MemoryLayout<timeval>.size))
        var buffer = [UInt8](repeating: 0, count: 512)
        while !stop() {
            // An answer or a close from the server ends the trickle.
            let count = buffer.withUnsafeMutableBytes { recv(socket, $0.baseAddress, $0.count, 0) }
            if count >= 0 { return true }
            let sent = [UInt8(ascii: "x")].withUnsafeBytes { Glibc.send(socket, $0.baseAddress, 1, Int32(MSG_NOSIGNAL)) }
            if sent <= 0 { return true }
        }
        return false
    }

    /// Sends a `POST path` announcing `announced` body bytes, sends only `body`, and closes the
    /// connection without reading anything.
    func postAndHangUp(_ path: String, announced: Int, body: [UInt8]) throws {
        let socket = try connect()
        defer { close(socket) }
        try send(socket, Array(head(path, announced: announced).utf8) + body)
    }

    /// Sends a `POST path` announcing `announced` body bytes but sends none, and returns the
    /// status and body of whatever the server answers before closing.
    func postHeadOnly(_ path: String, announced: Int) throws -> (status: Int, body: String) {
        let socket = try connect()
        defer { close(socket) }
        try send(socket, Array(head(path, announced: announced).utf8))
        var received: [UInt8] = []
        var buffer = [UInt8](repeating: 0, count: 4096)
        while true {
            let count = buffer.withUnsafeMutableBytes { recv(socket, $0.baseAddress, $0.count, 0) }
            guard count > 0 else { break }
            received += buffer[0..<count]
            let text = String(decoding: received, as: UTF8.self)
            if let split = text.range(of: "\r\n\r\n"),
               let length = text[..<split.lowerBound].split(separator: "\r\n")
                .first(where: { $0.lowercased().hasPrefix("content-length:") })
                .flatMap({ Int($0.split(separator: ":")[1].trimmingCharacters(in: .whitespaces)) }),
               text.utf8.distance(from: split.upperBound, to: text.endIndex) >= length {
                break
            }
        }
        let text = String(decoding: received, as: UTF8.self)
        guard let statusLine = text.split(separator: "\r\n").first, statusLine.split(separator: " ").count >= 2,
              let status = Int(statusLine.split(separator: " ")[1]) else {
            throw SocketFailure(description: "no HTTP answer: \(text.prefix(200))")
        }
        let body = text.range(of: "\r\n\r\n").map { String(text[$0.upperBound...]) } ?? ""
        return (status, body)
    }

    private func head(_ path: String, announced: Int) -> String {
        "POST \(path) HTTP/1.1\r\nHost: 127.0.0.1:\(port)\r\nContent-Type: application/x-fagu-changeset\r\n"
            + "Content-Length: \(announced)\r\n\r\n"
    }

    private func connect() throws -> Int32 {
        let socket = Glibc.socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        guard socket >= 0 else { throw SocketFailure(description: "socket() failed: \(errno)") }
        if source != "127.0.0.1" {
            var local = sockaddr_in()
            local.sin_family = sa_family_t(AF_INET)
            local.sin_addr.s_addr = inet_addr(source)
            let bound = withUnsafePointer(to: &local) {
                $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(socket, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) }
            }
            guard bound == 0 else {
                close(socket)
                throw SocketFailure(description: "bind() to \(source) failed: \(errno)")
            }
        }
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = in_port_t(UInt16(port).bigEndian)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        let result = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) {
                Glibc.connect(socket, $0, socklen_t(MemoryLayout<sockaddr_in>.size))
            }
        }
        guard result == 0 else {
            close(socket)
            throw SocketFailure(description: "connect() to port \(port) failed: \(errno)")
        }
        return socket
    }

    private func send(_ socket: Int32, _ bytes: [UInt8]) throws {
        var offset = 0
        while offset < bytes.count {
            let sent = bytes[offset...].withUnsafeBytes { Glibc.send(socket, $0.baseAddress, $0.count, Int32(MSG_NOSIGNAL)) }
            guard sent > 0 else { throw SocketFailure(description: "send() failed: \(errno)") }
            offset += sent
        }
    }
}
