// needs: $scope
// internal: _caseAgent, _queueAgent, _caseOwn, _casePartner
// Is case {var} visible to the viewer ($scope)? Enterprise admin and executive: every case. Partner
// agent: cases assigned to them or in a queue they work. Partner associate: cases they opened or own.
// Relationship manager, partner admin and manager: cases of a partner inside their partner scope.
CASE
  WHEN $scope.persona = 'partner-agent' THEN
    EXISTS { MATCH ({var})-[:ASSIGNED_TO]->(_caseAgent:Person) WHERE _caseAgent.id = $scope.person }
    OR EXISTS { MATCH ({var})-[:IN_QUEUE]->(:Queue)<-[:WORKS_QUEUE]-(_queueAgent:Person) WHERE _queueAgent.id = $scope.person }
  WHEN $scope.all THEN true
  WHEN $scope.ownOnly THEN
    EXISTS { MATCH ({var})-[:OPENED_BY|OWNED_BY]->(_caseOwn:Person) WHERE _caseOwn.id = $scope.person }
  ELSE EXISTS { MATCH ({var})-[:FOR_PARTNER]->(_casePartner:Partner) WHERE {{partner_visible(_casePartner)}} }
END
