// One page of each visible case's comments, oldest first; INTERNAL work notes only for enterprise staff.
UNWIND $parentIds AS parentId
MATCH (c:Case {id: parentId})<-[:ON]-(cm:CaseComment)
WHERE {{case_visible(c)}} AND ($scope.enterprise OR cm.visibility = 'PARTNER')
  AND ($visibility IS NULL OR cm.visibility = $visibility)
  AND ($after IS NULL OR cm.seq > $after.value)
WITH parentId, cm ORDER BY cm.seq
WITH parentId, collect(cm {.id, .body, .visibility, .at, .seq,
                           authorId: head(COLLECT { MATCH (cm)-[:BY]->(x:Person) RETURN x.id })})[..$limit] AS page
RETURN parentId, page
