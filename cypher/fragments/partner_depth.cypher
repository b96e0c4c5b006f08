// needs: none
// The depth of partner {var} in the channel hierarchy: 0 for a partner without a parent.
COUNT { (:Partner)-[:PARENT_OF*1..]->({var}) }
