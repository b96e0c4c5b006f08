// Per new registration: is the partner in the viewer's scope (an associate: their own organization),
// the account known and visible, the program visible and APPROVED, every product known, the key taken,
// the owner (if one is named) staff of the partner, and the fund request that generated it (if one is named): visible to
// the viewer, APPROVED, drawing on an allocation to the partner or one of its ancestors (the mdf domain's nodes).
UNWIND $items AS item
OPTIONAL MATCH (p:Partner {id: item.partnerId}) WHERE {{partner_visible(p)}}
OPTIONAL MATCH (a:Account {id: item.accountId}) WHERE {{account_visible(a)}}
OPTIONAL MATCH (prog:Program {id: item.programId}) WHERE {{program_visible(prog)}}
OPTIONAL MATCH (fr:FundRequest {id: item.fundRequestId}) WHERE {{fund_request_visible(fr)}}
RETURN item.index AS index,
       p IS NOT NULL AS partnerFound,
       a IS NOT NULL AS accountFound,
       prog.status AS programStatus,
       [productId IN item.productIds WHERE NOT EXISTS { MATCH (:Product {id: productId}) }] AS unknownProducts,
       EXISTS { MATCH (:DealRegistration {id: item.id}) } AS keyTaken,
       item.ownerId IS NULL OR EXISTS { MATCH (:Person {id: item.ownerId})-[:MEMBER_OF]->(p) } AS ownerStaff,
       fr IS NOT NULL AS fundRequestFound,
       fr.status AS fundRequestStatus,
       EXISTS { MATCH (fr)-[:DRAWS_ON]->(:FundAllocation)-[:ALLOCATED_TO]->(:Partner)-[:PARENT_OF*0..]->(p) }
         AS fundRequestOfPartner
ORDER BY index
