import FaguModel

extension TransactionContext.CreatedRow {
    /// Sets this row's insert parameters in `bindings` (those of `table`'s insert: the
    /// id, each field, the clock), binding only what its creating group wrote.
    func bind(for table: KindTable, into bindings: inout StaticBindings) {
        bindings.set(key.record, at: 1)
        if let scopeIndex = table.scopeFieldIndex { bindings.set(text: scope, at: scopeIndex + 2) }
        for (position, index) in indexes.enumerated() {
            bindings.set(values[position], at: index + 2)
        }
        bindings.setBlob(at: table.fields.count + 2) { bytes in
            RowClock.appendCreation(origin: origin, first: first, time: time, fields: indexes, to: &bytes)
        }
    }
}

extension TransactionContext.StoredRow {
    /// Sets the parameters of `table`'s insert of this row as the row of `record` in
    /// `bindings`: the id, every field, the clock.
    func bind(_ record: RecordID, for table: KindTable, into bindings: inout StaticBindings) {
        bindings.set(record, at: 1)
        for (index, value) in values.enumerated() { bindings.set(value, at: index + 2) }
        bindings.set(blob: clock.encoded(), at: table.fields.count + 2)
    }
}
