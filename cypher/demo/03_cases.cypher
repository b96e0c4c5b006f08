// Partner cases: SLA policies for the Platinum and Bronze reseller segments (the default policies come
// from migration 0006), two queues (the default one worked by the demo partner agent), and cases in
// every state for partners at several depths. Times are fixed in the past, so the demo reads the same
// at any later date: the open cases never responded to or never resolved are breached; the case awaiting
// the partner paused in time and stays within its targets; the resolved and closed ones met theirs.
UNWIND [
  {segment: 'seg-reseller-platinum', name: 'platinum', targets: [['P1', 30, 240], ['P2', 120, 720], ['P3', 240, 2880], ['P4', 720, 7200]]},
  {segment: 'seg-reseller-bronze', name: 'bronze', targets: [['P1', 120, 960], ['P2', 480, 2880], ['P3', 960, 7200], ['P4', 2880, 14400]]}
] AS row
MATCH (seg:Segment {id: row.segment})
UNWIND row.targets AS t
CREATE (seg)-[:HAS_SLA]->(:SlaPolicy {id: 'sla-' + row.name + '-' + toLower(t[0]), isDefault: false, priority: t[0],
                                      responseMinutes: t[1], resolutionMinutes: t[2]});

CREATE (:Queue {id: 'queue-partner-support', name: 'Partner Support', isDefault: true});
CREATE (:Queue {id: 'queue-escalations', name: 'Escalations', isDefault: false});
MATCH (agent:Person {id: 'demo-partner-agent'}), (q:Queue {id: 'queue-partner-support'}) CREATE (agent)-[:WORKS_QUEUE]->(q);

// The cases. `policy` names the SLA policy the case fell under when opened (the partner's best segment
// for the priority, else the default); its targets are copied onto the case.
UNWIND [
  {id: 'case-demo-1', n: 1, partner: 'p-tailspin', account: 'acct-acme', by: 'demo-partner-associate', owner: null,
   subject: 'License activation fails for Acme', category: 'LICENSING', priority: 'P2', status: 'NEW',
   policy: 'sla-bronze-p2', opened: '2025-01-10T09:00:00Z', response: null, resolved: null, closed: null,
   pausedSince: null, paused: 0, agent: null, queue: 'queue-partner-support'},
  {id: 'case-demo-2', n: 2, partner: 'p-fabrikam', account: 'acct-globex', by: 'demo-partner-manager', owner: null,
   subject: 'Outage of the Globex order portal', category: 'TECHNICAL', priority: 'P1', status: 'IN_PROGRESS',
   policy: 'sla-default-p1', opened: '2025-02-01T09:00:00Z', response: '2025-02-01T09:20:00Z', resolved: null,
   closed: null, pausedSince: null, paused: 0, agent: 'demo-partner-agent', queue: null},
  {id: 'case-demo-3', n: 3, partner: 'p-contoso', account: null, by: 'demo-partner-admin', owner: null,
   subject: 'Question about the Q1 rebate statement', category: 'BILLING', priority: 'P3', status: 'AWAITING_PARTNER',
   policy: 'sla-default-p3', opened: '2025-03-03T09:00:00Z', response: '2025-03-03T10:00:00Z', resolved: null,
   closed: null, pausedSince: '2025-03-03T12:00:00Z', paused: 0, agent: null, queue: 'queue-partner-support'},
  {id: 'case-demo-4', n: 4, partner: 'p-northwind', account: 'acct-northstar', by: 'p-northwind-admin', owner: null,
   subject: 'Northstar renewal quote shows the wrong currency', category: 'ORDERING', priority: 'P2', status: 'RESOLVED',
   policy: 'sla-platinum-p2', opened: '2025-04-01T09:00:00Z', response: '2025-04-01T09:30:00Z',
   resolved: '2025-04-01T15:00:00Z', closed: null, pausedSince: '2025-04-01T15:00:00Z', paused: 0,
   agent: 'demo-partner-agent', queue: null},
  {id: 'case-demo-5', n: 5, partner: 'p-litware', account: 'acct-umbrella', by: 'p-litware-associate', owner: 'p-litware-admin',
   subject: 'Training vouchers for Umbrella Health', category: 'TRAINING', priority: 'P4', status: 'CLOSED',
   policy: 'sla-default-p4', opened: '2025-01-20T09:00:00Z', response: '2025-01-20T15:00:00Z',
   resolved: '2025-01-22T09:00:00Z', closed: '2025-01-23T09:00:00Z', pausedSince: '2025-01-22T09:00:00Z', paused: 0,
   agent: 'demo-partner-agent', queue: null},
  {id: 'case-demo-6', n: 6, partner: 'p-alpine', account: 'acct-wiener', by: 'p-alpine-admin', owner: null,
   subject: 'Duplicate of the Wiener onboarding request', category: 'ONBOARDING', priority: 'P3', status: 'CANCELLED',
   policy: 'sla-bronze-p3', opened: '2025-03-10T09:00:00Z', response: null, resolved: null,
   closed: '2025-03-10T10:00:00Z', pausedSince: null, paused: 0, agent: null, queue: 'queue-partner-support'},
  {id: 'case-demo-7', n: 7, partner: 'p-proseware', account: 'acct-acme', by: 'p-proseware-associate', owner: null,
   subject: 'Acme cannot download the installer', category: 'TECHNICAL', priority: 'P3', status: 'IN_PROGRESS',
   policy: 'sla-default-p3', opened: '2025-05-05T09:00:00Z', response: '2025-05-06T09:00:00Z', resolved: null,
   closed: null, pausedSince: null, paused: 7200, agent: null, queue: 'queue-partner-support'},
  {id: 'case-demo-8', n: 8, partner: 'p-kiwi', account: 'acct-kauri', by: 'p-kiwi-admin', owner: null,
   subject: 'Kauri escalation: repeated provisioning failures', category: 'TECHNICAL', priority: 'P1', status: 'NEW',
   policy: 'sla-default-p1', opened: '2025-06-01T09:00:00Z', response: null, resolved: null, closed: null,
   pausedSince: null, paused: 0, agent: null, queue: 'queue-escalations'}
] AS row
MATCH (p:Partner {id: row.partner}), (opener:Person {id: row.by}), (pol:SlaPolicy {id: row.policy})
CREATE (c:Case {id: row.id, number: 'CASE-' + right('000000' + toString(row.n), 6), subject: row.subject,
                description: row.subject + ' (demo case).', category: row.category, priority: row.priority,
                status: row.status, openedAt: datetime(row.opened), firstResponseAt: datetime(row.response),
                resolvedAt: datetime(row.resolved), closedAt: datetime(row.closed),
                pausedSince: datetime(row.pausedSince), pausedSeconds: row.paused,
                updatedAt: coalesce(datetime(row.closed), datetime(row.resolved), datetime(row.pausedSince),
                                    datetime(row.response), datetime(row.opened)),
                responseMinutes: pol.responseMinutes, resolutionMinutes: pol.resolutionMinutes,
                commentCount: 0, version: 0})
