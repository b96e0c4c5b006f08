// needs: none
// internal: _program, _partner, _n
// The map of partner application {var} that graph.applications.records.PartnerApplicationRecord reads: its
// fields (temporals as ISO text), its program, the partner an approval created, its answers in order, and what it
// may duplicate (application_duplicates).
{var} {.id, .status, .company, .country, .type, .adminName, .adminEmail, .decidedBy, .decisionReason,
       submittedAt: toString({var}.submittedAt), decidedAt: toString({var}.decidedAt),
       programId: head(COLLECT { MATCH ({var})-[:TO]->(_program:Program) RETURN _program.id }),
       partnerId: head(COLLECT { MATCH ({var})-[:BECAME]->(_partner:Partner) RETURN _partner.id }),
       answers: [_n IN range(0, size({var}.answerKeys) - 1) | {key: {var}.answerKeys[_n], answer: {var}.answerTexts[_n]}],
       duplicates: {{application_duplicates({var})}}}
