// The conflicts recorded on each visible registration, either way round. The competing registration
// is returned only when the viewer may see it (its id otherwise stays hidden).
UNWIND $ids AS registrationId
MATCH (dr:DealRegistration {id: registrationId})-[c:CONFLICTS_WITH]-(other:DealRegistration)
WHERE {{deal_visible(dr)}}
WITH registrationId, c, other, {{deal_visible(other)}} AS otherVisible
ORDER BY c.detectedAt, other.id
RETURN registrationId, collect({detectedAt: c.detectedAt, reason: c.reason,
                                otherId: CASE WHEN otherVisible THEN other.id END}) AS conflicts
