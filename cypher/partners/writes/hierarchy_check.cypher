// The facts a hierarchy change depends on, read under the hierarchy lock.
OPTIONAL MATCH (child:Partner {id: $childId}) WHERE {{partner_visible(child)}}
OPTIONAL MATCH (parent:Partner {id: $parentId}) WHERE {{partner_visible(parent)}}
RETURN child IS NOT NULL AS childFound,
       parent IS NOT NULL AS parentFound,
       child IS NOT NULL AND EXISTS { (:Partner)-[:PARENT_OF]->(child) } AS hasParent,
       child IS NOT NULL AND parent IS NOT NULL AND EXISTS { (child)-[:PARENT_OF*0..]->(parent) } AS wouldCycle
