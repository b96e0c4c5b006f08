// needs: none
// The map of partner {var} that graph.partners.records.PartnerRecord reads: every property, the temporal ones as
// ISO text (see registration_record).
{var} {.*, createdAt: toString({var}.createdAt)}
