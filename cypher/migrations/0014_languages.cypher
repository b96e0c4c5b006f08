// Languages (docs/LANGUAGES.md): one translation per node and locale (its key is "<type>/<id>/<locale>"), case
// categories by code, and the enterprise's one settings node (its preferred language).
CREATE CONSTRAINT translation_key IF NOT EXISTS FOR (n:Translation) REQUIRE n.key IS UNIQUE;
CREATE CONSTRAINT case_category_id IF NOT EXISTS FOR (n:CaseCategory) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT enterprise_id IF NOT EXISTS FOR (n:Enterprise) REQUIRE n.id IS UNIQUE;
// The case categories cases have been filed under (Case.category, free text, keeps working): their names and
// descriptions in the default language, which setTranslation translates.
UNWIND [
  {id: 'TECHNICAL', name: 'Technical issue', description: 'Something does not work: errors, outages, installation.'},
  {id: 'LICENSING', name: 'Licensing', description: 'Licence keys, activation and entitlements.'},
  {id: 'BILLING', name: 'Billing', description: 'Invoices, rebates, credit notes and payments.'},
  {id: 'ORDERING', name: 'Ordering', description: 'Quotes and orders: prices, currencies, fulfilment.'},
  {id: 'TRAINING', name: 'Training', description: 'Courses, certifications and training vouchers.'},
  {id: 'ONBOARDING', name: 'Onboarding', description: 'Joining a program, setting up the portal and first steps.'}
] AS row
MERGE (cat:CaseCategory {id: row.id})
  ON CREATE SET cat.name = row.name, cat.description = row.description;
MERGE (:Enterprise {id: 'enterprise'});
