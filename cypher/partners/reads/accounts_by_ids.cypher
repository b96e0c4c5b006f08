UNWIND $ids AS accountId
MATCH (a:Account {id: accountId})
WHERE {{account_visible(a)}}
RETURN a {.*, {{...account_times(a)}}} AS account
