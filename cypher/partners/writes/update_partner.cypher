// Set the given profile fields and status of a partner locked earlier in this transaction.
MATCH (p:Partner {id: $id})
SET p += $changes, p.updatedAt = datetime()
RETURN {{partner_record(p)}} AS partner
