// Case categories by code ($ids; null: every category, by code), named in the request's language
// ($scope.locale). Not scoped: every viewer may read them.
MATCH (cat:CaseCategory)
WHERE $ids IS NULL OR cat.id IN $ids
RETURN cat {.id, name: {{localized_name(cat)}}, description: {{localized_description(cat)}}} AS category
ORDER BY cat.id
