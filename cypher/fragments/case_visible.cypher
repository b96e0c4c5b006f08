// Is case {var} visible to the viewer ($scope)? Enterprise admin and executive: every case. Partner
// agent: cases assigned to them or in a queue they work. Partner associate: cases they opened or own.
// Relationship manager, partner admin and manager: cases of a partner inside their partner scope.
CASE
  WHEN $scope.persona = 'partner-agent' THEN
    EXISTS { MATCH ({var})-[:ASSIGNED_TO]->(caseAgent:Person) WHERE caseAgent.id = $scope.person }
    OR EXISTS { MATCH ({var})-[:IN_QUEUE]->(:Queue)<-[:WORKS_QUEUE]-(queueAgent:Person) WHERE queueAgent.id = $scope.person }
  WHEN $scope.all THEN true
  WHEN $scope.ownOnly THEN
    EXISTS { MATCH ({var})-[:OPENED_BY|OWNED_BY]->(caseOwn:Person) WHERE caseOwn.id = $scope.person }
  ELSE EXISTS { MATCH ({var})-[:FOR_PARTNER]->(casePartner:Partner) WHERE {{partner_visible(casePartner)}} }
END
