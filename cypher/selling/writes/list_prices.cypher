// The list price of each product id; null for an unknown product.
UNWIND $ids AS id
OPTIONAL MATCH (p:Product {id: id})
RETURN id, p.listPrice AS listPrice
