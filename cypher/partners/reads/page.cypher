// One page of the partners the viewer may see, in the order asked for ($orderBy field, $descending),
// ties broken by id; $after is the keyset position {value, id} of the previous page's last row.
{{...partners_in_scope(p)}}
WITH p, {{partner_sort_value(p)}} AS sortValue
WHERE {{partner_filter(p)}} AND {{sorted_after(p)}}
RETURN {{partner_record(p)}} AS partner, sortValue
ORDER BY {{...sorted_order(p)}}
LIMIT $limit
