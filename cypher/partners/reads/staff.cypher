// One page of each partner's staff (optionally of some roles), by name.
UNWIND $parentIds AS parentId
MATCH (person:Person)-[member:MEMBER_OF]->(:Partner {id: parentId})
WHERE ($roles IS NULL OR member.role IN $roles) AND {{after_cursor(person)}}
WITH parentId, person, member ORDER BY person.name, person.id
WITH parentId, collect(person {.id, .name, .email, partnerRole: member.role})[..$limit] AS page
RETURN parentId, page
