// needs: none
// Is opportunity {var} open: not in a final stage of graph.selling.lifecycle.OPPORTUNITY_STAGE?
NOT {var}.stage IN ['CLOSED_WON', 'CLOSED_LOST']
