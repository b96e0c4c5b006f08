// The SLA figures of case {var} as of $now, as a map (see docs/CASES.md). The response target is
// openedAt + responseMinutes (the clock cannot pause before the first response: only the enterprise
// sets a case AWAITING_PARTNER). The resolution target is openedAt + resolutionMinutes + the seconds
// the clock was paused (AWAITING_PARTNER, and RESOLVED until a reopen) up to `stop`: $now for an open
// case, resolvedAt for a RESOLVED or CLOSED one, closedAt for a CANCELLED one. Cancelled cases never breach.
head([stop IN [CASE WHEN {var}.status IN ['RESOLVED', 'CLOSED'] THEN {var}.resolvedAt
                    WHEN {var}.status = 'CANCELLED' THEN {var}.closedAt ELSE $now END] |
head([paused IN [coalesce({var}.pausedSeconds, 0)
                 + CASE WHEN {var}.pausedSince IS NULL OR {var}.pausedSince > stop THEN 0
                        ELSE duration.inSeconds({var}.pausedSince, stop).seconds END] |
head([due IN [{response: {var}.openedAt + duration({minutes: {var}.responseMinutes}),
               resolution: {var}.openedAt + duration({minutes: {var}.resolutionMinutes, seconds: paused})}] |
head([breach IN [{response: {var}.status <> 'CANCELLED' AND coalesce({var}.firstResponseAt, stop) > due.response,
                  resolution: {var}.status <> 'CANCELLED' AND stop > due.resolution}] |
  {responseDueAt: due.response, resolutionDueAt: due.resolution, pausedSeconds: paused,
   paused: {var}.pausedSince IS NOT NULL AND {var}.status IN ['AWAITING_PARTNER', 'RESOLVED'],
   responseBreached: breach.response, resolutionBreached: breach.resolution,
   breached: breach.response OR breach.resolution,
   responseRemainingSeconds: CASE WHEN {var}.firstResponseAt IS NULL AND {var}.status IN ['NEW', 'IN_PROGRESS', 'AWAITING_PARTNER']
                                  THEN duration.inSeconds($now, due.response).seconds END,
   resolutionRemainingSeconds: CASE WHEN {var}.status IN ['NEW', 'IN_PROGRESS', 'AWAITING_PARTNER']
                                    THEN duration.inSeconds($now, due.resolution).seconds END}
])])])])
