// Before registering staff: partners out of scope, partners in scope but not the viewer's own
// (when $ownOrg limits them), person keys and e-mails already taken.
RETURN [partnerId IN $partnerIds WHERE NOT EXISTS {
          MATCH (p:Partner {id: partnerId}) WHERE {{partner_visible(p)}} }] AS unreachable,
       [partnerId IN $partnerIds WHERE $ownOrg IS NOT NULL AND partnerId <> $ownOrg] AS notOwn,
       [key IN $keys WHERE EXISTS { MATCH (:Person {id: key}) }] AS takenKeys,
       [email IN $emails WHERE EXISTS { MATCH (:Person {email: email}) }] AS takenEmails
