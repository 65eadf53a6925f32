/// The same rows written in one transaction and in transactions of 1,000: the wall-clock
/// times, the process's CPU times, and the times until the writes are in the database file
/// (each write, then the checkpoint its WAL still owes: one transaction leaves all of it for
/// later, transactions of 1,000 pay some on the way; at NORMAL, what makes them durable).
struct BatchTimes {
    var one = 0.0, thousands = 0.0
    var oneCPU = 0.0, thousandsCPU = 0.0
    var oneSettled = 0.0, thousandsSettled = 0.0

    /// Per operation, transactions of 1,000 ÷ one transaction.
    var ratio: Double { thousands / one }
    /// ``ratio`` in CPU time: without the waits on the disk.
    var cpuRatio: Double { thousandsCPU / oneCPU }
    /// ``ratio`` with each side's checkpoint counted.
    var settledRatio: Double { thousandsSettled / oneSettled }

    /// The pointwise best of two runs.
    func best(_ other: BatchTimes) -> BatchTimes {
        BatchTimes(one: min(one, other.one), thousands: min(thousands, other.thousands),
                   oneCPU: min(oneCPU, other.oneCPU), thousandsCPU: min(thousandsCPU, other.thousandsCPU),
                   oneSettled: min(oneSettled, other.oneSettled), thousandsSettled: min(thousandsSettled, other.thousandsSettled))
    }

    /// Times `writeOne` and `writeThousands`, then `settleOne` and `settleThousands` (each
    /// side's checkpoint) on top of them.
    static func measuring(one writeOne: () throws -> Void, thousands writeThousands: () throws -> Void,
                          settlingOne settleOne: () throws -> Void, settlingThousands settleThousands: () throws -> Void) throws
        -> BatchTimes {
        var oneCPU = 0.0, thousandsCPU = 0.0
        let one = try measure(cpu: &oneCPU, writeOne)
        let thousands = try measure(cpu: &thousandsCPU, writeThousands)
        return BatchTimes(one: one, thousands: thousands, oneCPU: oneCPU, thousandsCPU: thousandsCPU,
                          oneSettled: try one + measure(settleOne), thousandsSettled: try thousands + measure(settleThousands))
    }
}
