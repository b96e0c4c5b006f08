// needs: $filter
// internal: _filterMembership, _filterProgram, _filterTier, _filterSegment
// Does partner {var} pass $filter (null fields do not filter)? Used by every partner listing.
// Program and segment filters look at partnerships that are not terminated.
($filter.types IS NULL OR {var}.type IN $filter.types)
AND ($filter.statuses IS NULL OR {var}.status IN $filter.statuses)
AND ($filter.countries IS NULL OR {var}.country IN $filter.countries)
AND ($filter.nameContains IS NULL OR toLower({var}.name) CONTAINS toLower($filter.nameContains))
AND ($filter.programIds IS NULL OR EXISTS {
       MATCH ({var})-[:HAS]->(_filterMembership:Partnership)-[:IN]->(_filterProgram:Program)
       WHERE _filterProgram.id IN $filter.programIds AND _filterMembership.status <> 'TERMINATED' })
AND ($filter.segmentIds IS NULL OR EXISTS {
       MATCH ({var})-[:HAS]->(_filterTier:Partnership)-[:AT]->(_filterSegment:Segment)
       WHERE _filterSegment.id IN $filter.segmentIds AND _filterTier.status <> 'TERMINATED' })
