// Which of $ids name no product.
UNWIND $ids AS id
WITH id WHERE NOT EXISTS { MATCH (:Product {id: id}) }
RETURN collect(id) AS unknown
