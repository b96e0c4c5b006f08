// Before creating programs: which program and segment keys are taken, which internal orgs are missing.
RETURN [key IN $programKeys WHERE EXISTS { MATCH (:Program {id: key}) }] AS takenPrograms,
       [key IN $segmentKeys WHERE EXISTS { MATCH (:Segment {id: key}) }] AS takenSegments,
       [orgId IN $orgIds WHERE NOT EXISTS { MATCH (:InternalOrg {id: orgId}) }] AS missingOrgs
