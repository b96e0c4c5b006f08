// needs: none
// The temporal properties of order {var} as ISO text, spread after `.*` (see registration_record).
placedAt: toString({var}.placedAt), updatedAt: toString({var}.updatedAt)
