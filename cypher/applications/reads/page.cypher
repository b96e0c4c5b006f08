// One page of partner applications (optionally of one status), newest first: by submittedAt, then id, both
// descending; for reviewers only ($reviewer).
MATCH (a:PartnerApplication)
WHERE $reviewer AND ($status IS NULL OR a.status = $status)
  AND ($after IS NULL OR a.submittedAt < datetime($after.value)
       OR (a.submittedAt = datetime($after.value) AND a.id < $after.id))
WITH a ORDER BY a.submittedAt DESC, a.id DESC
LIMIT $limit
RETURN {{application_record(a)}} AS application
