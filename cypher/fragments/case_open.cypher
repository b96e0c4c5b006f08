// needs: none
// Is case {var} open? The statuses of graph.cases.lifecycle.OPEN_CASE_STATUSES (tests/test_cypher_files.py
// holds the list to it): neither resolved nor in a final state.
{var}.status IN ['NEW', 'IN_PROGRESS', 'AWAITING_PARTNER']
