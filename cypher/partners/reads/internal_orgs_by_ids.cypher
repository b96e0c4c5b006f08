// The enterprise's own units are public within the gateway: every viewer may read their names.
UNWIND $ids AS orgId
MATCH (org:InternalOrg {id: orgId})
RETURN org {.*} AS org
