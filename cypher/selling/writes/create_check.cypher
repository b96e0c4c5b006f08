// Per new registration: is the partner in the viewer's scope (an associate: their own organization),
// the account known and visible, the program visible and APPROVED, every product known, the key taken,
// the owner (if one is named) staff of the partner.
UNWIND $items AS item
OPTIONAL MATCH (p:Partner {id: item.partnerId}) WHERE {{partner_visible(p)}}
OPTIONAL MATCH (a:Account {id: item.accountId}) WHERE {{account_visible(a)}}
OPTIONAL MATCH (prog:Program {id: item.programId}) WHERE {{program_visible(prog)}}
RETURN item.index AS index,
       p IS NOT NULL AS partnerFound,
       a IS NOT NULL AS accountFound,
       prog.status AS programStatus,
       [productId IN item.productIds WHERE NOT EXISTS { MATCH (:Product {id: productId}) }] AS unknownProducts,
       EXISTS { MATCH (:DealRegistration {id: item.id}) } AS keyTaken,
       item.ownerId IS NULL OR EXISTS { MATCH (:Person {id: item.ownerId})-[:MEMBER_OF]->(p) } AS ownerStaff
ORDER BY index
