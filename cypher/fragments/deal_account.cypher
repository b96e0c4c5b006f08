// needs: $scope
// internal: _a
// The account of deal registration {var} as accounts/by_ids returns it, or null unless account_visible:
// what the account loader would answer, so page queries can prime it.
head(COLLECT { MATCH ({var})-[:FOR]->(_a:Account) WHERE {{account_visible(_a)}} RETURN {{account_record(_a)}} })
