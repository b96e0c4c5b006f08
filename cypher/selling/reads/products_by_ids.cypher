// Catalog products by id (the catalog is visible to everyone), named in the request's language ($scope.locale).
UNWIND $ids AS productId
MATCH (prod:Product {id: productId})
RETURN prod {.id, name: {{localized_name(prod)}}, description: {{localized_description(prod)}}, .sku, .listPrice,
             .currency} AS product
