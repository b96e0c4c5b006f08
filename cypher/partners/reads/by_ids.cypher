UNWIND $ids AS partnerId
MATCH (p:Partner {id: partnerId})
WHERE {{partner_visible(p)}}
RETURN p {.*, {{...partner_times(p)}}} AS partner
