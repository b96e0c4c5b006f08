// needs: none
// internal: _x, _t, _r
// What is committed against fund allocation {var} (minor units): the approved amounts of its APPROVED fund requests
// (a cancellation releases them).
reduce(_t = 0, _x IN COLLECT { MATCH ({var})<-[:DRAWS_ON]-(_r:FundRequest {status: 'APPROVED'}) RETURN _r.approvedAmount } | _t + _x)
