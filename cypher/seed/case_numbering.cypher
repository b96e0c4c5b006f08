// The case counter before the cases phase: the first generated case gets the next number.
MATCH (numbering:CaseNumbering {id: 'cases'})
RETURN numbering.last AS last
