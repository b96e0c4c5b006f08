// Partner 360 demo (docs/INSIGHTS.md, "Demo data"): a year of selling and cases under the three
// distributors, so that every figure, scorecard, segment verdict, risk signal and leaderboard of the default
// period (the last 90 days) has something to show. Unlike 02 and 03 (fixed 2026 dates the tests rely on),
// every time here is relative to the moment the demo is loaded: `now` is the transaction's clock (the same
// in every statement of the one demo transaction), in whole seconds, and rows give times as days before it.
// Records are written as the write paths would leave them (graph/deal_setup.py, graph/case_setup.py).

// Accounts for the distributors that had none; Pacific also serves Kauri Telecom, alongside Kiwi.
WITH datetime.truncate('second', datetime.transaction()) AS now
UNWIND [
  {id: 'acct-rhein', name: 'Rhein Logistik AG', country: 'DE', industry: 'Logistics', partners: ['p-eurolink']},
  {id: 'acct-koala', name: 'Koala Resources', country: 'AU', industry: 'Energy', partners: ['p-pacific']}
] AS row
CREATE (a:Account {id: row.id, name: row.name, country: row.country, industry: row.industry,
                   createdAt: now - duration({days: 400})})
WITH now, a, row
UNWIND row.partners AS partnerId
MATCH (p:Partner {id: partnerId})
CREATE (p)-[:SERVES {since: now - duration({days: 400})}]->(a);

MATCH (p:Partner {id: 'p-pacific'}), (a:Account {id: 'acct-kauri'})
CREATE (p)-[:SERVES {since: datetime.truncate('second', datetime.transaction()) - duration({days: 200})}]->(a);

// Pacific sells in AUD; without a rate its amounts would be left out of every USD figure.
CREATE (:ExchangeRate {id: 'fx-aud-usd-1', base: 'AUD', quote: 'USD', rate: 0.65, asOf: datetime('2026-05-01T00:00:00Z')});

// A second relationship manager, for the distributors Rita does not manage.
MATCH (org:InternalOrg {id: 'io-channel'})
CREATE (rm:Person {id: 'rm-international', name: 'Ines International', email: 'ines.rm@enterprise.example'})
       -[:EMPLOYED_BY {role: 'RELATIONSHIP_MANAGER'}]->(org)
WITH rm
MATCH (p:Partner) WHERE p.id IN ['p-eurolink', 'p-pacific']
CREATE (rm)-[:MANAGES]->(p);

// Two more reseller partnerships, so Gold and Silver have several peers: Proseware (Gold since a review)
// and Pacific (Silver). Kiwi's Premier agreement ends in 45 days (PARTNERSHIP_ENDING).
WITH datetime.truncate('second', datetime.transaction()) AS now
UNWIND [
  {id: 'ps-proseware-reseller', partner: 'p-proseware', created: 420, onboarded: 410, history: [
     {segment: 'seg-reseller-silver', from: 420, until: 200, reason: 'onboarding'},
     {segment: 'seg-reseller-gold', from: 200, until: null, reason: 'mid-year review: revenue above 250k'}]},
  {id: 'ps-pacific-reseller', partner: 'p-pacific', created: 390, onboarded: 380, history: [
     {segment: 'seg-reseller-silver', from: 390, until: null, reason: 'onboarding'}]}
] AS row
MATCH (p:Partner {id: row.partner}), (prog:Program {id: 'prog-reseller'})
CREATE (p)-[:HAS]->(ps:Partnership {id: row.id, status: 'ACTIVE', createdAt: now - duration({days: row.created}),
                                    onboardedAt: now - duration({days: row.onboarded})})-[:IN]->(prog)
WITH now, ps, row
UNWIND range(0, size(row.history) - 1) AS n
WITH now, ps, row, n, row.history[n] AS entry
MATCH (seg:Segment {id: entry.segment})
CREATE (ps)-[:HAD]->(:SegmentAssignment {id: row.id + '-' + (n + 1), from: now - duration({days: entry.from}),
                                         until: CASE WHEN entry.until IS NOT NULL THEN now - duration({days: entry.until}) END,
                                         reason: entry.reason, assignedBy: 'demo-enterprise-admin'})-[:OF]->(seg)
FOREACH (_ IN CASE WHEN entry.until IS NULL THEN [1] ELSE [] END |
  CREATE (ps)-[:AT {since: now - duration({days: entry.from})}]->(seg));

MATCH (ps:Partnership {id: 'ps-kiwi-services'})
SET ps.endDate = date(datetime.transaction()) + duration({days: 45});

