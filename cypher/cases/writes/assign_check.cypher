// Is $agentId an enterprise partner agent, is $queueId a queue?
RETURN EXISTS { MATCH (:Person {id: $agentId})-[:EMPLOYED_BY {role: 'PARTNER_AGENT'}]->(:InternalOrg) } AS agentFound,
       EXISTS { MATCH (:Queue {id: $queueId}) } AS queueFound
