// Bulk export since a change (`--since`, `?since=`): the next keyset batch, by registration id after $after,
// of the lineages with a change record numbered above $since, each a lineage_export_row, or, when the
// registration is gone (deleted), a tombstone row, shown when one of its change records after $since is
// visible (deleted_deal_visible, the rule change_visible applies to them: by their partner); one list in one record
// (see lineage_export). The changed ids come from a range seek on the seq constraint's index: the records after
// $since only, however long the history.
{{...currency_rates(rates)}}
CALL {
  MATCH (c:Change) USING INDEX c:Change(seq)
  WHERE c.seq > $since AND c.lineageId > $after
  RETURN DISTINCT c.lineageId AS id
}
WITH rates, id ORDER BY id
OPTIONAL MATCH (dr:DealRegistration {id: id})-[:REGISTERED_BY]->(partner:Partner)
WITH rates, id, dr, partner
WHERE CASE WHEN dr IS NULL
           THEN EXISTS { MATCH (c:Change {lineageId: id}) WHERE c.seq > $since AND {{deleted_deal_visible(c)}} }
           ELSE {{deal_record_visible(dr)}} AND {{partner_visible(partner)}} END
WITH rates, id, dr, partner ORDER BY id LIMIT $limit
CALL (rates, id, dr, partner) {
  WITH rates, dr, partner WHERE dr IS NOT NULL
  {{...lineage_export_row(row)}}
  RETURN row
  UNION
  WITH id WHERE dr IS NULL
  RETURN {registrationId: id, deleted: true,
          partnerId: head(COLLECT { MATCH (c:Change {lineageId: id}) WHERE c.partnerId IS NOT NULL
                                    RETURN c.partnerId ORDER BY c.seq DESC })} AS row
}
WITH row ORDER BY row.registrationId
RETURN collect(row) AS rows
