// needs: none
// internal: _x, _t, _a
// What is drawn from MDF budget {var} (minor units): the sum of the allocations made from it.
reduce(_t = 0, _x IN COLLECT { MATCH ({var})<-[:DRAWN_FROM]-(_a:FundAllocation) RETURN _a.amount } | _t + _x)
