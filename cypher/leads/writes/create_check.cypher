// The facts createLeads checks: per item, whether its key is taken and whether its product exists.
UNWIND $items AS item
RETURN item.index AS index, EXISTS { MATCH (:Lead {id: item.id}) } AS keyTaken,
       item.productId IS NULL OR EXISTS { MATCH (:Product {id: item.productId}) } AS productFound
ORDER BY index
