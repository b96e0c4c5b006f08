// Before creating partners: which keys are taken, which parents are missing or out of scope.
RETURN [key IN $keys WHERE EXISTS { MATCH (:Partner {id: key}) }] AS takenKeys,
       [parentId IN $parentIds WHERE NOT EXISTS {
          MATCH (parent:Partner {id: parentId}) WHERE {{partner_visible(parent)}} }] AS missingParents
