// Selling demo: a small catalog, exchange rates, and deal registrations in every state for partners at
// several depths, with conflicts, comments and work notes, and lineage all the way to orders.
// Deadlines and protection run into 2027, so tests with a 2026 clock do not expire them.

UNWIND [
  {id: 'prod-erp', name: 'ERP Suite', sku: 'ERP-100', listPrice: 1200000, currency: 'USD'},
  {id: 'prod-crm', name: 'CRM Cloud', sku: 'CRM-200', listPrice: 450000, currency: 'USD'},
  {id: 'prod-analytics', name: 'Analytics', sku: 'ANA-300', listPrice: 300000, currency: 'USD'},
  {id: 'prod-support', name: 'Premium Support', sku: 'SUP-400', listPrice: 100000, currency: 'USD'},
  {id: 'prod-platform', name: 'Data Platform (enterprise licence)', sku: 'DAT-900', listPrice: 5000000000, currency: 'USD'}
] AS row
CREATE (:Product {id: row.id, name: row.name, sku: row.sku, listPrice: row.listPrice, currency: row.currency});

UNWIND [
  {id: 'fx-eur-usd-1', base: 'EUR', quote: 'USD', rate: 1.05, asOf: '2026-01-02T00:00:00Z'},
  {id: 'fx-eur-usd-2', base: 'EUR', quote: 'USD', rate: 1.08, asOf: '2026-05-01T00:00:00Z'},
  {id: 'fx-usd-nzd-1', base: 'USD', quote: 'NZD', rate: 1.65, asOf: '2026-05-01T00:00:00Z'},
  {id: 'fx-gbp-usd-1', base: 'GBP', quote: 'USD', rate: 1.25, asOf: '2026-05-01T00:00:00Z'}
] AS row
CREATE (:ExchangeRate {id: row.id, base: row.base, quote: row.quote, rate: row.rate, asOf: datetime(row.asOf)});

UNWIND [
  {id: 'dr-demo-tailspin-draft', name: 'Acme support renewal', partner: 'p-tailspin', account: 'acct-acme',
   by: 'demo-partner-associate', status: 'DRAFT', amount: 200000, currency: 'USD', lines: [['prod-support', 2]]},
  {id: 'dr-demo-fabrikam-submitted', name: 'Globex analytics', partner: 'p-fabrikam', account: 'acct-globex',
   by: 'demo-partner-manager', status: 'SUBMITTED', amount: 900000, currency: 'USD', lines: [['prod-analytics', 3]]},
  {id: 'dr-demo-litware-review', name: 'Umbrella CRM', partner: 'p-litware', account: 'acct-umbrella',
   by: 'p-litware-admin', status: 'UNDER_REVIEW', amount: 1350000, currency: 'USD', lines: [['prod-crm', 3]]},
  {id: 'dr-demo-proseware-approved', name: 'Acme ERP rollout', partner: 'p-proseware', account: 'acct-acme',
   by: 'p-proseware-admin', status: 'APPROVED', amount: 2400000, currency: 'USD', lines: [['prod-erp', 2]]},
  {id: 'dr-demo-tailspin-conflict', name: 'Acme ERP upgrade', partner: 'p-tailspin', account: 'acct-acme',
   by: 'demo-partner-associate', status: 'SUBMITTED', amount: 1200000, currency: 'USD', lines: [['prod-erp', 1]]},
  {id: 'dr-demo-lyon-rejected', name: 'Lumière stores CRM', partner: 'p-lyon', account: 'acct-lumiere',
   by: 'p-lyon-admin', status: 'REJECTED', amount: 800000, currency: 'EUR', lines: [['prod-crm', 2]],
   reason: 'The account is served directly by the enterprise.'},
  {id: 'dr-demo-kiwi-cancelled', name: 'Kauri analytics pilot', partner: 'p-kiwi', account: 'acct-kauri',
   by: 'p-kiwi-admin', status: 'CANCELLED', amount: 450000, currency: 'NZD', lines: []},
  {id: 'dr-demo-bergen-duplicate', name: 'Wiener ERP', partner: 'p-bergen', account: 'acct-wiener',
   by: 'p-bergen-admin', status: 'CLOSED', closure: 'DUPLICATE', amount: 1100000, currency: 'EUR', lines: [['prod-erp', 1]]},
  {id: 'dr-demo-alpine-expired', name: 'Wiener support', partner: 'p-alpine', account: 'acct-wiener',
   by: 'p-alpine-admin', status: 'CLOSED', closure: 'EXPIRED', amount: 95000, currency: 'EUR', lines: [['prod-support', 1]]},
  {id: 'dr-demo-contoso-initech', name: 'Initech platform', partner: 'p-contoso', account: 'acct-initech',
   by: 'demo-partner-admin', status: 'CLOSED', closure: 'CONVERTED', amount: 5000000000, currency: 'USD',
   lines: [['prod-platform', 1]]},
  {id: 'dr-demo-fabrikam-globex', name: 'Globex ERP', partner: 'p-fabrikam', account: 'acct-globex',
   by: 'demo-partner-manager', status: 'CLOSED', closure: 'CONVERTED', amount: 2400000, currency: 'USD',
   lines: [['prod-erp', 2]]},
  {id: 'dr-demo-litware-initech', name: 'Initech CRM', partner: 'p-litware', account: 'acct-initech',
   by: 'p-litware-admin', status: 'CLOSED', closure: 'CONVERTED', amount: 900000, currency: 'USD', lines: [['prod-crm', 2]]},
  {id: 'dr-demo-northwind-northstar', name: 'Northstar analytics', partner: 'p-northwind', account: 'acct-northstar',
   by: 'p-northwind-admin', status: 'CLOSED', closure: 'CONVERTED', amount: 600000, currency: 'USD',
   lines: [['prod-analytics', 2]]},
  {id: 'dr-demo-kiwi-kauri', name: 'Kauri CRM', partner: 'p-kiwi', account: 'acct-kauri',
   by: 'p-kiwi-admin', status: 'CLOSED', closure: 'CONVERTED', amount: 1500000, currency: 'NZD', lines: [['prod-crm', 2]]}
] AS row
MATCH (p:Partner {id: row.partner}), (a:Account {id: row.account}), (by:Person {id: row.by}),
      (prog:Program {id: 'prog-reseller'})
