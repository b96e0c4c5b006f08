// The single lock node that serializes hierarchy changes, and lookups the setup writes need.
CREATE CONSTRAINT hierarchy_lock_id IF NOT EXISTS FOR (n:HierarchyLock) REQUIRE n.id IS UNIQUE;
CREATE INDEX program_status IF NOT EXISTS FOR (n:Program) ON (n.status);
CREATE INDEX partnership_status IF NOT EXISTS FOR (n:Partnership) ON (n.status);
CREATE INDEX account_name_id IF NOT EXISTS FOR (n:Account) ON (n.name, n.id);
