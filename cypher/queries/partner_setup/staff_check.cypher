// Before registering staff: partners out of reach, person keys and e-mails already taken.
RETURN [partnerId IN $partnerIds WHERE NOT EXISTS {
          MATCH (p:Partner {id: partnerId}) WHERE {{partner_visible(p)}} AND ($ownOrg IS NULL OR p.id = $ownOrg) }]
         AS unreachable,
       [key IN $keys WHERE EXISTS { MATCH (:Person {id: key}) }] AS takenKeys,
       [email IN $emails WHERE EXISTS { MATCH (:Person {email: email}) }] AS takenEmails