CREATE (dr:DealRegistration {id: row.id, name: row.name, status: row.status, estimatedAmount: row.amount,
                             currency: row.currency, expectedCloseDate: date('2026-09-30'), closureCode: row.closure,
                             createdAt: datetime('2026-04-01T09:00:00Z'), updatedAt: datetime('2026-05-02T09:00:00Z'),
                             lineageChangedAt: datetime('2026-05-02T09:00:00Z'), version: 0})
SET dr.submittedAt = CASE WHEN row.status <> 'DRAFT' THEN datetime('2026-04-02T09:00:00Z') END,
    dr.reviewDeadline = CASE WHEN row.status <> 'DRAFT' THEN datetime('2027-12-31T00:00:00Z') END,
    dr.decidedAt = CASE WHEN row.status IN ['APPROVED', 'REJECTED'] OR row.closure = 'CONVERTED'
                        THEN datetime('2026-04-10T09:00:00Z') END,
    dr.decidedBy = CASE WHEN row.status IN ['APPROVED', 'REJECTED'] OR row.closure = 'CONVERTED'
                        THEN 'demo-enterprise-admin' END,
    dr.decisionReason = row.reason,
    dr.protectedUntil = CASE WHEN row.status = 'APPROVED' OR row.closure = 'CONVERTED'
                             THEN datetime('2027-12-31T00:00:00Z') END,
    dr.closedAt = CASE WHEN row.status IN ['CLOSED', 'CANCELLED'] THEN datetime('2026-05-02T09:00:00Z') END
CREATE (dr)-[:REGISTERED_BY]->(p), (dr)-[:FOR]->(a), (dr)-[:IN]->(prog), (dr)-[:SUBMITTED_BY]->(by)
WITH dr, row
UNWIND row.lines AS line
MATCH (prod:Product {id: line[0]})
CREATE (dr)-[:HAS_LINE]->(:LineItem {id: 'li-' + dr.id + '-' + line[0], quantity: line[1]})-[:OF]->(prod);

MATCH (a:DealRegistration {id: 'dr-demo-tailspin-conflict'}), (b:DealRegistration {id: 'dr-demo-proseware-approved'})
CREATE (a)-[:CONFLICTS_WITH {detectedAt: datetime('2026-04-02T09:00:00Z'),
                             reason: 'the account is protected for another partner until 2027-12-31T00:00:00Z'}]->(b);

UNWIND [
  {id: 'cmt-demo-1', on: 'dr-demo-fabrikam-submitted', by: 'demo-partner-manager', visibility: 'PARTNER',
   body: 'Customer wants a decision before the end of the quarter.'},
  {id: 'cmt-demo-2', on: 'dr-demo-fabrikam-submitted', by: 'demo-relationship-manager', visibility: 'INTERNAL',
   body: 'Check Globex credit limit before approving.'},
  {id: 'cmt-demo-3', on: 'dr-demo-tailspin-conflict', by: 'demo-enterprise-admin', visibility: 'INTERNAL',
   body: 'Proseware holds protection on Acme; likely reject.'},
  {id: 'cmt-demo-4', on: 'dr-demo-tailspin-conflict', by: 'demo-partner-associate', visibility: 'PARTNER',
   body: 'Acme asked us directly for the upgrade.'}
] AS row
MATCH (dr:DealRegistration {id: row.on}), (by:Person {id: row.by})
CREATE (c:Comment {id: row.id, body: row.body, visibility: row.visibility, at: datetime('2026-04-03T09:00:00Z')})-[:ON]->(dr)
CREATE (c)-[:BY]->(by);

