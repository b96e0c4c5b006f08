// needs: none
// The temporal properties of opportunity {var} as ISO text, spread after `.*` (see registration_record).
createdAt: toString({var}.createdAt), updatedAt: toString({var}.updatedAt), closedAt: toString({var}.closedAt)
