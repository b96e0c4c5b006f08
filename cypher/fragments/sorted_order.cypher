// needs: $descending, sortValue
// The ORDER BY of a listing by `sortValue` then the id of {var}, ascending or ($descending) descending. Inserted
// bare, after ORDER BY.
CASE WHEN $descending THEN null ELSE sortValue END,
CASE WHEN $descending THEN sortValue END DESC,
CASE WHEN $descending THEN null ELSE {var}.id END,
CASE WHEN $descending THEN {var}.id END DESC
