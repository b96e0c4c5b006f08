// Retention of the change log (docs/CHANGES.md, "Retention"): one ChangeSummary per entity whose records were
// pruned, and the ChangeRetention node every prune batch locks first, so that two prunes run one after the
// other. Unique constraints, because both are MERGEd: the constraint is what makes a concurrent MERGE safe.
CREATE CONSTRAINT change_summary_entity IF NOT EXISTS FOR (n:ChangeSummary) REQUIRE (n.entityType, n.entityId) IS UNIQUE;
CREATE CONSTRAINT change_retention_name IF NOT EXISTS FOR (n:ChangeRetention) REQUIRE n.name IS UNIQUE;
