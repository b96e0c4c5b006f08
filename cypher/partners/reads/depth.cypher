// Depth in the channel hierarchy: 0 for a root partner.
UNWIND $ids AS partnerId
MATCH (p:Partner {id: partnerId})
RETURN partnerId, {{partner_depth(p)}} AS depth