// Deal registrations with their lineage. Times are days before now: created, submitted, review (started),
// decided, closed (converted, closed otherwise, or cancelled); for a converted one its opportunity's stage,
// last update (stage move or quote) and close, its quote (created, last status change) and the order of an
// accepted quote (placed when the opportunity was won). Amounts are minor units of the deal's currency.
// None of them competes with the deals of 02 (other products or accounts), and those still SUBMITTED,
// UNDER_REVIEW or APPROVED are within their review or protection period at load time.
WITH datetime.truncate('second', datetime.transaction()) AS now
UNWIND [
  // Northwind (Platinum): two deals open 90 days ago have closed since (one won, one lost) and only a small
  // one is open now: PIPELINE_FALLING. $360k of orders over the year: below Platinum, enough for Gold.
  {key: 'nw-erp', name: 'Northstar ERP rollout', partner: 'p-northwind', account: 'acct-northstar', by: 'p-northwind-admin',
   decider: 'demo-relationship-manager', currency: 'USD', lines: [['prod-erp', 10, 1200000]], status: 'CLOSED',
   closure: 'CONVERTED', created: 158, submitted: 157, decided: 155, closed: 154,
   opp: {stage: 'CLOSED_WON', updated: 60, closed: 60, quote: {created: 120, status: 'ACCEPTED', changed: 60},
         order: {status: 'FULFILLED', updated: 45}}},
  {key: 'nw-crm', name: 'Northstar CRM', partner: 'p-northwind', account: 'acct-northstar', by: 'p-northwind-admin',
   decider: 'demo-relationship-manager', currency: 'USD', lines: [['prod-crm', 20, 450000]], status: 'CLOSED',
   closure: 'CONVERTED', created: 128, submitted: 127, decided: 126, closed: 125,
   opp: {stage: 'CLOSED_LOST', updated: 30, closed: 30, quote: {created: 100, status: 'REJECTED', changed: 30}}},
  {key: 'nw-analytics', name: 'Northstar analytics expansion', partner: 'p-northwind', account: 'acct-northstar',
   by: 'p-northwind-admin', decider: 'demo-relationship-manager', currency: 'USD', lines: [['prod-analytics', 10, 300000]],
   status: 'CLOSED', closure: 'CONVERTED', created: 26, submitted: 25, decided: 23, closed: 21,
   opp: {stage: 'PROPOSAL', updated: 10, quote: {created: 10, status: 'SUBMITTED', changed: 10}}},
  {key: 'nw-support', name: 'Northstar premium support', partner: 'p-northwind', account: 'acct-northstar',
   by: 'p-northwind-admin', decider: 'demo-relationship-manager', currency: 'USD', lines: [['prod-support', 5, 100000]],
   status: 'APPROVED', created: 20, submitted: 19, decided: 18},
  {key: 'nw-erp2', name: 'Northstar ERP phase 2', partner: 'p-northwind', account: 'acct-northstar', by: 'p-northwind-admin',
   decider: 'demo-relationship-manager', currency: 'USD', lines: [['prod-erp', 8, 1200000]], status: 'CLOSED',
   closure: 'CONVERTED', created: 240, submitted: 239, decided: 238, closed: 237,
   opp: {stage: 'CLOSED_WON', updated: 130, closed: 130, quote: {created: 180, status: 'ACCEPTED', changed: 130},
         order: {status: 'FULFILLED', updated: 110}}},
  {key: 'nw-warehouse', name: 'Northstar data warehouse', partner: 'p-northwind', account: 'acct-northstar',
   by: 'p-northwind-admin', decider: 'demo-relationship-manager', currency: 'USD', lines: [['prod-erp', 12, 1200000]],
   status: 'CLOSED', closure: 'CONVERTED', created: 330, submitted: 329, decided: 327, closed: 326,
   opp: {stage: 'CLOSED_WON', updated: 250, closed: 250, quote: {created: 290, status: 'ACCEPTED', changed: 250},
         order: {status: 'FULFILLED', updated: 230}}},
  // Contoso (Gold): $1.14M of orders over the year, 3 of 4 closed deals won, every case within target: UPGRADE
  // to Platinum. Registrations in every state of the period.
  {key: 'contoso-erp1', name: 'Initech ERP wave 1', partner: 'p-contoso', account: 'acct-initech', by: 'demo-partner-admin',
   decider: 'demo-relationship-manager', currency: 'USD', lines: [['prod-erp', 40, 1200000]], status: 'CLOSED',
   closure: 'CONVERTED', created: 100, submitted: 99, decided: 98, closed: 97,
   opp: {stage: 'CLOSED_WON', updated: 80, closed: 80, quote: {created: 90, status: 'ACCEPTED', changed: 80},
         order: {status: 'FULFILLED', updated: 60}}},
  {key: 'contoso-erp2', name: 'Initech ERP wave 2', partner: 'p-contoso', account: 'acct-initech', by: 'demo-partner-admin',
   decider: 'demo-relationship-manager', currency: 'USD', lines: [['prod-erp', 35, 1200000]], status: 'CLOSED',
   closure: 'CONVERTED', created: 72, submitted: 71, decided: 69, closed: 68,
   opp: {stage: 'CLOSED_WON', updated: 45, closed: 45, quote: {created: 55, status: 'ACCEPTED', changed: 45},
         order: {status: 'PLACED', updated: 45}}},
  {key: 'contoso-finance', name: 'Initech ERP finance module', partner: 'p-contoso', account: 'acct-initech',
   by: 'demo-partner-admin', decider: 'demo-relationship-manager', currency: 'USD', lines: [['prod-erp', 20, 1200000]],
   status: 'CLOSED', closure: 'CONVERTED', created: 210, submitted: 209, decided: 208, closed: 207,
   opp: {stage: 'CLOSED_WON', updated: 150, closed: 150, quote: {created: 170, status: 'ACCEPTED', changed: 150},
         order: {status: 'FULFILLED', updated: 140}}},
  {key: 'contoso-analytics', name: 'Initech analytics pilot', partner: 'p-contoso', account: 'acct-initech',
   by: 'p-contoso-admin', decider: 'demo-relationship-manager', currency: 'USD', lines: [['prod-analytics', 20, 300000]],
   status: 'CLOSED', closure: 'CONVERTED', created: 65, submitted: 64, decided: 63, closed: 62,
   opp: {stage: 'CLOSED_LOST', updated: 40, closed: 40, quote: {created: 50, status: 'REJECTED', changed: 40}}},
  {key: 'contoso-support', name: 'Initech support renewal', partner: 'p-contoso', account: 'acct-initech',
   by: 'p-contoso-admin', decider: 'demo-relationship-manager', currency: 'USD', lines: [['prod-support', 10, 100000]],
   status: 'CLOSED', closure: 'CONVERTED', created: 14, submitted: 13, decided: 12, closed: 11,
   opp: {stage: 'QUALIFICATION', updated: 8}},
  {key: 'contoso-addon', name: 'Initech CRM add-on', partner: 'p-contoso', account: 'acct-initech', by: 'demo-partner-admin',
   currency: 'USD', lines: [['prod-crm', 4, 450000]], status: 'DRAFT', created: 3},
  {key: 'contoso-analytics2', name: 'Initech analytics phase 2', partner: 'p-contoso', account: 'acct-initech',
   by: 'demo-partner-admin', currency: 'USD', lines: [['prod-analytics', 10, 300000]], status: 'SUBMITTED',
   created: 7, submitted: 6},
  {key: 'contoso-erp3', name: 'Initech ERP wave 3', partner: 'p-contoso', account: 'acct-initech', by: 'demo-partner-admin',
   currency: 'USD', lines: [['prod-erp', 30, 1200000]], status: 'UNDER_REVIEW', created: 10, submitted: 9, review: 8},
  {key: 'contoso-training', name: 'Initech training vouchers', partner: 'p-contoso', account: 'acct-initech',
   by: 'p-contoso-associate', currency: 'USD', lines: [['prod-support', 2, 100000]], status: 'CANCELLED',
   created: 50, submitted: 49, closed: 45},
  // Proseware (Gold): stays Gold. Its support extension for Acme came first; Tailspin's rival one was rejected.
  {key: 'proseware-support', name: 'Acme support extension', partner: 'p-proseware', account: 'acct-acme',
   by: 'p-proseware-admin', decider: 'demo-relationship-manager', currency: 'USD', lines: [['prod-support', 12, 100000]],
   status: 'APPROVED', created: 42, submitted: 40, review: 39, decided: 33},
  {key: 'proseware-analytics2', name: 'Acme analytics phase 2', partner: 'p-proseware', account: 'acct-acme',
   by: 'p-proseware-admin', decider: 'demo-relationship-manager', currency: 'USD', lines: [['prod-analytics', 20, 300000]],
   status: 'CLOSED', closure: 'CONVERTED', created: 24, submitted: 23, decided: 22, closed: 20,
   opp: {stage: 'NEGOTIATION', updated: 5, quote: {created: 6, status: 'APPROVED', changed: 5}}},
  {key: 'proseware-analytics', name: 'Acme analytics', partner: 'p-proseware', account: 'acct-acme', by: 'p-proseware-admin',
   decider: 'demo-relationship-manager', currency: 'USD', lines: [['prod-analytics', 15, 300000]], status: 'CLOSED',
   closure: 'CONVERTED', created: 150, submitted: 149, decided: 148, closed: 147,
   opp: {stage: 'CLOSED_WON', updated: 75, closed: 75, quote: {created: 100, status: 'ACCEPTED', changed: 75},
         order: {status: 'FULFILLED', updated: 55}}},
  {key: 'proseware-plants', name: 'Acme analytics plant rollout', partner: 'p-proseware', account: 'acct-acme',
   by: 'p-proseware-admin', decider: 'demo-relationship-manager', currency: 'USD', lines: [['prod-analytics', 40, 300000]],
   status: 'CLOSED', closure: 'CONVERTED', created: 300, submitted: 299, decided: 298, closed: 297,
   opp: {stage: 'CLOSED_WON', updated: 200, closed: 200, quote: {created: 250, status: 'ACCEPTED', changed: 200},
         order: {status: 'FULFILLED', updated: 180}}},
  {key: 'proseware-centre', name: 'Acme support centre', partner: 'p-proseware', account: 'acct-acme',
   by: 'p-proseware-admin', decider: 'demo-relationship-manager', currency: 'USD', lines: [['prod-support', 120, 100000]],
   status: 'CLOSED', closure: 'CONVERTED', created: 330, submitted: 329, decided: 328, closed: 327,
   opp: {stage: 'CLOSED_WON', updated: 260, closed: 260, quote: {created: 300, status: 'ACCEPTED', changed: 260},
         order: {status: 'FULFILLED', updated: 240}}},
  {key: 'tailspin-support', name: 'Acme support bundle', partner: 'p-tailspin', account: 'acct-acme', by: 'p-tailspin-admin',
   decider: 'demo-relationship-manager', currency: 'USD', lines: [['prod-support', 12, 100000]], status: 'REJECTED',
   reason: 'Proseware Partners registered the Acme support extension first.', created: 37, submitted: 36, review: 35,
   decided: 34},
  // Eurolink (Gold, EUR): stays Gold. Its warehouse ERP has sat in QUALIFICATION for 70 days while the
  // other qualifying opportunities moved within about a week: STALLED_DEAL.
  {key: 'eurolink-erp', name: 'Rhein Logistik ERP', partner: 'p-eurolink', account: 'acct-rhein', by: 'p-eurolink-manager',
   decider: 'rm-international', currency: 'EUR', lines: [['prod-erp', 10, 1100000]], status: 'CLOSED', closure: 'CONVERTED',
   created: 95, submitted: 94, decided: 93, closed: 88,
   opp: {stage: 'CLOSED_WON', updated: 65, closed: 65, quote: {created: 75, status: 'ACCEPTED', changed: 65},
         order: {status: 'FULFILLED', updated: 50}}},
  {key: 'eurolink-crm', name: 'Rhein CRM', partner: 'p-eurolink', account: 'acct-rhein', by: 'p-eurolink-manager',
   decider: 'rm-international', currency: 'EUR', lines: [['prod-crm', 10, 500000]], status: 'CLOSED', closure: 'CONVERTED',
   created: 200, submitted: 199, decided: 198, closed: 197,
   opp: {stage: 'CLOSED_WON', updated: 170, closed: 170, quote: {created: 185, status: 'ACCEPTED', changed: 170},
         order: {status: 'FULFILLED', updated: 160}}},
  {key: 'eurolink-analytics', name: 'Rhein analytics', partner: 'p-eurolink', account: 'acct-rhein', by: 'p-eurolink-manager',
   decider: 'rm-international', currency: 'EUR', lines: [['prod-analytics', 40, 250000]], status: 'CLOSED',
   closure: 'CONVERTED', created: 300, submitted: 299, decided: 298, closed: 297,
   opp: {stage: 'CLOSED_WON', updated: 240, closed: 240, quote: {created: 270, status: 'ACCEPTED', changed: 240},
         order: {status: 'FULFILLED', updated: 225}}},
  {key: 'eurolink-warehouse', name: 'Rhein warehouse ERP', partner: 'p-eurolink', account: 'acct-rhein',
   by: 'p-eurolink-manager', decider: 'rm-international', currency: 'EUR', lines: [['prod-erp', 3, 1200000]],
   status: 'CLOSED', closure: 'CONVERTED', created: 80, submitted: 79, decided: 78, closed: 77,
   opp: {stage: 'QUALIFICATION', updated: 70}},
  {key: 'eurolink-crm2', name: 'Rhein CRM expansion', partner: 'p-eurolink', account: 'acct-rhein', by: 'p-eurolink-admin',
   decider: 'rm-international', currency: 'EUR', lines: [['prod-crm', 4, 500000]], status: 'CLOSED', closure: 'CONVERTED',
   created: 12, submitted: 11, decided: 10, closed: 9, opp: {stage: 'QUALIFICATION', updated: 6}},
  {key: 'eurolink-analytics2', name: 'Rhein analytics phase 2', partner: 'p-eurolink', account: 'acct-rhein',
   by: 'p-eurolink-admin', decider: 'rm-international', currency: 'EUR', lines: [['prod-analytics', 5, 250000]],
   status: 'CLOSED', closure: 'CONVERTED', created: 30, submitted: 29, decided: 26, closed: 18,
   opp: {stage: 'PROPOSAL', updated: 4, quote: {created: 4, status: 'SUBMITTED', changed: 4}}},
  {key: 'eurolink-support', name: 'Rhein support', partner: 'p-eurolink', account: 'acct-rhein', by: 'p-eurolink-admin',
   decider: 'rm-international', currency: 'EUR', lines: [['prod-support', 10, 90000]], status: 'CLOSED',
   closure: 'CONVERTED', created: 110, submitted: 109, decided: 108, closed: 105,
   opp: {stage: 'CLOSED_LOST', updated: 45, closed: 45, quote: {created: 80, status: 'REJECTED', changed: 45}}},
  {key: 'eurolink-upgrade', name: 'Rhein ERP upgrade', partner: 'p-eurolink', account: 'acct-rhein', by: 'p-eurolink-admin',
   decider: 'rm-international', currency: 'EUR', lines: [['prod-erp', 1, 1100000]], status: 'REJECTED',
   reason: 'Rhein Logistik buys ERP upgrades directly from the enterprise.', created: 28, submitted: 27, decided: 25},
  {key: 'eurolink-addon', name: 'Rhein ERP add-on', partner: 'p-eurolink', account: 'acct-rhein', by: 'p-eurolink-admin',
   currency: 'EUR', lines: [['prod-erp', 1, 1100000]], status: 'SUBMITTED', created: 5, submitted: 4},
  {key: 'eurolink-renewal', name: 'Rhein support renewal', partner: 'p-eurolink', account: 'acct-rhein',
   by: 'p-eurolink-admin', decider: 'rm-international', currency: 'EUR', lines: [['prod-support', 10, 90000]],
   status: 'CLOSED', closure: 'CONVERTED', created: 35, submitted: 34, decided: 33, closed: 30,
   opp: {stage: 'CLOSED_WON', updated: 15, closed: 15, quote: {created: 22, status: 'ACCEPTED', changed: 15},
         order: {status: 'PLACED', updated: 15}}},
  // Alpine and Bergen both asked for Wiener's ERP; Bergen's came second and was closed as a duplicate.
  {key: 'alpine-erp', name: 'Wiener warehouse ERP', partner: 'p-alpine', account: 'acct-wiener', by: 'p-alpine-admin',
   decider: 'rm-international', currency: 'EUR', lines: [['prod-erp', 2, 1100000]], status: 'CLOSED', closure: 'CONVERTED',
   created: 55, submitted: 54, review: 53.5, decided: 52, closed: 50,
   opp: {stage: 'CLOSED_WON', updated: 40, closed: 40, quote: {created: 45, status: 'ACCEPTED', changed: 40},
         order: {status: 'PLACED', updated: 40}}},
  {key: 'bergen-erp', name: 'Wiener ERP expansion', partner: 'p-bergen', account: 'acct-wiener', by: 'p-bergen-admin',
   currency: 'EUR', lines: [['prod-erp', 1, 1100000]], status: 'CLOSED', closure: 'DUPLICATE', created: 53.5,
   submitted: 53, closed: 47},
  // Pacific (Silver, AUD) and Kiwi (Premier, NZD). Pacific's Kauri analytics lost to Kiwi's, registered first.
  {key: 'pacific-erp', name: 'Koala ERP', partner: 'p-pacific', account: 'acct-koala', by: 'p-pacific-manager',
   decider: 'rm-international', currency: 'AUD', lines: [['prod-erp', 5, 1800000]], status: 'CLOSED', closure: 'CONVERTED',
   created: 150, submitted: 149, decided: 148, closed: 140,
   opp: {stage: 'CLOSED_WON', updated: 85, closed: 85, quote: {created: 110, status: 'ACCEPTED', changed: 85},
         order: {status: 'FULFILLED', updated: 70}}},
  {key: 'pacific-crm', name: 'Koala CRM', partner: 'p-pacific', account: 'acct-koala', by: 'p-pacific-manager',
   decider: 'rm-international', currency: 'AUD', lines: [['prod-crm', 10, 600000]], status: 'CLOSED', closure: 'CONVERTED',
   created: 100, submitted: 88, decided: 86, closed: 84,
   opp: {stage: 'CLOSED_WON', updated: 20, closed: 20, quote: {created: 40, status: 'ACCEPTED', changed: 20},
         order: {status: 'PLACED', updated: 20}}},
  {key: 'pacific-expansion', name: 'Koala ERP expansion', partner: 'p-pacific', account: 'acct-koala',
   by: 'p-pacific-manager', decider: 'rm-international', currency: 'AUD', lines: [['prod-erp', 10, 1800000]],
   status: 'CLOSED', closure: 'CONVERTED', created: 40, submitted: 39, decided: 37, closed: 35,
   opp: {stage: 'NEGOTIATION', updated: 9, quote: {created: 12, status: 'APPROVED', changed: 9}}},
  {key: 'pacific-kauri', name: 'Kauri analytics', partner: 'p-pacific', account: 'acct-kauri', by: 'p-pacific-admin',
   decider: 'rm-international', currency: 'AUD', lines: [['prod-analytics', 3, 480000]], status: 'REJECTED',
   reason: 'Kiwi Cloud Services registered the Kauri analytics deal first.', created: 32, submitted: 31, decided: 29},
  {key: 'pacific-support', name: 'Koala support', partner: 'p-pacific', account: 'acct-koala', by: 'p-pacific-admin',
   decider: 'rm-international', currency: 'AUD', lines: [['prod-support', 10, 160000]], status: 'CLOSED',
   closure: 'CONVERTED', created: 70, submitted: 69, decided: 68, closed: 66,
   opp: {stage: 'CLOSED_LOST', updated: 12, closed: 12, quote: {created: 30, status: 'REJECTED', changed: 12}}},
  {key: 'pacific-platform', name: 'Koala data platform', partner: 'p-pacific', account: 'acct-koala', by: 'p-pacific-admin',
   currency: 'AUD', lines: [['prod-analytics', 8, 480000]], status: 'DRAFT', created: 2},
  {key: 'kiwi-analytics', name: 'Kauri network analytics', partner: 'p-kiwi', account: 'acct-kauri', by: 'p-kiwi-admin',
   decider: 'rm-international', currency: 'NZD', lines: [['prod-analytics', 6, 495000]], status: 'CLOSED',
   closure: 'CONVERTED', created: 34, submitted: 33, review: 32, decided: 30, closed: 28,
   opp: {stage: 'PROPOSAL', updated: 7, quote: {created: 7, status: 'SUBMITTED', changed: 7}}},
  {key: 'kiwi-crm', name: 'Kauri CRM expansion', partner: 'p-kiwi', account: 'acct-kauri', by: 'p-kiwi-manager',
   decider: 'rm-international', currency: 'NZD', lines: [['prod-crm', 20, 495000]], status: 'CLOSED', closure: 'CONVERTED',
   created: 95, submitted: 94, decided: 93, closed: 88,
   opp: {stage: 'CLOSED_WON', updated: 58, closed: 58, quote: {created: 70, status: 'ACCEPTED', changed: 58},
         order: {status: 'PLACED', updated: 58}}}
] AS row
MATCH (p:Partner {id: row.partner}), (a:Account {id: row.account}), (by:Person {id: row.by}),
      (prog:Program {id: CASE WHEN row.partner IN ['p-kiwi', 'p-litware'] THEN 'prog-services' ELSE 'prog-reseller' END})
