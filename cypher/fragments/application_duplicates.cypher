// needs: none
// internal: _same, _person, _other
// What partner application {var} may duplicate, as graph.applications.records.ApplicationDuplicatesRecord reads
// it: partners with its company name (case-insensitive: `companyKey` is the lower-case name) in its country, other
// than the one it became; people with its admin e-mail (stored lower-case), other than the admin it created; other
// applications with either.
{partnerIds: COLLECT { MATCH (_same:Partner) WHERE toLower(_same.name) = {var}.companyKey
                         AND _same.country = {var}.country AND NOT EXISTS { ({var})-[:BECAME]->(_same) }
                       WITH _same ORDER BY _same.id RETURN _same.id },
 personIds: COLLECT { MATCH (_person:Person {email: {var}.adminEmail})
                      WHERE NOT EXISTS { ({var})-[:BECAME]->(:Partner)<-[:MEMBER_OF]-(_person) }
                      WITH _person ORDER BY _person.id RETURN _person.id },
 applicationIds: COLLECT { MATCH (_other:PartnerApplication) WHERE _other.id <> {var}.id
                             AND (_other.adminEmail = {var}.adminEmail
                                  OR (_other.companyKey = {var}.companyKey AND _other.country = {var}.country))
                           WITH _other ORDER BY _other.id RETURN _other.id }}