UNWIND [
  {dr: 'dr-demo-contoso-initech', id: 'opp-demo-initech-platform', stage: 'PROPOSAL'},
  {dr: 'dr-demo-fabrikam-globex', id: 'opp-demo-globex-erp', stage: 'CLOSED_WON'},
  {dr: 'dr-demo-litware-initech', id: 'opp-demo-initech-crm', stage: 'NEGOTIATION'},
  {dr: 'dr-demo-northwind-northstar', id: 'opp-demo-northstar', stage: 'CLOSED_LOST'},
  {dr: 'dr-demo-kiwi-kauri', id: 'opp-demo-kauri-crm', stage: 'CLOSED_WON'}
] AS row
MATCH (dr:DealRegistration {id: row.dr})
CREATE (dr)-[:CONVERTED_TO]->(:Opportunity {id: row.id, name: dr.name, stage: row.stage, amount: dr.estimatedAmount,
                                            currency: dr.currency, createdAt: datetime('2026-04-11T09:00:00Z'),
                                            updatedAt: datetime('2026-05-02T09:00:00Z'), version: 0,
                                            closedAt: CASE WHEN row.stage STARTS WITH 'CLOSED'
                                                           THEN datetime('2026-05-02T09:00:00Z') END});

UNWIND [
  {opp: 'opp-demo-initech-platform', id: 'q-demo-initech-1', version: 1, status: 'REJECTED', discount: 0.0,
   product: 'prod-platform', quantity: 1, unitPrice: 5000000000, order: null},
  {opp: 'opp-demo-initech-platform', id: 'q-demo-initech-2', version: 2, status: 'SUBMITTED', discount: 10.0,
   product: 'prod-platform', quantity: 1, unitPrice: 5000000000, order: null},
  {opp: 'opp-demo-globex-erp', id: 'q-demo-globex-1', version: 1, status: 'ACCEPTED', discount: 5.0,
   product: 'prod-erp', quantity: 2, unitPrice: 1200000, order: {id: 'ord-demo-globex', status: 'FULFILLED'}},
  {opp: 'opp-demo-initech-crm', id: 'q-demo-initech-crm-1', version: 1, status: 'DRAFT', discount: 0.0,
   product: 'prod-crm', quantity: 2, unitPrice: 450000, order: null},
  {opp: 'opp-demo-initech-crm', id: 'q-demo-initech-crm-2', version: 2, status: 'APPROVED', discount: 2.5,
   product: 'prod-crm', quantity: 2, unitPrice: 440000, order: null},
  {opp: 'opp-demo-kauri-crm', id: 'q-demo-kauri-1', version: 1, status: 'ACCEPTED', discount: 0.0,
   product: 'prod-crm', quantity: 2, unitPrice: 750000, order: {id: 'ord-demo-kauri', status: 'PLACED'}}
] AS row
MATCH (o:Opportunity {id: row.opp}), (prod:Product {id: row.product})
WITH o, prod, row, row.quantity * row.unitPrice AS subtotal
CREATE (o)-[:QUOTED_AS]->(q:Quote {id: row.id, name: o.name + ' v' + toString(row.version), version: row.version,
                                   status: row.status, currency: o.currency, discountPercent: row.discount,
                                   subtotal: subtotal, total: subtotal - toInteger(round(subtotal * row.discount / 100)),
                                   createdAt: datetime('2026-04-12T09:00:00Z'), updatedAt: datetime('2026-05-02T09:00:00Z')})
CREATE (q)-[:HAS_LINE]->(:LineItem {id: 'li-' + row.id, quantity: row.quantity, unitPrice: row.unitPrice})-[:OF]->(prod)
FOREACH (order IN CASE WHEN row.order IS NULL THEN [] ELSE [row.order] END |
  CREATE (q)-[:ORDERED_AS]->(:Order {id: order.id, name: q.name, status: order.status, total: q.total,
                                     currency: q.currency, placedAt: datetime('2026-04-20T09:00:00Z'),
                                     updatedAt: datetime('2026-05-02T09:00:00Z')}));

MATCH (newer:Quote {id: 'q-demo-initech-2'}), (older:Quote {id: 'q-demo-initech-1'})
CREATE (newer)-[:REVISES]->(older);

MATCH (newer:Quote {id: 'q-demo-initech-crm-2'}), (older:Quote {id: 'q-demo-initech-crm-1'})
CREATE (newer)-[:REVISES]->(older);