WITH now, row, p, a, by, prog, row.opp AS opp, 'dr-insights-' + row.key AS id,
     reduce(total = 0, line IN row.lines | total + line[1] * line[2]) AS amount,
     // The latest change anywhere in the lineage, in days before now.
     reduce(latest = row.created, t IN [row.submitted, row.review, row.decided, row.closed, row.opp.updated,
                                        row.opp.quote.changed, row.opp.order.updated]
            | CASE WHEN t IS NOT NULL AND t < latest THEN t ELSE latest END) AS changed,
     reduce(latest = row.created, t IN [row.submitted, row.review, row.decided, row.closed]
            | CASE WHEN t IS NOT NULL AND t < latest THEN t ELSE latest END) AS updated
WITH now, row, p, a, by, prog, opp, id, amount, changed, updated,
     CASE WHEN row.decided IS NOT NULL THEN now - duration({days: row.decided}) END AS decidedAt,
     CASE WHEN row.submitted IS NOT NULL THEN now - duration({days: row.submitted}) END AS submittedAt,
     CASE WHEN row.closed IS NOT NULL THEN now - duration({days: row.closed}) END AS closedAt
CREATE (dr:DealRegistration {id: id, name: row.name, status: row.status, estimatedAmount: amount, currency: row.currency,
                             expectedCloseDate: date(now - duration({days: row.created})) + duration({days: 120}),
                             createdAt: now - duration({days: row.created}), updatedAt: now - duration({days: updated}),
                             submittedAt: submittedAt, reviewDeadline: submittedAt + duration({days: 14}),
                             decidedAt: decidedAt, decidedBy: CASE WHEN decidedAt IS NOT NULL THEN row.decider END,
                             decisionReason: row.reason, closureCode: row.closure, closedAt: closedAt,
                             // only an approval protects the account, for 90 days
                             protectedUntil: CASE WHEN row.status = 'APPROVED' OR row.closure = 'CONVERTED'
                                                  THEN decidedAt + duration({days: 90}) END,
                             lineageChangedAt: now - duration({days: changed}), version: 0})
