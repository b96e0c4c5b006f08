// needs: none
// The due times of SLA map {var} (from case_sla) as ISO text, spread after `.*` (see registration_record).
responseDueAt: toString({var}.responseDueAt), resolutionDueAt: toString({var}.resolutionDueAt)
