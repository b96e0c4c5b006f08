// Lock a visible partner for this transaction and read its current state.
MATCH (p:Partner {id: $id}) WHERE {{partner_visible(p)}}
{{...write_lock(p)}}
SET p.version = coalesce(p.version, 0) + 1
RETURN {{partner_record(p)}} AS partner
