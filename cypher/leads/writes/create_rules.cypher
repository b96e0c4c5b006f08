// Create lead routing rules (checked already).
UNWIND $rows AS row
CREATE (r:LeadRoutingRule {id: row.id, name: row.name, priority: row.priority, active: true,
                           countries: row.countries, partnerTypes: row.partnerTypes, programId: row.programId,
                           segmentIds: row.segmentIds, requireSpecialization: row.requireSpecialization,
                           capacity: row.capacity, acceptHours: row.acceptHours, createdAt: $now, updatedAt: $now,
                           version: 0})
RETURN r.id AS id, [{type: 'LeadRoutingRule', id: r.id, before: null, after: properties(r)}] AS changes
