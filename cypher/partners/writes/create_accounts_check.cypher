// Before creating accounts: partners out of the viewer's scope, keys already taken.
RETURN [partnerId IN $partnerIds WHERE NOT EXISTS {
          MATCH (p:Partner {id: partnerId}) WHERE {{partner_visible(p)}} }] AS unreachable,
       [key IN $keys WHERE EXISTS { MATCH (:Account {id: key}) }] AS takenKeys