CREATE (c)-[:FOR_PARTNER]->(p), (c)-[:OPENED_BY]->(opener), (c)-[:UNDER_SLA]->(pol)
FOREACH (accountId IN CASE WHEN row.account IS NULL THEN [] ELSE [row.account] END |
  MERGE (a:Account {id: accountId}) CREATE (c)-[:FOR_ACCOUNT]->(a))
FOREACH (ownerId IN CASE WHEN row.owner IS NULL THEN [] ELSE [row.owner] END |
  MERGE (o:Person {id: ownerId}) CREATE (c)-[:OWNED_BY]->(o))
FOREACH (agentId IN CASE WHEN row.agent IS NULL THEN [] ELSE [row.agent] END |
  MERGE (ag:Person {id: agentId}) CREATE (c)-[:ASSIGNED_TO {at: datetime(row.opened)}]->(ag))
FOREACH (queueId IN CASE WHEN row.queue IS NULL THEN [] ELSE [row.queue] END |
  MERGE (q:Queue {id: queueId}) CREATE (c)-[:IN_QUEUE {at: datetime(row.opened)}]->(q));

// Comments: partner-visible ones and enterprise work notes (INTERNAL).
UNWIND [
  {case: 'case-demo-2', seq: 1, by: 'demo-partner-agent', visibility: 'PARTNER', at: '2025-02-01T09:20:00Z',
   body: 'We are looking into the outage and will update you within the hour.'},
  {case: 'case-demo-2', seq: 2, by: 'demo-partner-agent', visibility: 'INTERNAL', at: '2025-02-01T09:25:00Z',
   body: 'Root cause likely the expired certificate on the EU gateway; engineering paged.'},
  {case: 'case-demo-2', seq: 3, by: 'demo-partner-manager', visibility: 'PARTNER', at: '2025-02-01T10:00:00Z',
   body: 'Globex reports the portal is still down.'},
  {case: 'case-demo-3', seq: 1, by: 'demo-partner-agent', visibility: 'PARTNER', at: '2025-03-03T12:00:00Z',
   body: 'Please send the invoice numbers the statement should include.'},
  {case: 'case-demo-3', seq: 2, by: 'demo-partner-agent', visibility: 'INTERNAL', at: '2025-03-03T12:05:00Z',
   body: 'Rebate run for Contoso was re-executed on 2025-03-02; check before answering.'}
] AS row
MATCH (c:Case {id: row.case}), (author:Person {id: row.by})
CREATE (cm:CaseComment {id: row.case + '-c' + toString(row.seq), body: row.body, visibility: row.visibility,
                        at: datetime(row.at), seq: row.seq})
CREATE (cm)-[:ON]->(c), (cm)-[:BY]->(author);

MATCH (c:Case) SET c.commentCount = COUNT { (c)<-[:ON]-(:CaseComment) };

MATCH (n:CaseNumbering {id: 'cases'}) SET n.last = 8;
