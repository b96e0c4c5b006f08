// Case setup: the default SLA policies and the case counter as migration 0006 creates them (MERGE, so
// they survive a wipe), faster policies for a few top segments, the queues and the agents working them.
UNWIND $policies AS row
MERGE (pol:SlaPolicy {id: row.id})
  ON CREATE SET pol.isDefault = row.isDefault, pol.priority = row.priority, pol.responseMinutes = row.responseMinutes,
                pol.resolutionMinutes = row.resolutionMinutes
WITH pol, row WHERE row.segmentId IS NOT NULL
MATCH (s:Segment {id: row.segmentId})
MERGE (s)-[:HAS_SLA]->(pol)
WITH count(*) AS policies
MERGE (n:CaseNumbering {id: 'cases'}) ON CREATE SET n.last = 0
WITH count(*) AS counters
UNWIND $queues AS row
MERGE (q:Queue {id: row.id}) ON CREATE SET q.name = row.name, q.isDefault = row.isDefault
WITH count(*) AS queues
UNWIND $works AS row
MATCH (agent:Person {id: row.agentId}), (q:Queue {id: row.queueId})
MERGE (agent)-[:WORKS_QUEUE]->(q)
