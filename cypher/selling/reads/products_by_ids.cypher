// Catalog products by id (the catalog is visible to everyone).
UNWIND $ids AS productId
MATCH (prod:Product {id: productId})
RETURN prod {.id, .name, .sku, .listPrice, .currency} AS product
