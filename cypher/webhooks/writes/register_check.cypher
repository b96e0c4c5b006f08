// Before registering: the subtree's root partner, when one is given, exists where the viewer may see it.
RETURN $subtreeId IS NULL OR EXISTS { MATCH (p:Partner {id: $subtreeId}) WHERE {{partner_visible(p)}} }
       AS subtreeFound
