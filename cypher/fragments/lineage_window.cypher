// needs: $after, $changedSince, $status, $programId, $subtreeId, $scope
// Is deal registration {var} on the pages of `dealLineages`: its lineage changed at or after $changedSince
// (or after the keyset cursor $after: lineageChangedAt as ISO text, then id), of $status, of $programId, registered
// within $subtreeId's subtree, and visible? The range on lineageChangedAt compares with parameters only, so the
// planner seeks its index and reads it in order: a page costs its own rows, not a sort of every registration.
{var}.lineageChangedAt >= CASE WHEN $after IS NULL THEN coalesce($changedSince, datetime('0001-01-01T00:00:00Z'))
                               ELSE datetime($after.value) END
AND ($after IS NULL OR {var}.lineageChangedAt > datetime($after.value) OR {var}.id > $after.id)
AND ($status IS NULL OR {var}.status = $status)
AND {{deal_visible({var})}}
AND ($programId IS NULL OR EXISTS { MATCH ({var})-[:IN]->(:Program {id: $programId}) })
AND ($subtreeId IS NULL OR EXISTS {
      MATCH (:Partner {id: $subtreeId})-[:PARENT_OF*0..]->(:Partner)<-[:REGISTERED_BY]-({var}) })
