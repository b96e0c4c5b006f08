// Lock a case the viewer may see for this transaction and read what its changes depend on.
MATCH (c:Case {id: $id})
WHERE {{case_visible(c)}}
{{...write_lock(c)}}
SET c.version = coalesce(c.version, 0) + 1
RETURN c.status AS status, c.resolvedAt AS resolvedAt, c.firstResponseAt AS firstResponseAt
