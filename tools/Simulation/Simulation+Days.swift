import FaguDomain
import FaguTesting

/// The turn of a simulated day: the nightly merge, the clock moving on, devices going
/// offline for days and communities cut off, the roster changing, the hub restarting.
extension Simulation {
    /// Ends the day and starts the next.
    func nextDay() {
        do { try nightlyMerge() } catch { fail("the nightly merge failed: \(error)") }
        day += 1
        clock.set(day: today)
        for device in devices where device.isOnline(on: day) && Int.random(in: 0..<100, using: &random) < 4 {
            takeOffline(device, days: Int.random(in: 2...6, using: &random))
        }
        if Int.random(in: 0..<100, using: &random) < 10 { cutOffCommunity() }
        if Int.random(in: 0..<100, using: &random) < 30 || (figures.rosterChanges == 0 && day >= plan.days / 3) {
            do { try changeRoster() } catch { fail("the roster could not be changed: \(error)") }
        }
        if Int.random(in: 0..<100, using: &random) < 5 {
            do { try crashHub() } catch { fail("the hub could not crash: \(error)") }
        }
    }

    /// `device` can reach the hub neither by network nor by stick for `days` days; it keeps
    /// working.
    private func takeOffline(_ device: SimulatedDevice, days: Int) {
        let until = day + days
        figures.offlineDeviceDays += max(0, until - max(device.offlineUntilDay, day))
        device.offlineUntilDay = max(device.offlineUntilDay, until)
    }

    /// A partition: every device serving one community (its office and the advisers appointed
    /// there) is cut off for 1–3 days.
    private func cutOffCommunity() {
        let community = layout.communities[Int.random(in: 0..<layout.communities.count, using: &random)]
        let advisers = Set(ledger.advisers(of: community, on: today).current)
        let cut = devices.filter { $0.role == .office ? $0.subject == community : advisers.contains($0.subject) }
        guard !cut.isEmpty else { return }
        let days = Int.random(in: 1...3, using: &random)
        for device in cut { takeOffline(device, days: days) }
        figures.partitions += 1
    }

    /// The hub ends one appointment — today or in a day or two — of an adviser who keeps
    /// another, and appoints an adviser to a community the adviser never served, from today.
    func changeRoster() throws {
        let hub = try hub()
        let open = ledger.appointments.filter { $0.end == nil }
        let ending = open.filter { candidate in open.filter { $0.adviser == candidate.adviser }.count >= 2 }
        if let appointment = ending.randomElement(using: &random) {
            var ended = appointment
            ended.end = CalendarClock.day(today, plus: Int.random(in: 0...2, using: &random))
            _ = try hub.writeRoster(communities: [], advisers: [], appointments: [ended.record])
            ledger.end(appointment.code, on: ended.end ?? today, decidedOnDay: day)
            figures.appointmentsEnded += 1
        }
        let adviser = layout.advisers[Int.random(in: 0..<layout.advisers.count, using: &random)]
        let served = ledger.communitiesEverServed(role: .adviser, subject: adviser)
        let fresh = layout.communities.filter { !served.contains($0) }
        if let community = fresh.randomElement(using: &random) {
            let appointment = LedgerAppointment(adviser: adviser, community: community, start: today, addedOnDay: day)
            _ = try hub.writeRoster(communities: [], advisers: [], appointments: [appointment.record])
            ledger.add(appointment)
            figures.appointmentsAdded += 1
        }
    }
}
