// needs: none
// internal: _x, _t, _a
// What fund allocation {var} passed down (minor units): the sum of the sub-allocations drawn from it.
reduce(_t = 0, _x IN COLLECT { MATCH ({var})<-[:DRAWN_FROM]-(_a:FundAllocation) RETURN _a.amount } | _t + _x)
