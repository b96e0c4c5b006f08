// The generated channel's lead routing rules.
UNWIND $rules AS row
CREATE (:LeadRoutingRule {id: row.id, name: row.name, priority: row.priority, active: true, countries: row.countries,
                          partnerTypes: row.partnerTypes, programId: row.programId, segmentIds: row.segmentIds,
                          requireSpecialization: row.requireSpecialization, capacity: row.capacity,
                          acceptHours: row.acceptHours, createdAt: datetime(), updatedAt: datetime(), version: 0})
