// The people of $ids the viewer may see (person_visible).
UNWIND $ids AS personId
MATCH (person:Person {id: personId})
WHERE {{person_visible(person)}}
RETURN person {.id, .name, .email} AS person
