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
