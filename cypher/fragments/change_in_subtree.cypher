// needs: $filter
// internal: _subtreeRoot, _subtreeApplicationRoot
// Is change record {var} of a partner in the subtree of partner $filter.subtree (itself included)? Always, when
// that is null. Records without a partner (program-side, enterprise) are in no subtree. Walks up from the
// record's partner: a partner has one parent, so the walk is one path of at most the hierarchy's depth. A partner
// application's records are in the subtree of the partner it became.
$filter.subtree IS NULL
OR EXISTS { MATCH (:Partner {id: {var}.partnerId})<-[:PARENT_OF*0..]-(_subtreeRoot:Partner {id: $filter.subtree}) }
OR ({var}.scope = 'application' AND EXISTS {
  MATCH (:PartnerApplication {id: {var}.scopeId})-[:BECAME]->(:Partner)<-[:PARENT_OF*0..]-(_subtreeApplicationRoot:Partner {id: $filter.subtree}) })
