// Does case {var} pass $filter (null fields do not filter)? `sla` must be bound to {{case_sla}} of it.
($filter.statuses IS NULL OR {var}.status IN $filter.statuses)
AND ($filter.priorities IS NULL OR {var}.priority IN $filter.priorities)
AND ($filter.open IS NULL OR ({var}.status IN ['NEW', 'IN_PROGRESS', 'AWAITING_PARTNER']) = $filter.open)
AND ($filter.accountId IS NULL OR EXISTS { MATCH ({var})-[:FOR_ACCOUNT]->(filterAccount:Account) WHERE filterAccount.id = $filter.accountId })
AND ($filter.openedById IS NULL OR EXISTS { MATCH ({var})-[:OPENED_BY]->(filterOpener:Person) WHERE filterOpener.id = $filter.openedById })
AND ($filter.breached IS NULL OR sla.breached = $filter.breached)
