// Whether a fund claim has key $id already.
RETURN EXISTS { MATCH (:FundClaim {id: $id}) } AS taken
