// Return on funds (docs/MDF.md, "Return on funds"): demo deal registrations (02_selling.cypher) that fund requests
// (08_mdf.cypher) generated. Northwind's webinars generated three deals down its hierarchy (an open opportunity,
// a won one with its order, a lost one); Fabrikam's case studies one submitted registration.
UNWIND [
  {dr: 'dr-demo-contoso-initech', fr: 'fr-demo-northwind-webinar'},
  {dr: 'dr-demo-fabrikam-globex', fr: 'fr-demo-northwind-webinar'},
  {dr: 'dr-demo-northwind-northstar', fr: 'fr-demo-northwind-webinar'},
  {dr: 'dr-demo-fabrikam-submitted', fr: 'fr-demo-fabrikam-content'}
] AS row
MATCH (dr:DealRegistration {id: row.dr}), (fr:FundRequest {id: row.fr})
CREATE (dr)-[:INFLUENCED_BY]->(fr);
