// needs: $filter
// internal: _subtreeRoot
// Is change record {var} of a partner in the subtree of partner $filter.subtree (itself included)? Always, when
// that is null. Records without a partner (program-side, enterprise) are in no subtree. Walks up from the
// record's partner: a partner has one parent, so the walk is one path of at most the hierarchy's depth.
$filter.subtree IS NULL
OR EXISTS { MATCH (:Partner {id: {var}.partnerId})<-[:PARENT_OF*0..]-(_subtreeRoot:Partner {id: $filter.subtree}) }
