// Does partner {var} pass $filter (null fields do not filter)? Used by every partner listing.
($filter.types IS NULL OR {var}.type IN $filter.types)
AND ($filter.statuses IS NULL OR {var}.status IN $filter.statuses)
AND ($filter.countries IS NULL OR {var}.country IN $filter.countries)
AND ($filter.nameContains IS NULL OR toLower({var}.name) CONTAINS toLower($filter.nameContains))
