// Bulk export (gateway/exports): the next keyset batch of the lineages the viewer may see, by registration id
// after $after ('' for the first), at most $limit, as one list of flat rows (lineage_export_row) in one record:
// the async driver spends about 50 µs on each record it receives, a fifth of a row's budget. The range on id
// compares with a parameter only, so the planner reads the uniqueness constraint's index in order and stops at
// $limit: a batch costs its own rows however many come after it. Visibility is deal_visible, tested once the
// registering partner is matched (deal_record_visible and partner_visible on it, as deal_visible itself
// does) so that partner is walked to once per row, and before the limit, so a short batch is the last.
{{...currency_rates(rates)}}
MATCH (dr:DealRegistration)-[:REGISTERED_BY]->(partner:Partner)
WHERE dr.id > $after AND {{deal_record_visible(dr)}} AND {{partner_visible(partner)}}
WITH rates, dr, partner ORDER BY dr.id LIMIT $limit
{{...lineage_export_row(row)}}
WITH row ORDER BY row.registrationId
RETURN collect(row) AS rows
