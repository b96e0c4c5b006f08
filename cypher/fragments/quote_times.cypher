// needs: none
// The temporal properties of quote {var} as ISO text, spread after `.*` (see registration_record).
createdAt: toString({var}.createdAt), updatedAt: toString({var}.updatedAt)
