// The latest exchange rate of each (base, quote) pair, direct or as the inverse of the latest
// opposite rate, whichever is newer. Rates are public reference data.
UNWIND $pairs AS pair
OPTIONAL CALL (pair) {
  MATCH (r:ExchangeRate {base: pair.base, quote: pair.quote})
  RETURN r.rate AS rate, r.asOf AS asOf
  UNION
  MATCH (r:ExchangeRate {base: pair.quote, quote: pair.base})
  RETURN 1.0 / r.rate AS rate, r.asOf AS asOf
}
WITH pair, rate, asOf ORDER BY asOf DESC
WITH pair, head(collect(rate)) AS rate
RETURN pair.base AS base, pair.quote AS quote, rate
