// The enterprise's own settings (its preferred language); no row before migration 0014 made the node.
MATCH (e:Enterprise {id: 'enterprise'})
RETURN e {.id, .preferredLanguage} AS enterprise
