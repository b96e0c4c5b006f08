UNWIND $ids AS partnerId
MATCH (p:Partner {id: partnerId})
WHERE {{partner_visible(p)}}
RETURN {{partner_record(p)}} AS partner
