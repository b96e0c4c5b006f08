// A small, realistic demo channel, loaded into an empty local database by `make serve`.
// Demo people have ids `demo-<persona>`; `partnergraph token --demo PERSONA` mints their tokens.

UNWIND [
  {id: 'io-channel', name: 'Global Channel Sales'},
  {id: 'io-services', name: 'Partner Services'}
] AS row
CREATE (:InternalOrg {id: row.id, name: row.name});

UNWIND [
  {id: 'p-northwind', name: 'Northwind Distribution', type: 'DISTRIBUTOR', status: 'ACTIVE', country: 'US', currency: 'USD', parent: null},
  {id: 'p-contoso', name: 'Contoso Resellers', type: 'RESELLER', status: 'ACTIVE', country: 'US', currency: 'USD', parent: 'p-northwind'},
  {id: 'p-fabrikam', name: 'Fabrikam Solutions', type: 'RESELLER', status: 'ACTIVE', country: 'US', currency: 'USD', parent: 'p-contoso'},
  {id: 'p-tailspin', name: 'Tailspin IT', type: 'RESELLER', status: 'ACTIVE', country: 'US', currency: 'USD', parent: 'p-fabrikam'},
  {id: 'p-wingtip', name: 'Wingtip Local', type: 'FRANCHISE', status: 'PROSPECT', country: 'US', currency: 'USD', parent: 'p-tailspin'},
  {id: 'p-litware', name: 'Litware Services', type: 'SERVICE_PROVIDER', status: 'ACTIVE', country: 'CA', currency: 'CAD', parent: 'p-fabrikam'},
  {id: 'p-adatum', name: 'Adatum Systems', type: 'SYSTEM_INTEGRATOR', status: 'SUSPENDED', country: 'US', currency: 'USD', parent: 'p-contoso'},
  {id: 'p-proseware', name: 'Proseware Partners', type: 'RESELLER', status: 'ACTIVE', country: 'US', currency: 'USD', parent: 'p-northwind'},
  {id: 'p-lucerne', name: 'Lucerne Referral Network', type: 'REFERRAL', status: 'ACTIVE', country: 'US', currency: 'USD', parent: 'p-proseware'},
  {id: 'p-eurolink', name: 'Eurolink Distribution', type: 'DISTRIBUTOR', status: 'ACTIVE', country: 'DE', currency: 'EUR', parent: null},
  {id: 'p-alpine', name: 'Alpine Reseller GmbH', type: 'RESELLER', status: 'ACTIVE', country: 'AT', currency: 'EUR', parent: 'p-eurolink'},
  {id: 'p-bergen', name: 'Bergen IT Partner', type: 'RESELLER', status: 'ACTIVE', country: 'AT', currency: 'EUR', parent: 'p-alpine'},
  {id: 'p-lyon', name: 'Lyon Integration SARL', type: 'SYSTEM_INTEGRATOR', status: 'ACTIVE', country: 'FR', currency: 'EUR', parent: 'p-eurolink'},
  {id: 'p-pacific', name: 'Pacific Channel Group', type: 'DISTRIBUTOR', status: 'ACTIVE', country: 'AU', currency: 'AUD', parent: null},
  {id: 'p-harbour', name: 'Harbour Resellers', type: 'RESELLER', status: 'TERMINATED', country: 'AU', currency: 'AUD', parent: 'p-pacific'},
  {id: 'p-kiwi', name: 'Kiwi Cloud Services', type: 'SERVICE_PROVIDER', status: 'ACTIVE', country: 'NZ', currency: 'NZD', parent: 'p-pacific'},
  {id: 'p-oemtech', name: 'OEM Technologies Inc', type: 'OEM', status: 'ACTIVE', country: 'US', currency: 'USD', parent: null},
  {id: 'p-blueyonder', name: 'Blue Yonder Consulting', type: 'SYSTEM_INTEGRATOR', status: 'PROSPECT', country: 'GB', currency: 'GBP', parent: null}
] AS row
CREATE (p:Partner {id: row.id, name: row.name, type: row.type, status: row.status, country: row.country,
                   currency: row.currency, createdAt: datetime('2024-01-15T09:00:00Z')})
