// needs: $orderBy
// The value partner {var} is listed by for `partners(orderBy:)` ($orderBy is a PartnerOrderField), and the
// keyset cursor's value.
CASE $orderBy
  WHEN 'COUNTRY' THEN coalesce({var}.country, '')
  WHEN 'STATUS' THEN {var}.status
  WHEN 'CREATED_AT' THEN coalesce({var}.createdAt.epochMillis, 0)
  ELSE {var}.name
END
