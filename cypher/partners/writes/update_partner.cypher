// Set the given profile fields and status of a partner locked earlier in this transaction.
MATCH (p:Partner {id: $id})
WITH p, properties(p) AS before
SET p += $changes, p.updatedAt = datetime()
RETURN {{partner_record(p)}} AS partner,
       [{type: 'Partner', id: p.id, before: before, after: properties(p), partnerId: p.id}] AS changes
