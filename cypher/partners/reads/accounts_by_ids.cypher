UNWIND $ids AS accountId
MATCH (a:Account {id: accountId})
WHERE {{account_visible(a)}}
RETURN {{account_record(a)}} AS account
