// Languages (docs/LANGUAGES.md): German and French names and descriptions of the demo's programs, segments,
// products and case categories, and English descriptions of their own; Lyon Integration reads in French.
UNWIND [
  {id: 'prog-reseller', description: 'For resellers who sell our products to end customers.'},
  {id: 'prog-services', description: 'For partners who run and support our products for their customers.'},
  {id: 'prog-build', description: 'For software vendors who build on our platform.'},
  {id: 'prog-training', description: 'For training centres certified to teach our products.'}
] AS row
MATCH (prog:Program {id: row.id})
SET prog.description = row.description;

UNWIND [
  {type: 'Program', id: 'prog-reseller', de: ['Wiederverkäufer-Programm', 'Für Wiederverkäufer, die unsere Produkte an Endkunden verkaufen.'],
   fr: ['Programme revendeurs', 'Pour les revendeurs qui vendent nos produits aux clients finaux.']},
  {type: 'Program', id: 'prog-services', de: ['Dienstleister-Programm', 'Für Partner, die unsere Produkte für ihre Kunden betreiben und betreuen.'],
   fr: ['Programme prestataires de services', 'Pour les partenaires qui exploitent et assistent nos produits pour leurs clients.']},
  {type: 'Program', id: 'prog-build', de: ['Entwicklerprogramm', 'Für Softwarehersteller, die auf unserer Plattform entwickeln.'],
   fr: ['Programme éditeurs', 'Pour les éditeurs de logiciels qui développent sur notre plateforme.']},
  {type: 'Program', id: 'prog-training', de: ['Programm für autorisierte Schulungen', null],
   fr: ['Programme de formation agréée', null]},
  {type: 'Segment', id: 'seg-reseller-platinum', de: ['Platin', null], fr: ['Platine', null]},
  {type: 'Segment', id: 'seg-reseller-gold', de: ['Gold', null], fr: ['Or', null]},
  {type: 'Segment', id: 'seg-reseller-silver', de: ['Silber', null], fr: ['Argent', null]},
  {type: 'Segment', id: 'seg-reseller-bronze', de: ['Bronze', null], fr: ['Bronze', null]},
  {type: 'Segment', id: 'seg-services-premier', de: ['Premier', null], fr: ['Premier', null]},
  {type: 'Segment', id: 'seg-services-advanced', de: ['Fortgeschritten', null], fr: ['Avancé', null]},
  {type: 'Segment', id: 'seg-services-registered', de: ['Registriert', null], fr: ['Enregistré', null]},
  {type: 'Segment', id: 'seg-build-member', de: ['Mitglied', null], fr: ['Membre', null]},
  {type: 'Segment', id: 'seg-training-certified', de: ['Zertifiziert', null], fr: ['Certifié', null]},
  {type: 'Product', id: 'prod-erp', de: ['ERP-Suite', null], fr: ['Suite ERP', null]},
  {type: 'Product', id: 'prod-crm', de: ['CRM-Cloud', null], fr: ['CRM Cloud', null]},
  {type: 'Product', id: 'prod-analytics', de: ['Analytik', null], fr: ['Analytique', null]},
  {type: 'Product', id: 'prod-support', de: ['Premium-Support', null], fr: ['Support Premium', null]},
  {type: 'Product', id: 'prod-platform', de: ['Datenplattform (Unternehmenslizenz)', null],
   fr: ['Plateforme de données (licence entreprise)', null]},
  {type: 'CaseCategory', id: 'TECHNICAL', de: ['Technisches Problem', 'Etwas funktioniert nicht: Fehler, Ausfälle, Installation.'],
   fr: ['Problème technique', 'Quelque chose ne fonctionne pas : erreurs, pannes, installation.']},
  {type: 'CaseCategory', id: 'LICENSING', de: ['Lizenzierung', 'Lizenzschlüssel, Aktivierung und Berechtigungen.'],
   fr: ['Licences', 'Clés de licence, activation et droits.']},
  {type: 'CaseCategory', id: 'BILLING', de: ['Abrechnung', 'Rechnungen, Rabatte, Gutschriften und Zahlungen.'],
   fr: ['Facturation', 'Factures, remises, avoirs et paiements.']}
] AS row
CALL (row) {
  MATCH (n:Program|Segment|Product|CaseCategory {id: row.id}) WHERE row.type IN labels(n)
  UNWIND [['de', row.de], ['fr', row.fr]] AS translation
  CREATE (n)-[:TRANSLATED_AS]->(:Translation {key: row.type + '/' + row.id + '/' + translation[0],
                                              locale: translation[0], name: translation[1][0],
                                              description: translation[1][1]})
};

MATCH (p:Partner {id: 'p-lyon'})
SET p.preferredLanguage = 'fr';
