// needs: none
// The temporal properties of account {var} as ISO text, spread after `.*` (see registration_fields).
createdAt: toString({var}.createdAt)
