// What is drawn from fund allocation $id (locked already): the sub-allocations made from it and the approved
// amounts committed against it.
MATCH (a:FundAllocation {id: $id})
RETURN {{allocation_passed_down(a)}} + {{allocation_committed(a)}} AS drawn
