// needs: none
// The map of account {var} that graph.partners.records.AccountRecord reads: every property, the temporal ones as
// ISO text (see registration_record).
{var} {.*, createdAt: toString({var}.createdAt)}
