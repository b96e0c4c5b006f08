// Is {var} after the keyset cursor $after (ordered by name, then id)?
$after IS NULL OR {var}.name > $after.name OR ({var}.name = $after.name AND {var}.id > $after.id)
