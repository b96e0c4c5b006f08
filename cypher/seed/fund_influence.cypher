// Registrations a fund request's campaign influenced (seed/mdf.py): one row per partner and program with the
// partner's APPROVED requests of that program by start date. Of the partner's registrations in the program (not
// drafts) created from a request's start date to $row.days after its end date, by id, one in $row.every (from
// $row.pick) is linked to the latest-starting request it fits.
UNWIND $rows AS row
MATCH (p:Partner {id: row.partnerId})
CALL (row, p) {
  MATCH (p)<-[:REGISTERED_BY]-(d:DealRegistration)-[:IN]->(:Program {id: row.programId})
  WHERE d.status <> 'DRAFT'
  WITH row, d, date(d.createdAt) AS day
  WITH row, d, [r IN row.requests WHERE date(r.start) <= day <= date(r.end) + duration({days: row.days}) | r.id]
               AS fitting
  WHERE size(fitting) > 0
  WITH row, d, last(fitting) AS requestId ORDER BY d.id
  WITH row, collect([d, requestId]) AS pairs
  UNWIND range(0, size(pairs) - 1) AS i
  WITH pairs[i] AS pair, i, row WHERE i % row.every = row.pick
  WITH pair[0] AS d, pair[1] AS requestId
  MATCH (r:FundRequest {id: requestId})
  CREATE (d)-[:INFLUENCED_BY]->(r)
}
