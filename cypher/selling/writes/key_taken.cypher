// Is a key already taken by an opportunity or a quote?
RETURN EXISTS { MATCH (:Opportunity {id: $id}) } OR EXISTS { MATCH (:Quote {id: $id}) } AS taken
