// needs: $enterprise
// Is program {var} visible? $enterprise is true for enterprise staff, who see every program;
// partner staff see every program that is not a DRAFT.
$enterprise OR {var}.status <> 'DRAFT'