CREATE (dr)-[:REGISTERED_BY]->(p), (dr)-[:FOR]->(a), (dr)-[:IN]->(prog), (dr)-[:SUBMITTED_BY]->(by)
WITH now, row, dr, opp, closedAt
CALL (row, dr) {
  UNWIND row.lines AS line
  MATCH (prod:Product {id: line[0]})
  CREATE (dr)-[:HAS_LINE]->(:LineItem {id: 'li-' + dr.id + '-' + line[0], quantity: line[1], unitPrice: line[2]})-[:OF]->(prod)
}
CALL (now, row, dr, opp, closedAt) {
  WITH now, row, dr, opp, closedAt WHERE opp IS NOT NULL
  // A conversion opens the opportunity at the registration's amount; the stage moves after it.
  CREATE (dr)-[:CONVERTED_TO]->(o:Opportunity {id: 'opp-insights-' + row.key, name: dr.name, stage: opp.stage,
                                               amount: dr.estimatedAmount, currency: dr.currency, createdAt: closedAt,
                                               updatedAt: now - duration({days: opp.updated}),
                                               closedAt: CASE WHEN opp.closed IS NOT NULL THEN now - duration({days: opp.closed}) END,
                                               version: 0})
  WITH now, row, o, opp.quote AS quote, opp.order AS ord WHERE quote IS NOT NULL
  CREATE (o)-[:QUOTED_AS]->(q:Quote {id: 'q-insights-' + row.key + '-1', name: o.name + ' v1', version: 1,
                                     status: quote.status, currency: o.currency, discountPercent: 0.0,
                                     subtotal: o.amount, total: o.amount, createdAt: now - duration({days: quote.created}),
                                     updatedAt: now - duration({days: quote.changed})})
  WITH now, row, o, q, ord
  CALL (row, q) {
    UNWIND row.lines AS line
    MATCH (prod:Product {id: line[0]})
    CREATE (q)-[:HAS_LINE]->(:LineItem {id: 'li-' + q.id + '-' + line[0], quantity: line[1], unitPrice: line[2]})-[:OF]->(prod)
  }
  WITH now, row, o, q, ord WHERE ord IS NOT NULL
  // Accepting the quote places the order, when the opportunity is won.
  CREATE (q)-[:ORDERED_AS]->(:Order {id: 'ord-insights-' + row.key, name: q.name, status: ord.status, total: q.total,
                                     currency: q.currency, placedAt: o.closedAt,
                                     updatedAt: now - duration({days: ord.updated})})
};

