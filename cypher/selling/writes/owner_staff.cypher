// Is $ownerId staff (MEMBER_OF) of the registering partner $partnerId itself (not of a partner above or below)?
RETURN EXISTS { MATCH (:Person {id: $ownerId})-[:MEMBER_OF]->(:Partner {id: $partnerId}) } AS staff
