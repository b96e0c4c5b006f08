// Leads demo: routing rules, partners' specializations, and leads in every state that lasts (REJECTED lasts only
// inside the transaction that routes a rejected lead on; the routing histories below show rejections), with
// hand-offs, a re-routed lead, an expired one and a conversion whose lineage runs on to an order.
// Deadlines run into 2027, so tests with a 2026 clock do not expire them.

UNWIND [
  {id: 'rule-demo-us-crm', name: 'US CRM specialists', priority: 5, countries: ['US'], partnerTypes: [],
   programId: 'prog-reseller', requireSpecialization: true, capacity: 3, acceptHours: 24},
  {id: 'rule-demo-us-resellers', name: 'US resellers', priority: 10, countries: ['US'], partnerTypes: ['RESELLER'],
   programId: 'prog-reseller', requireSpecialization: false, capacity: 5, acceptHours: 48},
  {id: 'rule-demo-europe', name: 'Europe, any partner', priority: 20, countries: ['DE', 'AT', 'FR'], partnerTypes: [],
   programId: null, requireSpecialization: false, capacity: null, acceptHours: 72}
] AS row
CREATE (:LeadRoutingRule {id: row.id, name: row.name, priority: row.priority, active: true, countries: row.countries,
                          partnerTypes: row.partnerTypes, programId: row.programId, segmentIds: [],
                          requireSpecialization: row.requireSpecialization, capacity: row.capacity,
                          acceptHours: row.acceptHours, createdAt: datetime('2026-03-01T09:00:00Z'),
                          updatedAt: datetime('2026-03-01T09:00:00Z'), version: 0});

UNWIND [['p-contoso', 'prod-crm'], ['p-contoso', 'prod-erp'], ['p-fabrikam', 'prod-analytics'],
        ['p-lyon', 'prod-erp']] AS pair
MATCH (p:Partner {id: pair[0]}), (prod:Product {id: pair[1]})
CREATE (p)-[:SPECIALIZES_IN]->(prod);

UNWIND [
  {id: 'lead-demo-new', name: 'Hooli: analytics pilot', company: 'Hooli', contact: 'Gavin Belson', country: 'US',
   amount: 600000, currency: 'USD', source: 'WEBSITE', product: 'prod-analytics', status: 'NEW', reason: null},
  {id: 'lead-demo-unroutable', name: 'Petrobras: ERP upgrade', company: 'Petrobras Digital', contact: 'Ana Souza',
   country: 'BR', amount: 3000000, currency: 'USD', source: 'EVENT', product: 'prod-erp', status: 'NEW',
   reason: 'no active routing rule matches this lead'},
  {id: 'lead-demo-routed', name: 'Stark: analytics', company: 'Stark Industries', contact: 'Pepper Potts', country: 'US',
   amount: 900000, currency: 'USD', source: 'CAMPAIGN', product: 'prod-analytics', status: 'ROUTED', reason: null},
  {id: 'lead-demo-handed', name: 'Wayne: support', company: 'Wayne Enterprises', contact: 'Lucius Fox', country: 'US',
   amount: 200000, currency: 'USD', source: 'REFERRAL', product: 'prod-support', status: 'ROUTED', reason: null},
  {id: 'lead-demo-accepted', name: 'Soylent: CRM', company: 'Soylent Corp', contact: 'Sol Roth', country: 'US',
   amount: 1350000, currency: 'USD', source: 'WEBSITE', product: 'prod-crm', status: 'ACCEPTED', reason: null},
  {id: 'lead-demo-rerouted', name: 'Cyberdyne: ERP', company: 'Cyberdyne Systems', contact: 'Miles Dyson',
   country: 'US', amount: 2400000, currency: 'USD', source: 'EVENT', product: 'prod-erp', status: 'ROUTED',
   reason: null},
  {id: 'lead-demo-expired', name: 'Donau Bank: support', company: 'Donau Bank', contact: 'Lena Huber', country: 'AT',
   amount: 150000, currency: 'EUR', source: 'CAMPAIGN', product: 'prod-support', status: 'EXPIRED',
   reason: 'every partner the matching rules name is at capacity or was offered this lead already'},
  {id: 'lead-demo-converted', name: 'Globex: ERP', company: 'Globex Energy', contact: 'Hank Scorpio', country: 'US',
   amount: 2400000, currency: 'USD', source: 'REFERRAL', product: 'prod-erp', status: 'CONVERTED', reason: null},
  {id: 'lead-demo-disqualified', name: 'Lumière: ERP', company: 'Lumière Retail', contact: 'Claire Martin',
   country: 'FR', amount: 800000, currency: 'EUR', source: 'WEBSITE', product: 'prod-erp', status: 'DISQUALIFIED',
   reason: null}
] AS row
MATCH (by:Person {id: 'demo-enterprise-admin'}), (prod:Product {id: row.product})
CREATE (l:Lead {id: row.id, name: row.name, company: row.company, contactName: row.contact,
                contactEmail: toLower(replace(row.contact, ' ', '.')) + '@' + toLower(split(row.company, ' ')[0]) + '.example',
                country: row.country, estimatedAmount: row.amount, currency: row.currency, source: row.source,
                status: row.status, unroutedReason: row.reason, createdAt: datetime('2026-11-02T09:00:00Z'),
                updatedAt: datetime('2026-11-02T09:00:00Z'), version: 0})
CREATE (l)-[:CREATED_BY]->(by), (l)-[:INTERESTED_IN]->(prod);

