// Selling: ids of the catalog, line items, comments and exchange rates; the indexes the selling
// queries filter on (status of each record, lineage change time, the latest rate of a pair).
CREATE CONSTRAINT product_id IF NOT EXISTS FOR (n:Product) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT line_item_id IF NOT EXISTS FOR (n:LineItem) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT comment_id IF NOT EXISTS FOR (n:Comment) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT exchange_rate_id IF NOT EXISTS FOR (n:ExchangeRate) REQUIRE n.id IS UNIQUE;
CREATE INDEX deal_registration_status IF NOT EXISTS FOR (n:DealRegistration) ON (n.status);
CREATE INDEX deal_registration_lineage IF NOT EXISTS FOR (n:DealRegistration) ON (n.lineageChangedAt);
CREATE INDEX opportunity_stage IF NOT EXISTS FOR (n:Opportunity) ON (n.stage);
CREATE INDEX quote_status IF NOT EXISTS FOR (n:Quote) ON (n.status);
CREATE INDEX order_status IF NOT EXISTS FOR (n:Order) ON (n.status);
CREATE INDEX exchange_rate_pair IF NOT EXISTS FOR (n:ExchangeRate) ON (n.base, n.quote);
