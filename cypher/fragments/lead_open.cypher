// needs: none
// Is lead {var} open at its partner: routed or accepted, what a routing rule's capacity counts? The statuses of
// graph.leads.lifecycle.OPEN_LEAD_STATUSES (tests/test_cypher_files.py holds the list to it).
{var}.status IN ['ROUTED', 'ACCEPTED']
