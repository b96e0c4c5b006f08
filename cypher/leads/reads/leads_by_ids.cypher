// Leads by id, each only when visible (lead_visible).
UNWIND $ids AS id
MATCH (l:Lead {id: id}) WHERE {{lead_visible(l)}}
RETURN {{lead_record(l)}} AS lead
