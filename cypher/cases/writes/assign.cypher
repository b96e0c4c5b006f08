// Assign a case locked earlier in this transaction to an agent or a queue (exactly one afterwards).
MATCH (c:Case {id: $id})
CALL (c) {
  MATCH (c)-[r:ASSIGNED_TO|IN_QUEUE]->()
  DELETE r
}
CALL (c) {
  MATCH (agent:Person {id: $agentId}) CREATE (c)-[:ASSIGNED_TO {at: $now}]->(agent)
}
CALL (c) {
  MATCH (q:Queue {id: $queueId}) CREATE (c)-[:IN_QUEUE {at: $now}]->(q)
}
SET c.updatedAt = $now
RETURN c.id AS id
