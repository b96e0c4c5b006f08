// needs: $after, $descending, sortValue
// Is {var}, listed by `sortValue` then id ($descending: both descending), after the keyset cursor $after?
$after IS NULL
OR (NOT $descending AND (sortValue > $after.value OR (sortValue = $after.value AND {var}.id > $after.id)))
OR ($descending AND (sortValue < $after.value OR (sortValue = $after.value AND {var}.id < $after.id)))
