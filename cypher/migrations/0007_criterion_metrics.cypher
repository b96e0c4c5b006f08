// Criteria metrics became the CriterionMetric enum, named as the scorecard metrics: rename the metrics the
// segment evaluation knew by their old names. Any other stored metric stays as it was and reads NOT_EVALUABLE.
UNWIND [['annualRevenue', 'REVENUE'], ['annualOrders', 'ORDERS'], ['openPipeline', 'OPEN_PIPELINE'],
        ['winRate', 'WIN_RATE'], ['slaAttainment', 'SLA_ATTAINMENT'], ['staffCount', 'STAFF_COUNT']] AS rename
MATCH (c:Criterion {metric: rename[0]})
SET c.metric = rename[1];
