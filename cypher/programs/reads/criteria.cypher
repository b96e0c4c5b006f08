// The criteria a partner must meet for each segment (of a visible program), by metric.
UNWIND $segmentIds AS segmentId
MATCH (prog:Program)-[:HAS_SEGMENT]->(:Segment {id: segmentId})-[:REQUIRES]->(c:Criterion)
WHERE {{program_visible(prog)}}
WITH segmentId, c ORDER BY c.metric, c.id
RETURN segmentId, collect(c {.id, .metric, .operator, .threshold}) AS criteria
