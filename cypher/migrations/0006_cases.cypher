// Cases: ids and human-readable numbers are unique; queues, comments and SLA policies get id
// constraints; listings sort by number, comment pages by their sequence within the case.
CREATE CONSTRAINT case_number IF NOT EXISTS FOR (n:Case) REQUIRE n.number IS UNIQUE;
CREATE CONSTRAINT case_comment_id IF NOT EXISTS FOR (n:CaseComment) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT queue_id IF NOT EXISTS FOR (n:Queue) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT sla_policy_id IF NOT EXISTS FOR (n:SlaPolicy) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT case_numbering_id IF NOT EXISTS FOR (n:CaseNumbering) REQUIRE n.id IS UNIQUE;
CREATE INDEX case_status IF NOT EXISTS FOR (n:Case) ON (n.status);
CREATE INDEX sla_policy_default IF NOT EXISTS FOR (n:SlaPolicy) ON (n.isDefault, n.priority);
// The default SLA targets (minutes) per priority, used when a partner's segments set none; and the
// counter behind case numbers (CASE-000001, ...).
UNWIND [{priority: 'P1', response: 60, resolution: 480}, {priority: 'P2', response: 240, resolution: 1440},
        {priority: 'P3', response: 480, resolution: 4320}, {priority: 'P4', response: 1440, resolution: 10080}] AS row
MERGE (pol:SlaPolicy {id: 'sla-default-' + toLower(row.priority)})
  ON CREATE SET pol.isDefault = true, pol.priority = row.priority, pol.responseMinutes = row.response,
                pol.resolutionMinutes = row.resolution;
MERGE (n:CaseNumbering {id: 'cases'}) ON CREATE SET n.last = 0;