// Conflicts as the submit of the later registration detected them (the earlier one was still under review).
WITH datetime.truncate('second', datetime.transaction()) AS now
UNWIND [['tailspin-support', 'proseware-support', 36], ['bergen-erp', 'alpine-erp', 53],
        ['pacific-kauri', 'kiwi-analytics', 31]] AS row
MATCH (later:DealRegistration {id: 'dr-insights-' + row[0]}), (earlier:DealRegistration {id: 'dr-insights-' + row[1]})
CREATE (later)-[:CONFLICTS_WITH {detectedAt: now - duration({days: row[2]}),
                                 reason: 'another partner registered a deal for the same account and product'}]->(earlier);

// Cases as openCase and the case moves write them: numbers from the case counter, the SLA policy chosen as
// open_check does (the fastest one of the partner's segments for the priority, else the default) with its
// targets copied onto the case, the default queue at opening, the partner agent from the first response.
// Rows: opened (days before now); respond, awaiting, resolve (minutes after opening); closed (days before now).
// Only Proseware has more breaches among the cases opened in the period than in the previous one
// (SLA_BREACHES_RISING); Lyon's last activity is its case of 130 days ago (NO_ACTIVITY).
WITH datetime.truncate('second', datetime.transaction()) AS now, [
  {key: 'nw-1', partner: 'p-northwind', by: 'p-northwind-admin', account: 'acct-northstar', category: 'BILLING',
   priority: 'P2', subject: 'Northstar invoice shows the wrong VAT', status: 'CLOSED', opened: 70, respond: 60,
   resolve: 480, closed: 67},
  {key: 'nw-2', partner: 'p-northwind', by: 'p-northwind-manager', account: 'acct-northstar', category: 'LICENSING',
   priority: 'P3', subject: 'ERP licence keys for the Northstar rollout', status: 'CLOSED', opened: 40, respond: 180,
   resolve: 2400, closed: 35},
  {key: 'contoso-1', partner: 'p-contoso', by: 'demo-partner-admin', account: 'acct-initech', category: 'ORDERING',
   priority: 'P2', subject: 'Initech ERP wave 1 provisioning', status: 'CLOSED', opened: 55, respond: 120, resolve: 1200,
   closed: 52},
  {key: 'contoso-2', partner: 'p-contoso', by: 'p-contoso-associate', account: 'acct-initech', category: 'TECHNICAL',
   priority: 'P3', subject: 'Initech single sign-on setup', status: 'RESOLVED', opened: 6, respond: 240, resolve: 1800},
  {key: 'proseware-1', partner: 'p-proseware', by: 'p-proseware-associate', account: 'acct-acme', category: 'LICENSING',
   priority: 'P2', subject: 'Acme licence transfer', status: 'CLOSED', opened: 150, respond: 300, resolve: 600, closed: 148},
  {key: 'proseware-2', partner: 'p-proseware', by: 'p-proseware-associate', account: 'acct-acme', category: 'TECHNICAL',
   priority: 'P3', subject: 'Acme installer download is slow', status: 'CLOSED', opened: 120, respond: 120,
   resolve: 1440, closed: 115},
  {key: 'proseware-3', partner: 'p-proseware', by: 'p-proseware-admin', account: 'acct-acme', category: 'TECHNICAL',
   priority: 'P2', subject: 'Acme analytics dashboards fail to load', status: 'CLOSED', opened: 60, respond: 360,
   resolve: 1200, closed: 57},
  {key: 'proseware-4', partner: 'p-proseware', by: 'p-proseware-admin', account: 'acct-acme', category: 'TECHNICAL',
   priority: 'P1', subject: 'Acme production outage', status: 'CLOSED', opened: 25, respond: 30, resolve: 720, closed: 22},
  {key: 'proseware-5', partner: 'p-proseware', by: 'p-proseware-associate', account: 'acct-acme', category: 'ONBOARDING',
   priority: 'P3', subject: 'Acme support portal access', status: 'NEW', opened: 8},
  {key: 'fabrikam-1', partner: 'p-fabrikam', by: 'demo-partner-manager', account: 'acct-globex', category: 'TECHNICAL',
   priority: 'P3', subject: 'Globex ERP reports run slowly', status: 'IN_PROGRESS', opened: 2, respond: 60},
  // Litware resolved none of its cases of the year within target: below Advanced's SLA attainment.
  {key: 'litware-1', partner: 'p-litware', by: 'p-litware-admin', account: 'acct-umbrella', category: 'TRAINING',
   priority: 'P4', subject: 'Umbrella CRM training plan', status: 'CLOSED', opened: 120, respond: 600, resolve: 10500,
   closed: 110},
  {key: 'litware-2', partner: 'p-litware', by: 'p-litware-associate', account: 'acct-umbrella', category: 'LICENSING',
   priority: 'P4', subject: 'Umbrella CRM licence renewal', status: 'CLOSED', opened: 30, respond: 600, resolve: 11000,
   closed: 20},
  {key: 'eurolink-1', partner: 'p-eurolink', by: 'p-eurolink-manager', account: 'acct-rhein', category: 'TECHNICAL',
   priority: 'P2', subject: 'Rhein CRM data migration', status: 'CLOSED', opened: 100, respond: 180, resolve: 1800,
   closed: 95},
  {key: 'eurolink-2', partner: 'p-eurolink', by: 'p-eurolink-admin', account: 'acct-rhein', category: 'BILLING',
   priority: 'P2', subject: 'Rhein credit note missing', status: 'CLOSED', opened: 130, respond: 300, resolve: 900,
   closed: 128},
  {key: 'eurolink-3', partner: 'p-eurolink', by: 'p-eurolink-manager', account: 'acct-rhein', category: 'LICENSING',
   priority: 'P2', subject: 'Rhein ERP licence count', status: 'CLOSED', opened: 45, respond: 60, resolve: 1800,
   closed: 43},
  {key: 'eurolink-4', partner: 'p-eurolink', by: 'p-eurolink-manager', account: 'acct-rhein', category: 'TECHNICAL',
   priority: 'P1', subject: 'Rhein warehouse scanners offline', status: 'IN_PROGRESS', opened: 10, respond: 120},
  {key: 'eurolink-5', partner: 'p-eurolink', by: 'p-eurolink-admin', account: 'acct-rhein', category: 'ORDERING',
   priority: 'P3', subject: 'Rhein order confirmation missing', status: 'AWAITING_PARTNER', opened: 3, respond: 60,
   awaiting: 300},
  {key: 'alpine-1', partner: 'p-alpine', by: 'p-alpine-admin', account: 'acct-wiener', category: 'ONBOARDING',
   priority: 'P3', subject: 'Wiener ERP go-live support', status: 'CLOSED', opened: 30, respond: 600, resolve: 4320,
   closed: 26},
  {key: 'bergen-1', partner: 'p-bergen', by: 'p-bergen-admin', account: 'acct-wiener', category: 'BILLING',
   priority: 'P2', subject: 'Wiener invoice question', status: 'CLOSED', opened: 60, respond: 60, resolve: 1200,
   closed: 57},
  {key: 'lyon-1', partner: 'p-lyon', by: 'p-lyon-admin', account: 'acct-lumiere', category: 'ONBOARDING', priority: 'P3',
   subject: 'Lumière stores onboarding', status: 'CLOSED', opened: 130, respond: 120, resolve: 1440, closed: 127},
  {key: 'pacific-1', partner: 'p-pacific', by: 'p-pacific-admin', account: 'acct-koala', category: 'BILLING',
   priority: 'P2', subject: 'Koala invoice in the wrong currency', status: 'CLOSED', opened: 120, respond: 300,
   resolve: 600, closed: 118},
  {key: 'pacific-2', partner: 'p-pacific', by: 'p-pacific-manager', account: 'acct-koala', category: 'TECHNICAL',
   priority: 'P2', subject: 'Koala ERP sizing', status: 'CLOSED', opened: 50, respond: 60, resolve: 600, closed: 48},
  {key: 'pacific-3', partner: 'p-pacific', by: 'p-pacific-admin', account: 'acct-koala', category: 'BILLING',
   priority: 'P4', subject: 'Koala CRM invoice', status: 'CLOSED', opened: 70, respond: 1200, resolve: 11520, closed: 60},
  {key: 'kiwi-1', partner: 'p-kiwi', by: 'p-kiwi-admin', account: 'acct-kauri', category: 'TECHNICAL', priority: 'P1',
   subject: 'Kauri provisioning failures again', status: 'CLOSED', opened: 22, respond: 40, resolve: 360, closed: 20},
  {key: 'kiwi-2', partner: 'p-kiwi', by: 'p-kiwi-manager', account: 'acct-kauri', category: 'TECHNICAL', priority: 'P3',
   subject: 'Kauri analytics workspace quota', status: 'IN_PROGRESS', opened: 2, respond: 60}
] AS rows
MATCH (numbering:CaseNumbering {id: 'cases'})
WITH now, rows, numbering.last AS base, numbering
SET numbering.last = base + size(rows)
WITH now, rows, base
UNWIND range(0, size(rows) - 1) AS i
WITH now, rows[i] AS row, base + i + 1 AS n
MATCH (p:Partner {id: row.partner}), (opener:Person {id: row.by}), (a:Account {id: row.account})
WITH now, row, n, p, opener, a, coalesce(
  head(COLLECT { MATCH (p)-[:HAS]->(ps:Partnership)-[:AT]->(s:Segment)-[:HAS_SLA]->(pol:SlaPolicy)
                 WHERE ps.status <> 'TERMINATED' AND pol.priority = row.priority
                 RETURN pol ORDER BY pol.resolutionMinutes, pol.responseMinutes, s.rank, pol.id }),
  head(COLLECT { MATCH (pol:SlaPolicy {isDefault: true, priority: row.priority}) RETURN pol ORDER BY pol.id })) AS pol,
  now - duration({days: row.opened}) AS opened
