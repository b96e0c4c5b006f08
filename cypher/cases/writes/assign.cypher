// Assign a case locked earlier in this transaction to an agent or a queue (exactly one afterwards). It
// reports its `assignee` and `queue` before and after.
MATCH (c:Case {id: $id})
WITH c, head(COLLECT { MATCH (c)-[:FOR_PARTNER]->(p:Partner) RETURN p.id }) AS partnerId,
     c {.*, commentCount: null,
        assignee: head(COLLECT { MATCH (c)-[:ASSIGNED_TO]->(agent:Person) RETURN agent.id ORDER BY agent.id }),
        queue: head(COLLECT { MATCH (c)-[:IN_QUEUE]->(q:Queue) RETURN q.id ORDER BY q.id })} AS before
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
RETURN c.id AS id,
       [{type: 'Case', id: c.id, before: before, partnerId: partnerId,
         after: c {.*, commentCount: null,
                   assignee: head(COLLECT { MATCH (c)-[:ASSIGNED_TO]->(agent:Person) RETURN agent.id }),
                   queue: head(COLLECT { MATCH (c)-[:IN_QUEUE]->(q:Queue) RETURN q.id })}}] AS changes
