// needs: $currency, dr, partner, rates
// internal: _path, _ancestors, _n, _x, _d, _a, _prog, _o, _opp, _q, _ord
// A CALL that binds {var} to the bulk export's flat row of the lineage of deal registration dr, registered by
// partner (the layout of gateway/exports/columns.py: one key per column). Datetimes travel as epoch
// microseconds (integers): the driver's temporal hydration costs about 50 µs a value in Python, and the Parquet
// column is that integer; the one date as its ISO text. Amounts are minor units, each with its currency, and
// again in $currency at the rates bound by currency_rates (rounded half-even, as Money.in). The partner's path
// runs from its root down: the upward walk is one row per ancestor (a partner has at most one parent), the
// root the farthest. Each node's properties are read once (properties()), not one property lookup a column;
// the nodes at the end of CONVERTED_TO, FOR, IN, QUOTED_AS and ORDERED_AS have one label, so none is tested.
CALL (dr, partner, rates) {
  OPTIONAL MATCH (dr)-[:CONVERTED_TO]->(_o)
  WITH dr, partner, rates, _o,
       COLLECT { MATCH _path = (_x)-[:PARENT_OF*0..]->(partner) RETURN _x.id ORDER BY length(_path) DESC }
         AS _ancestors,
       head(COLLECT { MATCH (dr)-[:FOR]->(_x) RETURN _x }) AS _a,
       head(COLLECT { MATCH (dr)-[:IN]->(_x) RETURN _x.id }) AS _prog,
       head(COLLECT { MATCH (_o)-[:QUOTED_AS]->(_x {status: 'ACCEPTED'}) RETURN _x }) AS _q
  WITH dr, partner, rates, _ancestors, _a, _prog, _q, properties(dr) AS _d, properties(_o) AS _opp,
       properties(head(COLLECT { MATCH (_q)-[:ORDERED_AS]->(_x) RETURN _x })) AS _ord,
       COUNT { (_o)-[:QUOTED_AS]->() } AS _n
  RETURN {
    registrationId: _d.id, deleted: false, registrationName: _d.name, registrationStatus: _d.status,
    registrationClosureCode: _d.closureCode,
    registrationCreatedAt: _d.createdAt.epochSeconds * 1000000 + _d.createdAt.microsecond,
    registrationSubmittedAt: _d.submittedAt.epochSeconds * 1000000 + _d.submittedAt.microsecond,
    registrationDecidedAt: _d.decidedAt.epochSeconds * 1000000 + _d.decidedAt.microsecond,
    registrationProtectedUntil: _d.protectedUntil.epochSeconds * 1000000 + _d.protectedUntil.microsecond,
    registrationClosedAt: _d.closedAt.epochSeconds * 1000000 + _d.closedAt.microsecond,
    registrationExpectedCloseDate: toString(_d.expectedCloseDate),
    lineageChangedAt: _d.lineageChangedAt.epochSeconds * 1000000 + _d.lineageChangedAt.microsecond,
    estimatedAmount: _d.estimatedAmount, estimatedCurrency: _d.currency, programId: _prog,
    partnerId: partner.id, partnerName: partner.name, partnerType: partner.type,
    partnerPath: _ancestors, rootPartnerId: head(_ancestors),
    accountId: _a.id, accountName: _a.name,
    opportunityId: _opp.id, opportunityStage: _opp.stage, opportunityAmount: _opp.amount,
    opportunityCurrency: _opp.currency,
    opportunityCreatedAt: _opp.createdAt.epochSeconds * 1000000 + _opp.createdAt.microsecond,
    opportunityClosedAt: _opp.closedAt.epochSeconds * 1000000 + _opp.closedAt.microsecond,
    quoteCount: _n,
    acceptedQuoteId: _q.id, acceptedQuoteVersion: _q.version, acceptedQuoteTotal: _q.total,
    acceptedQuoteCurrency: _q.currency,
    orderId: _ord.id, orderStatus: _ord.status, orderTotal: _ord.total, orderCurrency: _ord.currency,
    orderPlacedAt: _ord.placedAt.epochSeconds * 1000000 + _ord.placedAt.microsecond,
    reportingCurrency: $currency,
    estimatedAmountReporting: toInteger(round(_d.estimatedAmount * {{rate_of(_d)}}, 0, 'HALF_EVEN')),
    opportunityAmountReporting: toInteger(round(_opp.amount * {{rate_of(_opp)}}, 0, 'HALF_EVEN')),
    acceptedQuoteTotalReporting: toInteger(round(_q.total * {{rate_of(_q)}}, 0, 'HALF_EVEN')),
    orderTotalReporting: toInteger(round(_ord.total * {{rate_of(_ord)}}, 0, 'HALF_EVEN'))
  } AS {var}
}
