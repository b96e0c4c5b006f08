// needs: $filter, sla
// internal: _filterAccount, _filterOpener
// Does case {var} pass $filter (null fields do not filter)? `sla` must be bound to {{case_sla}} of it.
($filter.statuses IS NULL OR {var}.status IN $filter.statuses)
AND ($filter.priorities IS NULL OR {var}.priority IN $filter.priorities)
AND ($filter.open IS NULL OR {{case_open({var})}} = $filter.open)
AND ($filter.accountId IS NULL OR EXISTS { MATCH ({var})-[:FOR_ACCOUNT]->(_filterAccount:Account) WHERE _filterAccount.id = $filter.accountId })
AND ($filter.openedById IS NULL OR EXISTS { MATCH ({var})-[:OPENED_BY]->(_filterOpener:Person) WHERE _filterOpener.id = $filter.openedById })
AND ($filter.breached IS NULL OR sla.breached = $filter.breached)
