// needs: $after
// Is {var} after the keyset cursor $after (ordered by name, then id)?
$after IS NULL OR {var}.name > $after.value OR ({var}.name = $after.value AND {var}.id > $after.id)
