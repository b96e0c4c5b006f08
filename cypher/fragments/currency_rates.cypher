// needs: $currency
// internal: _r, _other, _rate, _asOf
// A CALL that binds {var} to the rate of every currency into $currency: [{currency, rate}], $currency
// itself at 1.0, each other currency at the latest ExchangeRate of its pair, direct or as the inverse of
// the opposite pair, whichever is newer (as Money.in converts). Spread once at the top of an aggregate
// (`{{...currency_rates(rates)}}`) and read per record with rate_of: the rates are looked up once per
// query, not once per record.
CALL {
  MATCH (_r:ExchangeRate) WHERE _r.quote = $currency OR _r.base = $currency
  WITH CASE WHEN _r.quote = $currency THEN _r.base ELSE _r.quote END AS _other,
       CASE WHEN _r.quote = $currency THEN _r.rate ELSE 1.0 / _r.rate END AS _rate, _r.asOf AS _asOf
  ORDER BY _asOf DESC
  WITH _other, head(collect(_rate)) AS _rate
  RETURN [{currency: $currency, rate: 1.0}] + collect({currency: _other, rate: _rate}) AS {var}
}