WITH p, row WHERE row.parent IS NOT NULL
MATCH (parent:Partner {id: row.parent})
CREATE (parent)-[:PARENT_OF]->(p);

// Enterprise staff, one of each persona, plus the demo partner staff.
UNWIND [
  {id: 'demo-enterprise-admin', name: 'Ada Admin', email: 'ada.admin@enterprise.example', org: 'io-channel', role: 'ADMIN'},
  {id: 'demo-enterprise-executive', name: 'Evan Executive', email: 'evan.exec@enterprise.example', org: 'io-channel', role: 'EXECUTIVE'},
  {id: 'demo-relationship-manager', name: 'Rita Relationship', email: 'rita.rm@enterprise.example', org: 'io-channel', role: 'RELATIONSHIP_MANAGER'},
  {id: 'demo-partner-agent', name: 'Paco Agent', email: 'paco.agent@enterprise.example', org: 'io-services', role: 'PARTNER_AGENT'}
] AS row
MATCH (org:InternalOrg {id: row.org})
CREATE (:Person {id: row.id, name: row.name, email: row.email})-[:EMPLOYED_BY {role: row.role}]->(org);

MATCH (rm:Person {id: 'demo-relationship-manager'}), (p:Partner) WHERE p.id IN ['p-northwind', 'p-oemtech']
CREATE (rm)-[:MANAGES]->(p);

UNWIND [
  {id: 'demo-partner-admin', name: 'Carla Contoso', email: 'carla@contoso.example', partner: 'p-contoso', role: 'ADMIN'},
  {id: 'demo-partner-manager', name: 'Frank Fabrikam', email: 'frank@fabrikam.example', partner: 'p-fabrikam', role: 'MANAGER'},
  {id: 'demo-partner-associate', name: 'Tina Tailspin', email: 'tina@tailspin.example', partner: 'p-tailspin', role: 'ASSOCIATE'}
] AS row
MATCH (p:Partner {id: row.partner})
CREATE (:Person {id: row.id, name: row.name, email: row.email})-[:MEMBER_OF {role: row.role}]->(p);

// Every other partner gets an admin and an associate.
MATCH (p:Partner)
UNWIND [['ADMIN', 'admin'], ['ASSOCIATE', 'associate']] AS role
CREATE (:Person {id: p.id + '-' + role[1], name: p.name + ' ' + role[1], email: role[1] + '@' + substring(p.id, 2) + '.example'})
       -[:MEMBER_OF {role: role[0]}]->(p);

// A manager for a few partners that had none, so partner staff of every role exist.
MATCH (p:Partner) WHERE p.id IN ['p-northwind', 'p-eurolink', 'p-pacific', 'p-kiwi']
CREATE (:Person {id: p.id + '-manager', name: p.name + ' manager', email: 'manager@' + substring(p.id, 2) + '.example'})
       -[:MEMBER_OF {role: 'MANAGER'}]->(p);

