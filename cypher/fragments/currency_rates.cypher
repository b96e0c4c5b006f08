// A CALL that binds {var} to the rate of every currency into $currency: [{currency, rate}], $currency
// itself at 1.0, each other currency at the latest ExchangeRate of its pair, direct or as the inverse of
// the opposite pair, whichever is newer (as Money.in converts). Spread once at the top of an aggregate
// (`{{...currency_rates(rates)}}`) and read per record with rate_of: the rates are looked up once per
// query, not once per record.
CALL {
  MATCH (r:ExchangeRate) WHERE r.quote = $currency OR r.base = $currency
  WITH CASE WHEN r.quote = $currency THEN r.base ELSE r.quote END AS other,
       CASE WHEN r.quote = $currency THEN r.rate ELSE 1.0 / r.rate END AS rate, r.asOf AS asOf
  ORDER BY asOf DESC
  WITH other, head(collect(rate)) AS rate
  RETURN [{currency: $currency, rate: 1.0}] + collect({currency: other, rate: rate}) AS {var}
}
