// needs: $now
// internal: _stop, _paused, _due, _breach
// The SLA figures of case {var} as of $now, as a map (see docs/CASES.md). The response target is
// openedAt + responseMinutes (the clock cannot pause before the first response: only the enterprise
// sets a case AWAITING_PARTNER). The resolution target is openedAt + resolutionMinutes + the seconds
// the clock was paused (AWAITING_PARTNER, and RESOLVED until a reopen) up to `_stop`: $now for an open
// case, resolvedAt for a RESOLVED or CLOSED one, closedAt for a CANCELLED one. Cancelled cases never breach.
head([_stop IN [CASE WHEN {{case_resolved({var})}} THEN {var}.resolvedAt
                    WHEN {var}.status = 'CANCELLED' THEN {var}.closedAt ELSE $now END] |
head([_paused IN [coalesce({var}.pausedSeconds, 0)
                 + CASE WHEN {var}.pausedSince IS NULL OR {var}.pausedSince > _stop THEN 0
                        ELSE duration.inSeconds({var}.pausedSince, _stop).seconds END] |
head([_due IN [{response: {var}.openedAt + duration({minutes: {var}.responseMinutes}),
               resolution: {var}.openedAt + duration({minutes: {var}.resolutionMinutes, seconds: _paused})}] |
head([_breach IN [{response: {var}.status <> 'CANCELLED' AND coalesce({var}.firstResponseAt, _stop) > _due.response,
                  resolution: {var}.status <> 'CANCELLED' AND _stop > _due.resolution}] |
  {responseDueAt: _due.response, resolutionDueAt: _due.resolution, pausedSeconds: _paused,
   paused: {var}.pausedSince IS NOT NULL AND {var}.status IN ['AWAITING_PARTNER', 'RESOLVED'],
   responseBreached: _breach.response, resolutionBreached: _breach.resolution,
   breached: _breach.response OR _breach.resolution,
   responseRemainingSeconds: CASE WHEN {var}.firstResponseAt IS NULL AND {{case_open({var})}}
                                  THEN duration.inSeconds($now, _due.response).seconds END,
   resolutionRemainingSeconds: CASE WHEN {{case_open({var})}}
                                    THEN duration.inSeconds($now, _due.resolution).seconds END}
])])])])
