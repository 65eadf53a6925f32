import Foundation

/// The wall-clock seconds `body` took.
func measure(_ body: () throws -> Void) throws -> Double {
    let start = ContinuousClock.now
    try body()
    let elapsed = ContinuousClock.now - start
    return Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18
}

/// ``measure(_:)``, also setting `cpu` to the process's CPU time (user and system, every
/// thread) the body took: what the work cost, without the time spent waiting for the disk.
func measure(cpu: inout Double, _ body: () throws -> Void) throws -> Double {
    func now() -> Double {
        var time = timespec()
        clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &time)
        return Double(time.tv_sec) + Double(time.tv_nsec) / 1e9
    }
    let start = now()
    let elapsed = try measure(body)
    cpu = now() - start
    return elapsed
}

/// ``measure(cpu:_:)``, also setting `thread` to the CPU time of the calling thread alone:
/// the merge's critical path, without what other threads did beside it, nor time the
/// machine gave to other tenants.
func measure(cpu: inout Double, thread: inout Double, _ body: () throws -> Void) throws -> Double {
    func now() -> Double {
        var time = timespec()
        clock_gettime(CLOCK_THREAD_CPUTIME_ID, &time)
        return Double(time.tv_sec) + Double(time.tv_nsec) / 1e9
    }
    let start = now()
    let elapsed = try measure(cpu: &cpu, body)
    thread = now() - start
    return elapsed
}

/// The median of `values` (of an even count, the higher of the two middle ones).
func median(_ values: [Double]) -> Double { values.sorted()[values.count / 2] }
