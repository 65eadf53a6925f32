import FaguSync

/// Syncs over the network (`hub.exchange`), with faults, and messages delivered late.
extension Simulation {
    /// The network's fault rates, per thousand round trips: 1 in 20 requests lost, 1 in 20
    /// replies lost after the hub applied the request, 1 in 25 requests delivered twice.
    static let networkFaults = SimulatedNetwork.Rates(requestLost: 50, replyLost: 50, requestDuplicated: 40)

    /// A sync of `device` over a faulty network, when it is online. A sync cut by a lost reply
    /// is sometimes followed by the device crashing; some messages are kept to be delivered
    /// again later, and some replies are applied twice at once.
    func syncOverNetwork(_ device: SimulatedDevice) async {
        guard device.isOnline(on: day) else { return }
        let network: SimulatedNetwork
        do { network = SimulatedNetwork(hub: try hub(), seed: random.next(), rates: Simulation.networkFaults) } catch {
            fail("the hub could not be opened: \(error)")
            return
        }
        do {
            _ = try await device.field().sync(over: network, pageLimit: plan.pageLimit)
            figures.syncs += 1
        } catch let lost as SimulatedNetwork.Lost {
            figures.syncsCut += 1
            if lost.hubApplied && Bool.random(using: &random) {
                // The process died before the reply came back: the work is the hub's, the
                // acknowledgement is not the device's, and the next sync must send it again.
                figures.restartsMidSync += 1
                do { try crash(device) } catch { fail("\(device.subject) could not crash: \(error)") }
            }
        } catch {
            fail("\(device.subject)'s sync was refused: \(error)")
        }
        note(network: network, of: device)
    }

    /// A sync of `device` with no faults, for setting up and finishing.
    ///
    /// - Returns: What it moved, or nil when it failed (the failure is noted).
    @discardableResult
    func syncCleanly(_ device: SimulatedDevice) async -> SyncSummary? {
        do {
            let network = SimulatedNetwork(hub: try hub(), seed: 0, rates: SimulatedNetwork.Rates())
            let summary = try await device.field().sync(over: network, pageLimit: plan.pageLimit)
            figures.syncs += 1
            figures.roundTrips += network.log.roundTrips
            return summary
        } catch {
            fail("\(device.subject)'s sync with no faults failed: \(error)")
            return nil
        }
    }

    /// Delivers a message kept from an earlier sync: an old request to the hub (which must
    /// apply nothing twice and answer a replay with nothing), or an old reply to its device
    /// (which must change nothing it has since learned).
    func deliverLate() throws {
        let waiting = devices.filter { $0.isOnline(on: day) && !($0.oldRequests.isEmpty && $0.oldReplies.isEmpty) }
        guard let device = waiting.randomElement(using: &random) else { return }
        if !device.oldRequests.isEmpty && (device.oldReplies.isEmpty || Bool.random(using: &random)) {
            let request = device.oldRequests.remove(at: Int.random(in: 0..<device.oldRequests.count, using: &random))
            figures.reordered.requests += 1
            do {
                let answer = try hub().exchange(request)
                figures.roundTrips += 1
                // Newer than any request the hub took from the device (the original was lost and
                // nothing newer arrived since): a proper round trip, whose reply may come back.
                if Bool.random(using: &random) { try accept(answer.reply.file, by: device, late: true) }
            } catch let refusal as SyncRefusal where refusal.code == .replayed {
                // Applied again (nothing new) and answered with nothing, as a replay must be.
            }
        } else {
            let reply = device.oldReplies.remove(at: Int.random(in: 0..<device.oldReplies.count, using: &random))
            figures.reordered.replies += 1
            try accept(reply, by: device, late: true)
        }
    }

    /// Has `device` apply a reply; a refusal breaks a guarantee (a reply from its own hub is
    /// never harmful, however late or repeated).
    func accept(_ reply: [UInt8], by device: SimulatedDevice, late: Bool) throws {
        do {
            _ = try device.field().accept(reply)
        } catch let refusal as SyncRefusal {
            fail("\(device.subject) refused a reply of its hub\(late ? " delivered late" : " delivered twice"): \(refusal)")
        }
    }

    /// Counts what went over `network` and keeps some of it for late delivery.
    private func note(network: SimulatedNetwork, of device: SimulatedDevice) {
        let log = network.log
        figures.roundTrips += log.roundTrips
        figures.lost.requests += log.lostRequests.count
        figures.lost.replies += log.lostReplies.count
        figures.duplicated.requests += log.duplicatedRequests
        for violation in log.violations { fail("\(device.subject): \(violation)") }
        for exchange in log.delivered where Int.random(in: 0..<100, using: &random) < 15 {
            device.oldRequests.append(exchange.request)
            device.oldReplies.append(exchange.reply)
        }
        // A lost message may still turn up, late.
        for request in log.lostRequests where Bool.random(using: &random) { device.oldRequests.append(request) }
        for reply in log.lostReplies where Bool.random(using: &random) { device.oldReplies.append(reply) }
        if let last = log.delivered.last?.reply, Int.random(in: 0..<100, using: &random) < 5 {
            figures.duplicated.replies += 1
            do { try accept(last, by: device, late: false) } catch { fail("\(device.subject) could not be opened: \(error)") }
        }
    }
}
