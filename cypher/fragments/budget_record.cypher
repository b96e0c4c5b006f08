// needs: none
// internal: _x
// MDF budget {var} as a record map for graph.mdf.records.MdfBudgetRecord, temporals as ISO text, with what is
// allocated from it.
{var} {.*, startDate: toString({var}.startDate), endDate: toString({var}.endDate),
       createdAt: toString({var}.createdAt), updatedAt: toString({var}.updatedAt),
       allocated: {{budget_allocated({var})}},
       programId: head(COLLECT { MATCH ({var})<-[:HAS_BUDGET]-(_x:Program) RETURN _x.id })}