// Partner programs with their segments (rank 1 = top, one default each) and segment criteria, on the metrics
// the segment evaluation knows (CriterionMetric, docs/INSIGHTS.md). Premier's customerSatisfaction is kept on
// purpose, as a criterion stored before metrics were checked (the API refuses it now): the graph holds no
// satisfaction scores, so it reads NOT_EVALUABLE and shows how such a criterion blocks an upgrade.
UNWIND [
  {id: 'prog-reseller', name: 'Reseller Program', kind: 'RESELLER', status: 'APPROVED', org: 'io-channel',
   start: '2024-01-01', end: null, segments: [
     {id: 'seg-reseller-platinum', name: 'Platinum', rank: 1, isDefault: false, criteria: [
       {metric: 'REVENUE', operator: 'GTE', threshold: 1000000.0}, {metric: 'WIN_RATE', operator: 'GTE', threshold: 0.5},
       {metric: 'SLA_ATTAINMENT', operator: 'GTE', threshold: 0.9}]},
     {id: 'seg-reseller-gold', name: 'Gold', rank: 2, isDefault: false, criteria: [
       {metric: 'REVENUE', operator: 'GTE', threshold: 250000.0}, {metric: 'ORDERS', operator: 'GTE', threshold: 3.0}]},
     {id: 'seg-reseller-silver', name: 'Silver', rank: 3, isDefault: false, criteria: [
       {metric: 'REVENUE', operator: 'GTE', threshold: 50000.0}]},
     {id: 'seg-reseller-bronze', name: 'Bronze', rank: 4, isDefault: true, criteria: []}]},
  {id: 'prog-services', name: 'Service Provider Program', kind: 'SERVICE_PROVIDER', status: 'APPROVED', org: 'io-services',
   start: '2024-03-01', end: null, segments: [
     {id: 'seg-services-premier', name: 'Premier', rank: 1, isDefault: false, criteria: [
       {metric: 'REVENUE', operator: 'GTE', threshold: 50000.0}, {metric: 'customerSatisfaction', operator: 'GTE', threshold: 4.5}]},
     {id: 'seg-services-advanced', name: 'Advanced', rank: 2, isDefault: false, criteria: [
       {metric: 'SLA_ATTAINMENT', operator: 'GTE', threshold: 0.9}]},
     {id: 'seg-services-registered', name: 'Registered', rank: 3, isDefault: true, criteria: []}]},
  {id: 'prog-build', name: 'Build Program', kind: 'BUILD', status: 'DRAFT', org: 'io-channel',
   start: '2025-01-01', end: null, segments: [
     {id: 'seg-build-member', name: 'Member', rank: 1, isDefault: true, criteria: [
       {metric: 'ORDERS', operator: 'GTE', threshold: 1.0}]}]},
  {id: 'prog-training', name: 'Authorized Training Program', kind: 'AUTHORIZED_TRAINING', status: 'RETIRED', org: 'io-services',
   start: '2022-01-01', end: '2024-12-31', segments: [
     {id: 'seg-training-certified', name: 'Certified', rank: 1, isDefault: true, criteria: [
       {metric: 'STAFF_COUNT', operator: 'GTE', threshold: 2.0}]}]}
] AS row
MATCH (org:InternalOrg {id: row.org})
CREATE (org)-[:RUNS]->(prog:Program {id: row.id, name: row.name, kind: row.kind, status: row.status,
                                     startDate: date(row.start), endDate: date(row.end),
                                     createdAt: datetime('2024-01-01T09:00:00Z')})
FOREACH (seg IN row.segments |
  CREATE (prog)-[:HAS_SEGMENT]->(s:Segment {id: seg.id, name: seg.name, rank: seg.rank, isDefault: seg.isDefault})
  FOREACH (c IN seg.criteria |
    CREATE (s)-[:REQUIRES]->(:Criterion {id: seg.id + '-' + toLower(c.metric), metric: c.metric, operator: c.operator,
                                         threshold: c.threshold})));

