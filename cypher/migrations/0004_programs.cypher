// Programs and partnerships: segment assignment history gets its id constraint; program listings
// sort by name then id (keyset pagination).
CREATE CONSTRAINT segment_assignment_id IF NOT EXISTS FOR (n:SegmentAssignment) REQUIRE n.id IS UNIQUE;
CREATE INDEX program_name_id IF NOT EXISTS FOR (n:Program) ON (n.name, n.id);