// The routing histories: each offer in order (seq), to a partner, by a rule or handed down; the last offer of a
// lead that is ROUTED is PENDING until its deadline.
UNWIND [
  {lead: 'lead-demo-routed', seq: 1, partner: 'p-fabrikam', rule: 'rule-demo-us-resellers', from: null,
   at: '2026-11-30T10:00:00Z', acceptBy: '2027-01-15T10:00:00Z', outcome: 'PENDING', reason: null},
  {lead: 'lead-demo-handed', seq: 2, partner: 'p-fabrikam', rule: 'rule-demo-us-resellers', from: null,
   at: '2026-11-30T11:00:00Z', acceptBy: '2027-01-15T11:00:00Z', outcome: 'HANDED_OFF', reason: null},
  {lead: 'lead-demo-handed', seq: 3, partner: 'p-tailspin', rule: null, from: 'p-fabrikam',
   at: '2026-12-01T09:00:00Z', acceptBy: '2027-01-16T09:00:00Z', outcome: 'PENDING', reason: null},
  {lead: 'lead-demo-accepted', seq: 4, partner: 'p-contoso', rule: 'rule-demo-us-crm', from: null,
   at: '2026-11-20T10:00:00Z', acceptBy: '2026-11-21T10:00:00Z', outcome: 'ACCEPTED', reason: null},
  {lead: 'lead-demo-rerouted', seq: 5, partner: 'p-contoso', rule: 'rule-demo-us-crm', from: null,
   at: '2026-11-25T10:00:00Z', acceptBy: '2026-11-26T10:00:00Z', outcome: 'REJECTED',
   reason: 'No ERP practice in that region this quarter.'},
  {lead: 'lead-demo-rerouted', seq: 6, partner: 'p-proseware', rule: 'rule-demo-us-resellers', from: null,
   at: '2026-11-25T14:00:00Z', acceptBy: '2027-01-20T14:00:00Z', outcome: 'PENDING', reason: null},
  {lead: 'lead-demo-expired', seq: 7, partner: 'p-alpine', rule: 'rule-demo-europe', from: null,
   at: '2026-11-10T09:00:00Z', acceptBy: '2026-11-13T09:00:00Z', outcome: 'TIMED_OUT', reason: null},
  {lead: 'lead-demo-expired', seq: 8, partner: 'p-bergen', rule: 'rule-demo-europe', from: null,
   at: '2026-11-13T09:00:00Z', acceptBy: '2026-11-16T09:00:00Z', outcome: 'REJECTED',
   reason: 'The customer is outside our service area.'},
  {lead: 'lead-demo-converted', seq: 9, partner: 'p-fabrikam', rule: 'rule-demo-us-resellers', from: null,
   at: '2026-11-03T09:00:00Z', acceptBy: '2026-11-05T09:00:00Z', outcome: 'ACCEPTED', reason: null},
  {lead: 'lead-demo-disqualified', seq: 10, partner: 'p-lyon', rule: 'rule-demo-europe', from: null,
   at: '2026-11-04T09:00:00Z', acceptBy: '2026-11-07T09:00:00Z', outcome: 'ACCEPTED', reason: null}
] AS row
MATCH (l:Lead {id: row.lead}), (p:Partner {id: row.partner})
CREATE (l)-[:OFFERED]->(o:LeadOffer {id: 'lo-demo-' + row.seq, seq: row.seq, at: datetime(row.at),
                                     acceptBy: datetime(row.acceptBy), outcome: row.outcome, ruleId: row.rule,
                                     reason: row.reason})-[:TO]->(p)
SET o.closedAt = CASE WHEN row.outcome = 'PENDING' THEN null
                      ELSE datetime(row.at) + duration({hours: 6}) END
WITH l, o, row WHERE row.from IS NOT NULL
MATCH (from:Partner {id: row.from})
CREATE (o)-[:FROM]->(from);

// Who holds each lead now, with the deadline of its pending offer or the moment it was accepted and closed.
MATCH (l:Lead)-[:OFFERED]->(o:LeadOffer)-[:TO]->(p:Partner)
WHERE l.id STARTS WITH 'lead-demo-' AND l.status IN ['ROUTED', 'ACCEPTED', 'CONVERTED', 'DISQUALIFIED']
  AND o.outcome IN ['PENDING', 'ACCEPTED']
CREATE (l)-[:ROUTED_TO]->(p)
SET l.routedAt = o.at, l.acceptHours = duration.between(o.at, o.acceptBy).hours,
    l.acceptBy = CASE WHEN o.outcome = 'PENDING' THEN o.acceptBy END,
    l.acceptedAt = CASE WHEN o.outcome = 'ACCEPTED' THEN o.closedAt END;

MATCH (l:Lead {id: 'lead-demo-expired'}) SET l.closedAt = datetime('2026-11-13T15:00:00Z');
MATCH (l:Lead {id: 'lead-demo-disqualified'})
SET l.closedAt = datetime('2026-11-06T09:00:00Z'), l.disqualifyReason = 'The retailer chose to build in house.';
MATCH (l:Lead {id: 'lead-demo-handed'}), (associate:Person {id: 'demo-partner-associate'})
CREATE (l)-[:ASSIGNED_TO]->(associate);
MATCH (l:Lead {id: 'lead-demo-converted'}), (dr:DealRegistration {id: 'dr-demo-fabrikam-globex'})
CREATE (l)-[:CONVERTED_TO]->(dr)
SET l.closedAt = datetime('2026-11-04T09:00:00Z');

MERGE (n:LeadRouting {id: 'leads'}) ON CREATE SET n.version = 0
SET n.offers = 10;
