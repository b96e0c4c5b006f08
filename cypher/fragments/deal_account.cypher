// The account of deal registration {var} as accounts/by_ids returns it, or null unless account_visible:
// what the account loader would answer, so page queries can prime it.
head(COLLECT { MATCH ({var})-[:FOR]->(a:Account) WHERE {{account_visible(a)}} RETURN a {.*, {{...account_times(a)}}} })
