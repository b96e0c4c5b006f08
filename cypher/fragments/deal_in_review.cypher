// needs: none
// Is deal registration {var} awaiting review or a decision (SUBMITTED or UNDER_REVIEW)?
{var}.status IN ['SUBMITTED', 'UNDER_REVIEW']
