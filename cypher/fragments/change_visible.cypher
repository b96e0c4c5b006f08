// needs: $scope
// internal: _changeDeal, _changeCase, _changePartner, _changeAccount, _changeProgram, _changeWebhook, _changeLead, _changeHolder, _changeApplication, _changeBecame, _changeBudget, _changeAllocation, _changeFund
// Is change record {var} visible? Exactly when the entity it is anchored to (its scope and scopeId) is
// visible now, by that entity's own rule; a record marked enterpriseOnly (work notes, SLA policies) only to
// enterprise staff. A deleted deal registration's records (its tombstone) fall back to its partner; a deleted
// webhook's, to enterprise staff. A lead's records also need the partner that held the lead when the record was
// made (its partnerId) in scope, so a partner never reads what happened to a lead before it was routed to them.
// A partner application's: to enterprise admins (who review applications), and once approved to whoever sees the
// partner it became. MDF budgets, allocations and fund requests by their own rules; a fund claim's are its request's.
(NOT {var}.enterpriseOnly OR $scope.enterprise)
AND CASE {var}.scope
  WHEN 'deal' THEN
    CASE WHEN EXISTS { MATCH (_changeDeal:DealRegistration {id: {var}.scopeId}) }
      THEN EXISTS { MATCH (_changeDeal:DealRegistration {id: {var}.scopeId}) WHERE {{deal_visible(_changeDeal)}} }
      ELSE {{deleted_deal_visible({var})}}
    END
  WHEN 'case' THEN EXISTS { MATCH (_changeCase:Case {id: {var}.scopeId}) WHERE {{case_visible(_changeCase)}} }
  WHEN 'partner' THEN EXISTS { MATCH (_changePartner:Partner {id: {var}.scopeId}) WHERE {{partner_visible(_changePartner)}} }
  WHEN 'account' THEN EXISTS { MATCH (_changeAccount:Account {id: {var}.scopeId}) WHERE {{account_visible(_changeAccount)}} }
  WHEN 'program' THEN EXISTS { MATCH (_changeProgram:Program {id: {var}.scopeId}) WHERE {{program_visible(_changeProgram)}} }
  WHEN 'lead' THEN
    EXISTS { MATCH (_changeLead:Lead {id: {var}.scopeId}) WHERE {{lead_visible(_changeLead)}} }
    AND ($scope.all OR EXISTS { MATCH (_changeHolder:Partner {id: {var}.partnerId}) WHERE {{partner_visible(_changeHolder)}} })
  WHEN 'webhook' THEN
    CASE WHEN EXISTS { MATCH (_changeWebhook:Webhook {id: {var}.scopeId}) }
      THEN EXISTS { MATCH (_changeWebhook:Webhook {id: {var}.scopeId}) WHERE {{webhook_visible(_changeWebhook)}} }
      ELSE $scope.enterprise
    END
  WHEN 'application' THEN EXISTS {
    MATCH (_changeApplication:PartnerApplication {id: {var}.scopeId})
    WHERE $scope.persona = 'enterprise-admin' OR EXISTS {
      MATCH (_changeApplication)-[:BECAME]->(_changeBecame:Partner) WHERE {{partner_visible(_changeBecame)}} } }
  WHEN 'budget' THEN EXISTS { MATCH (_changeBudget:MdfBudget {id: {var}.scopeId}) WHERE {{budget_visible(_changeBudget)}} }
  WHEN 'allocation' THEN EXISTS {
    MATCH (_changeAllocation:FundAllocation {id: {var}.scopeId}) WHERE {{fund_allocation_visible(_changeAllocation)}} }
  WHEN 'fund' THEN EXISTS { MATCH (_changeFund:FundRequest {id: {var}.scopeId}) WHERE {{fund_request_visible(_changeFund)}} }
  ELSE $scope.enterprise
END