// Partnerships in every status, at several depths of the hierarchy; each with its segment history
// (the last entry is the current segment, AT). A TERMINATED one keeps its last segment, closed.
UNWIND [
  {id: 'ps-northwind-reseller', partner: 'p-northwind', program: 'prog-reseller', status: 'ACTIVE',
   created: '2024-02-01T09:00:00Z', onboarded: '2024-02-15T09:00:00Z', offboarded: null, history: [
     {segment: 'seg-reseller-bronze', from: '2024-02-01T09:00:00Z', until: '2024-06-01T09:00:00Z', reason: 'onboarding'},
     {segment: 'seg-reseller-gold', from: '2024-06-01T09:00:00Z', until: '2025-01-10T09:00:00Z', reason: 'mid-year review'},
     {segment: 'seg-reseller-platinum', from: '2025-01-10T09:00:00Z', until: null, reason: 'annual review: revenue above 1M'}]},
  {id: 'ps-contoso-reseller', partner: 'p-contoso', program: 'prog-reseller', status: 'ACTIVE',
   created: '2024-02-05T09:00:00Z', onboarded: '2024-02-20T09:00:00Z', offboarded: null, history: [
     {segment: 'seg-reseller-gold', from: '2024-02-05T09:00:00Z', until: null, reason: 'onboarding'}]},
  {id: 'ps-fabrikam-reseller', partner: 'p-fabrikam', program: 'prog-reseller', status: 'ACTIVE',
   created: '2024-03-01T09:00:00Z', onboarded: '2024-03-10T09:00:00Z', offboarded: null, history: [
     {segment: 'seg-reseller-bronze', from: '2024-03-01T09:00:00Z', until: '2024-09-01T09:00:00Z', reason: 'onboarding'},
     {segment: 'seg-reseller-silver', from: '2024-09-01T09:00:00Z', until: null, reason: 'revenue above 50k'}]},
  {id: 'ps-tailspin-reseller', partner: 'p-tailspin', program: 'prog-reseller', status: 'PENDING',
   created: '2025-02-01T09:00:00Z', onboarded: null, offboarded: null, history: [
     {segment: 'seg-reseller-bronze', from: '2025-02-01T09:00:00Z', until: null, reason: 'onboarding'}]},
  {id: 'ps-adatum-reseller', partner: 'p-adatum', program: 'prog-reseller', status: 'SUSPENDED',
   created: '2024-04-01T09:00:00Z', onboarded: '2024-04-15T09:00:00Z', offboarded: null, history: [
     {segment: 'seg-reseller-bronze', from: '2024-04-01T09:00:00Z', until: null, reason: 'onboarding'}]},
  {id: 'ps-litware-services', partner: 'p-litware', program: 'prog-services', status: 'ACTIVE',
   created: '2024-03-15T09:00:00Z', onboarded: '2024-04-01T09:00:00Z', offboarded: null, history: [
     {segment: 'seg-services-advanced', from: '2024-03-15T09:00:00Z', until: null, reason: 'onboarding'}]},
  {id: 'ps-eurolink-reseller', partner: 'p-eurolink', program: 'prog-reseller', status: 'ACTIVE',
   created: '2024-02-10T09:00:00Z', onboarded: '2024-02-28T09:00:00Z', offboarded: null, history: [
     {segment: 'seg-reseller-gold', from: '2024-02-10T09:00:00Z', until: null, reason: 'onboarding'}]},
  {id: 'ps-alpine-reseller', partner: 'p-alpine', program: 'prog-reseller', status: 'PENDING',
   created: '2025-03-01T09:00:00Z', onboarded: null, offboarded: null, history: [
     {segment: 'seg-reseller-bronze', from: '2025-03-01T09:00:00Z', until: null, reason: 'onboarding'}]},
  {id: 'ps-bergen-reseller', partner: 'p-bergen', program: 'prog-reseller', status: 'TERMINATED',
   created: '2024-02-12T09:00:00Z', onboarded: '2024-03-01T09:00:00Z', offboarded: '2024-11-30T09:00:00Z', history: [
     {segment: 'seg-reseller-silver', from: '2024-02-12T09:00:00Z', until: '2024-11-30T09:00:00Z', reason: 'onboarding'}]},
  {id: 'ps-kiwi-services', partner: 'p-kiwi', program: 'prog-services', status: 'ACTIVE',
   created: '2024-03-20T09:00:00Z', onboarded: '2024-04-05T09:00:00Z', offboarded: null, history: [
     {segment: 'seg-services-registered', from: '2024-03-20T09:00:00Z', until: '2024-10-01T09:00:00Z', reason: 'onboarding'},
     {segment: 'seg-services-premier', from: '2024-10-01T09:00:00Z', until: null, reason: 'managed seats above 5,000'}]},
  {id: 'ps-harbour-reseller', partner: 'p-harbour', program: 'prog-reseller', status: 'TERMINATED',
   created: '2024-01-20T09:00:00Z', onboarded: '2024-02-01T09:00:00Z', offboarded: '2024-08-01T09:00:00Z', history: [
     {segment: 'seg-reseller-bronze', from: '2024-01-20T09:00:00Z', until: '2024-08-01T09:00:00Z', reason: 'onboarding'}]},
  {id: 'ps-oemtech-training', partner: 'p-oemtech', program: 'prog-training', status: 'TERMINATED',
   created: '2022-02-01T09:00:00Z', onboarded: '2022-02-15T09:00:00Z', offboarded: '2024-12-31T09:00:00Z', history: [
     {segment: 'seg-training-certified', from: '2022-02-01T09:00:00Z', until: '2024-12-31T09:00:00Z', reason: 'onboarding'}]}
] AS row
MATCH (p:Partner {id: row.partner}), (prog:Program {id: row.program})
CREATE (p)-[:HAS]->(ps:Partnership {id: row.id, status: row.status, createdAt: datetime(row.created),
                                    onboardedAt: datetime(row.onboarded), offboardedAt: datetime(row.offboarded)})
       -[:IN]->(prog)