WITH now, row, n, p, opener, a, pol, opened,
     CASE WHEN row.respond IS NOT NULL THEN opened + duration({minutes: row.respond}) END AS responded,
     CASE WHEN row.awaiting IS NOT NULL THEN opened + duration({minutes: row.awaiting}) END AS awaiting,
     CASE WHEN row.resolve IS NOT NULL THEN opened + duration({minutes: row.resolve}) END AS resolved,
     CASE WHEN row.closed IS NOT NULL THEN now - duration({days: row.closed}) END AS closed
// Entering AWAITING_PARTNER or RESOLVED pauses the clock (pausedSince); no case here went back to work after a pause.
CREATE (c:Case {id: 'case-insights-' + row.key, number: 'CASE-' + right('000000' + toString(n), 6), subject: row.subject,
                description: row.subject + ' (demo case).', category: row.category, priority: row.priority,
                status: row.status, openedAt: opened, firstResponseAt: responded, resolvedAt: resolved, closedAt: closed,
                pausedSince: coalesce(resolved, awaiting), pausedSeconds: 0,
                updatedAt: coalesce(closed, resolved, awaiting, responded, opened),
                responseMinutes: pol.responseMinutes, resolutionMinutes: pol.resolutionMinutes, commentCount: 0, version: 0})
CREATE (c)-[:FOR_PARTNER]->(p), (c)-[:OPENED_BY]->(opener), (c)-[:UNDER_SLA]->(pol), (c)-[:FOR_ACCOUNT]->(a)
WITH c, responded
CALL (c, responded) {
  MATCH (q:Queue {isDefault: true}) WHERE responded IS NULL
  CREATE (c)-[:IN_QUEUE {at: c.openedAt}]->(q)
}
CALL (c, responded) {
  MATCH (agent:Person {id: 'demo-partner-agent'}) WHERE responded IS NOT NULL
  CREATE (c)-[:ASSIGNED_TO {at: responded}]->(agent)
};
