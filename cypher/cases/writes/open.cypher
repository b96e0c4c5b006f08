// Open a case (checked already): the next number, its links, the SLA targets of its policy copied onto
// it (later policy changes do not move the targets of open cases), and the default queue if there is one.
// It reports the case created, with its links as fields (`commentCount` is left out of every case report: a
// comment is its own record, and a work note must not show on the partner-visible case).
MATCH (numbering:CaseNumbering {id: 'cases'})
SET numbering.last = numbering.last + 1
WITH numbering.last AS n
MATCH (p:Partner {id: $partnerId}), (opener:Person {id: $openedBy}), (pol:SlaPolicy {id: $policyId})
CREATE (c:Case {id: $id, number: 'CASE-' + right('000000' + toString(n), 6), subject: $subject,
                description: $description, category: $category, priority: $priority, status: 'NEW',
                openedAt: $now, updatedAt: $now, pausedSeconds: 0, commentCount: 0, version: 0,
                responseMinutes: pol.responseMinutes, resolutionMinutes: pol.resolutionMinutes})
CREATE (c)-[:FOR_PARTNER]->(p), (c)-[:OPENED_BY]->(opener), (c)-[:UNDER_SLA]->(pol)
WITH c
CALL (c) {
  MATCH (a:Account {id: $accountId}) CREATE (c)-[:FOR_ACCOUNT]->(a)
}
CALL (c) {
  CALL () {
    MATCH (x:Product {id: $aboutId}) WHERE $aboutLabel = 'Product' RETURN x
    UNION
    MATCH (x:Order {id: $aboutId}) WHERE $aboutLabel = 'Order' RETURN x
    UNION
    MATCH (x:DealRegistration {id: $aboutId}) WHERE $aboutLabel = 'DealRegistration' RETURN x
  }
  CREATE (c)-[:ABOUT]->(x)
}
CALL (c) {
  MATCH (owner:Person {id: $ownerId}) CREATE (c)-[:OWNED_BY]->(owner)
}
CALL (c) {
  MATCH (q:Queue {isDefault: true}) WITH q ORDER BY q.id LIMIT 1 CREATE (c)-[:IN_QUEUE]->(q)
}
RETURN c.id AS id,
       [{type: 'Case', id: c.id, before: null, partnerId: $partnerId,
         after: c {.*, commentCount: null, partner: $partnerId, openedBy: $openedBy, slaPolicy: $policyId,
                   account: head(COLLECT { MATCH (c)-[:FOR_ACCOUNT]->(a:Account) RETURN a.id }),
                   about: head(COLLECT { MATCH (c)-[:ABOUT]->(x) RETURN x.id }),
                   aboutType: head(COLLECT { MATCH (c)-[:ABOUT]->(x) RETURN $aboutLabel }),
                   owner: head(COLLECT { MATCH (c)-[:OWNED_BY]->(owner:Person) RETURN owner.id }),
                   queue: head(COLLECT { MATCH (c)-[:IN_QUEUE]->(q:Queue) RETURN q.id })}}] AS changes
