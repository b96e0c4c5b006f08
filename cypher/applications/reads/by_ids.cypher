// Partner applications by id, for reviewers only ($reviewer; nobody else reads applications).
UNWIND $ids AS applicationId
MATCH (a:PartnerApplication {id: applicationId})
WHERE $reviewer
RETURN {{application_record(a)}} AS application
