// needs: none
// internal: _x
// The last day (a date, UTC) a claim against fund request {var} may be submitted: its activity's end date plus the
// claim days of the budget its allocation draws on.
{var}.endDate + duration({days: head(COLLECT {
  MATCH ({var})-[:DRAWS_ON]->(:FundAllocation)-[:DRAWN_FROM*1..]->(_x:MdfBudget) RETURN _x.claimDays })})
