// Market development funds (docs/MDF.md): a USD budget of the reseller program passed down Northwind's hierarchy
// (Northwind → Contoso → Fabrikam → Tailspin, and Northwind → Proseware), a EUR budget for Eurolink; fund requests
// and claims in every state. Amounts are minor units.
UNWIND [
  {id: 'mdfb-demo-reseller-h2', name: 'Reseller MDF FY2026 H2', period: 'FY2026-H2', start: '2026-07-01',
   end: '2026-12-31', currency: 'USD', amount: 20000000, claimDays: 60},
  {id: 'mdfb-demo-reseller-eu-h2', name: 'Reseller MDF Europe FY2026 H2', period: 'FY2026-H2', start: '2026-07-01',
   end: '2026-12-31', currency: 'EUR', amount: 5000000, claimDays: 45}
] AS row
MATCH (prog:Program {id: 'prog-reseller'})
CREATE (prog)-[:HAS_BUDGET]->(:MdfBudget {id: row.id, name: row.name, fiscalPeriod: row.period,
  startDate: date(row.start), endDate: date(row.end), currency: row.currency, amount: row.amount,
  claimDays: row.claimDays, createdAt: datetime('2026-06-15T09:00:00Z'), updatedAt: datetime('2026-06-15T09:00:00Z'),
  version: 0});

// In order: each allocation's source exists before it.
UNWIND [
  {id: 'fa-demo-northwind', source: 'mdfb-demo-reseller-h2', partner: 'p-northwind', amount: 8000000,
   by: 'demo-enterprise-admin', at: '2026-06-20T09:00:00Z'},
  {id: 'fa-demo-contoso', source: 'fa-demo-northwind', partner: 'p-contoso', amount: 3000000,
   by: 'p-northwind-admin', at: '2026-06-25T09:00:00Z'},
  {id: 'fa-demo-proseware', source: 'fa-demo-northwind', partner: 'p-proseware', amount: 1500000,
   by: 'p-northwind-admin', at: '2026-06-25T10:00:00Z'},
  {id: 'fa-demo-fabrikam', source: 'fa-demo-contoso', partner: 'p-fabrikam', amount: 1000000,
   by: 'demo-partner-admin', at: '2026-07-01T09:00:00Z'},
  {id: 'fa-demo-tailspin', source: 'fa-demo-fabrikam', partner: 'p-tailspin', amount: 200000,
   by: 'p-fabrikam-admin', at: '2026-07-02T09:00:00Z'},
  {id: 'fa-demo-eurolink', source: 'mdfb-demo-reseller-eu-h2', partner: 'p-eurolink', amount: 2000000,
   by: 'demo-enterprise-admin', at: '2026-06-20T10:00:00Z'}
] AS row
CALL (row) {
  MATCH (source {id: row.source}) WHERE source:MdfBudget OR source:FundAllocation
  MATCH (p:Partner {id: row.partner}), (by:Person {id: row.by})
  CREATE (a:FundAllocation {id: row.id, amount: row.amount, currency: source.currency, createdAt: datetime(row.at),
                            updatedAt: datetime(row.at), version: 0})
  CREATE (a)-[:DRAWN_FROM]->(source), (a)-[:ALLOCATED_TO]->(p), (a)-[:CREATED_BY]->(by)
};

