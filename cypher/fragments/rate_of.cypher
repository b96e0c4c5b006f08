// needs: rates
// internal: _x
// The rate into $currency of the currency of record {var} (an opportunity, quote or order), from the
// `rates` table bound by currency_rates; null when the graph has no rate for it, or {var} is null (an
// OPTIONAL MATCH that found nothing).
head([_x IN rates WHERE _x.currency = {var}.currency | _x.rate])
