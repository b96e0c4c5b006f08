// Leads: ids are unique for leads, their offers and the routing rules; inboxes list leads by name, the
// expiry run finds routed leads by their acceptance deadline. One LeadRouting node numbers the offers (the
// round-robin order) and is the lock every routing transaction takes first, so capacity holds under
// concurrent routing.
CREATE CONSTRAINT lead_id IF NOT EXISTS FOR (n:Lead) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT lead_offer_id IF NOT EXISTS FOR (n:LeadOffer) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT lead_routing_rule_id IF NOT EXISTS FOR (n:LeadRoutingRule) REQUIRE n.id IS UNIQUE;
CREATE INDEX lead_name_id IF NOT EXISTS FOR (n:Lead) ON (n.name, n.id);
CREATE INDEX lead_status_accept_by IF NOT EXISTS FOR (n:Lead) ON (n.status, n.acceptBy);
CREATE INDEX partner_country IF NOT EXISTS FOR (n:Partner) ON (n.country);
CREATE INDEX account_country IF NOT EXISTS FOR (n:Account) ON (n.country);
MERGE (n:LeadRouting {id: 'leads'}) ON CREATE SET n.offers = 0, n.version = 0;
