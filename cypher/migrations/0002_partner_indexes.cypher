// Partner listings sort by name then id (keyset pagination) and filter by these properties.
CREATE INDEX partner_name_id IF NOT EXISTS FOR (n:Partner) ON (n.name, n.id);
CREATE INDEX partner_status IF NOT EXISTS FOR (n:Partner) ON (n.status);
CREATE INDEX partner_type IF NOT EXISTS FOR (n:Partner) ON (n.type);
CREATE INDEX person_email IF NOT EXISTS FOR (n:Person) ON (n.email);
