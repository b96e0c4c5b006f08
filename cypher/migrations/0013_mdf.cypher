// Market development funds (docs/MDF.md): ids are unique for budgets, allocations, fund requests, claims and their
// proofs of performance; budgets list by name, requests by name and by status.
CREATE CONSTRAINT mdf_budget_id IF NOT EXISTS FOR (n:MdfBudget) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT fund_allocation_id IF NOT EXISTS FOR (n:FundAllocation) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT fund_request_id IF NOT EXISTS FOR (n:FundRequest) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT fund_claim_id IF NOT EXISTS FOR (n:FundClaim) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT proof_of_performance_id IF NOT EXISTS FOR (n:ProofOfPerformance) REQUIRE n.id IS UNIQUE;
CREATE INDEX mdf_budget_name_id IF NOT EXISTS FOR (n:MdfBudget) ON (n.name, n.id);
CREATE INDEX fund_request_name_id IF NOT EXISTS FOR (n:FundRequest) ON (n.name, n.id);
CREATE INDEX fund_request_status IF NOT EXISTS FOR (n:FundRequest) ON (n.status);
CREATE INDEX fund_claim_status IF NOT EXISTS FOR (n:FundClaim) ON (n.status);
