// The enterprise relationship managers assigned to each partner.
UNWIND $ids AS partnerId
MATCH (rm:Person)-[:MANAGES]->(:Partner {id: partnerId})
WITH partnerId, rm ORDER BY rm.name, rm.id
RETURN partnerId, collect(rm {.id, .name, .email}) AS people
