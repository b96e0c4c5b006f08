// The products each visible partner declares it specializes in (what routing rules may require), by name.
UNWIND $ids AS id
MATCH (p:Partner {id: id}) WHERE {{partner_visible(p)}}
RETURN p.id AS partnerId, COLLECT { MATCH (p)-[:SPECIALIZES_IN]->(prod:Product) RETURN prod.id ORDER BY prod.name } AS productIds
