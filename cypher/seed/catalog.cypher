// The product catalog and the exchange rates (1 base = rate quote) of every currency against USD.
UNWIND $rows AS row
CALL (row) {
  WITH row WHERE row.kind = 'product'
  CREATE (:Product {id: row.id, name: row.name, sku: row.sku, listPrice: row.listPrice, currency: row.currency})
}
CALL (row) {
  WITH row WHERE row.kind = 'rate'
  CREATE (:ExchangeRate {id: row.id, base: row.base, quote: row.quote, rate: row.rate, asOf: datetime(row.asOf)})
}