WITH ps, row
UNWIND range(0, size(row.history) - 1) AS n
WITH ps, row, n, row.history[n] AS entry
MATCH (seg:Segment {id: entry.segment})
CREATE (ps)-[:HAD]->(:SegmentAssignment {id: row.id + '-' + (n + 1), from: datetime(entry.from), until: datetime(entry.until),
                                         reason: entry.reason, assignedBy: 'demo-enterprise-admin'})-[:OF]->(seg)
FOREACH (_ IN CASE WHEN n = size(row.history) - 1 THEN [1] ELSE [] END |
  CREATE (ps)-[:AT {since: datetime(entry.from)}]->(seg));

// End-customer accounts; some are served by more than one partner (deal conflicts need that).
UNWIND [
  {id: 'acct-acme', name: 'Acme Manufacturing', country: 'US', industry: 'Manufacturing', partners: ['p-tailspin', 'p-proseware']},
  {id: 'acct-globex', name: 'Globex Energy', country: 'US', industry: 'Energy', partners: ['p-fabrikam']},
  {id: 'acct-initech', name: 'Initech Software', country: 'US', industry: 'Software', partners: ['p-contoso', 'p-litware']},
  {id: 'acct-umbrella', name: 'Umbrella Health', country: 'CA', industry: 'Healthcare', partners: ['p-litware']},
  {id: 'acct-wiener', name: 'Wiener Logistik', country: 'AT', industry: 'Logistics', partners: ['p-alpine', 'p-bergen']},
  {id: 'acct-lumiere', name: 'Lumière Retail', country: 'FR', industry: 'Retail', partners: ['p-lyon']},
  {id: 'acct-kauri', name: 'Kauri Telecom', country: 'NZ', industry: 'Telecommunications', partners: ['p-kiwi']},
  {id: 'acct-northstar', name: 'Northstar Bank', country: 'US', industry: 'Financial services', partners: ['p-northwind', 'p-oemtech']}
] AS row
CREATE (a:Account {id: row.id, name: row.name, country: row.country, industry: row.industry,
                   createdAt: datetime('2024-03-01T09:00:00Z')})
WITH a, row
UNWIND row.partners AS partnerId
MATCH (p:Partner {id: partnerId})
CREATE (p)-[:SERVES {since: datetime('2024-03-01T09:00:00Z')}]->(a);
