// Store a SUBMITTED partner application for its program, with its answers in order (two lists: the question keys
// and the answers); `companyKey` is the lower-case company name the duplicate checks compare. Reports it created,
// with its `program`.
MATCH (prog:Program {id: $row.programId})
CREATE (a:PartnerApplication {id: $row.id, status: 'SUBMITTED', company: $row.company,
                              companyKey: toLower($row.company), country: $row.country, type: $row.type,
                              adminName: $row.adminName, adminEmail: $row.adminEmail,
                              answerKeys: $row.answerKeys, answerTexts: $row.answerTexts, submittedAt: $now})
       -[:TO]->(prog)
RETURN a.id AS id,
       [{type: 'PartnerApplication', id: a.id, before: null, after: a {.*, program: prog.id}}] AS changes