UNWIND [
  {id: 'fr-demo-northwind-webinar', allocation: 'fa-demo-northwind', by: 'p-northwind-admin',
   name: 'Northwind cloud webinar series', type: 'WEBINAR', start: '2026-08-01', end: '2026-08-31',
   requested: 1500000, approved: 1200000, status: 'APPROVED', decidedBy: 'demo-relationship-manager',
   reason: 'approved for the three webinars with a speaker; the fourth is not funded',
   submitted: '2026-07-05T09:00:00Z', decided: '2026-07-07T09:00:00Z', cancelled: null},
  {id: 'fr-demo-contoso-event', allocation: 'fa-demo-contoso', by: 'demo-partner-admin',
   name: 'Contoso customer day', type: 'EVENT', start: '2026-10-10', end: '2026-10-12',
   requested: 800000, approved: 800000, status: 'APPROVED', decidedBy: 'demo-enterprise-admin', reason: null,
   submitted: '2026-08-01T09:00:00Z', decided: '2026-08-03T09:00:00Z', cancelled: null},
  {id: 'fr-demo-contoso-ads', allocation: 'fa-demo-contoso', by: 'demo-partner-admin',
   name: 'Contoso search advertising', type: 'DIGITAL_ADVERTISING', start: '2027-01-10', end: '2027-02-10',
   requested: 400000, approved: null, status: 'SUBMITTED', decidedBy: null, reason: null,
   submitted: '2026-11-20T09:00:00Z', decided: null, cancelled: null},
  {id: 'fr-demo-fabrikam-content', allocation: 'fa-demo-fabrikam', by: 'demo-partner-manager',
   name: 'Fabrikam case studies', type: 'CONTENT', start: '2026-09-01', end: '2026-09-30',
   requested: 250000, approved: 250000, status: 'APPROVED', decidedBy: 'demo-relationship-manager', reason: null,
   submitted: '2026-07-20T09:00:00Z', decided: '2026-07-21T09:00:00Z', cancelled: null},
  {id: 'fr-demo-fabrikam-mail', allocation: 'fa-demo-fabrikam', by: 'demo-partner-manager',
   name: 'Fabrikam direct mail', type: 'DIRECT_MAIL', start: '2026-11-01', end: '2026-11-30',
   requested: 300000, approved: null, status: 'REJECTED', decidedBy: 'demo-relationship-manager',
   reason: 'direct mail is not funded this half', submitted: '2026-09-15T09:00:00Z',
   decided: '2026-09-16T09:00:00Z', cancelled: null},
  {id: 'fr-demo-tailspin-meetup', allocation: 'fa-demo-tailspin', by: 'demo-partner-associate',
   name: 'Tailspin local meetup', type: 'EVENT', start: '2027-01-20', end: '2027-01-20',
   requested: 100000, approved: null, status: 'SUBMITTED', decidedBy: null, reason: null,
   submitted: '2026-11-25T09:00:00Z', decided: null, cancelled: null},
  {id: 'fr-demo-proseware-training', allocation: 'fa-demo-proseware', by: 'p-proseware-admin',
   name: 'Proseware sales training', type: 'TRAINING', start: '2026-09-10', end: '2026-09-11',
   requested: 200000, approved: 200000, status: 'CANCELLED', decidedBy: 'demo-enterprise-admin', reason: null,
   submitted: '2026-07-10T09:00:00Z', decided: '2026-07-11T09:00:00Z', cancelled: '2026-08-20T09:00:00Z'},
  {id: 'fr-demo-eurolink-tradeshow', allocation: 'fa-demo-eurolink', by: 'p-eurolink-admin',
   name: 'Eurolink at the Vienna IT fair', type: 'TRADE_SHOW', start: '2026-10-05', end: '2026-10-07',
   requested: 1000000, approved: 1000000, status: 'APPROVED', decidedBy: 'demo-enterprise-admin', reason: null,
   submitted: '2026-07-01T09:00:00Z', decided: '2026-07-02T09:00:00Z', cancelled: null}
] AS row
MATCH (a:FundAllocation {id: row.allocation}), (by:Person {id: row.by})
CREATE (r:FundRequest {id: row.id, name: row.name, activityType: row.type,
  description: row.name + ': the plan as submitted.', startDate: date(row.start), endDate: date(row.end),
  requestedAmount: row.requested, approvedAmount: row.approved, currency: a.currency, status: row.status,
  submittedAt: datetime(row.submitted), updatedAt: datetime(coalesce(row.cancelled, row.decided, row.submitted)),
  decidedAt: datetime(row.decided), decidedBy: row.decidedBy, decisionReason: row.reason,
  cancelledAt: datetime(row.cancelled),
  cancelReason: CASE WHEN row.cancelled IS NULL THEN null ELSE 'the trainer cancelled' END, version: 0})
CREATE (r)-[:DRAWS_ON]->(a), (r)-[:SUBMITTED_BY]->(by);

UNWIND [
  {id: 'fc-demo-northwind-webinar', request: 'fr-demo-northwind-webinar', by: 'p-northwind-admin', amount: 1100000,
   status: 'PAID', submitted: '2026-09-10T09:00:00Z', decided: '2026-09-12T09:00:00Z', reason: null,
   paid: '2026-09-30T09:00:00Z', payment: 'PAY-2026-0917', proofs: ['webinar-invoices.pdf', 'attendee-list.csv']},
  {id: 'fc-demo-contoso-event', request: 'fr-demo-contoso-event', by: 'demo-partner-admin', amount: 750000,
   status: 'SUBMITTED', submitted: '2026-11-02T09:00:00Z', decided: null, reason: null, paid: null, payment: null,
   proofs: ['venue-invoice.pdf', 'photos.zip']},
  {id: 'fc-demo-fabrikam-content-1', request: 'fr-demo-fabrikam-content', by: 'demo-partner-manager', amount: 250000,
   status: 'REJECTED', submitted: '2026-10-05T09:00:00Z', decided: '2026-10-06T09:00:00Z',
   reason: 'the agency invoice is missing', paid: null, payment: null, proofs: ['case-study-drafts.pdf']},
  {id: 'fc-demo-fabrikam-content-2', request: 'fr-demo-fabrikam-content', by: 'demo-partner-manager', amount: 200000,
   status: 'APPROVED', submitted: '2026-10-08T09:00:00Z', decided: '2026-10-09T09:00:00Z', reason: null, paid: null,
   payment: null, proofs: ['agency-invoice.pdf', 'case-studies.pdf']}
] AS row
MATCH (r:FundRequest {id: row.request}), (by:Person {id: row.by})
CREATE (c:FundClaim {id: row.id, amount: row.amount, currency: r.currency, status: row.status,
  submittedAt: datetime(row.submitted), updatedAt: datetime(coalesce(row.paid, row.decided, row.submitted)),
  decidedAt: datetime(row.decided), decidedBy: CASE WHEN row.decided IS NULL THEN null ELSE 'demo-relationship-manager' END,
  decisionReason: row.reason, paidAt: datetime(row.paid), paymentReference: row.payment, version: 0})
CREATE (c)-[:CLAIMS]->(r), (c)-[:SUBMITTED_BY]->(by)
WITH c, row
UNWIND range(0, size(row.proofs) - 1) AS n
CREATE (c)-[:PROVEN_BY]->(:ProofOfPerformance {id: c.id + '-' + n, position: n, name: row.proofs[n],
  contentType: CASE WHEN row.proofs[n] ENDS WITH '.pdf' THEN 'application/pdf'
                    WHEN row.proofs[n] ENDS WITH '.csv' THEN 'text/csv' ELSE 'application/zip' END,
  size: 48213 + n * 1024, checksum: 'sha256:9f2c5d0e4b7a1c3e8d6f0a2b4c6e8f0a1b3c5d7e9f1a2b3c4d5e6f7a8b9c0d1e',
  storageRef: 's3://partnergraph-demo-proofs/' + c.id + '/' + row.proofs[n]});
