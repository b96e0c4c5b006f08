// Partner applications (docs/APPLICATIONS.md): by id; the review list by status, newest first; the duplicate flags
// by admin e-mail and by lower-case company name in a country.
CREATE CONSTRAINT partner_application_id IF NOT EXISTS FOR (n:PartnerApplication) REQUIRE n.id IS UNIQUE;
CREATE INDEX partner_application_status IF NOT EXISTS FOR (n:PartnerApplication) ON (n.status, n.submittedAt);
CREATE INDEX partner_application_submitted IF NOT EXISTS FOR (n:PartnerApplication) ON (n.submittedAt);
CREATE INDEX partner_application_email IF NOT EXISTS FOR (n:PartnerApplication) ON (n.adminEmail);
CREATE INDEX partner_application_company IF NOT EXISTS FOR (n:PartnerApplication) ON (n.companyKey, n.country);
