// Lock the node whose name and description setTranslation or removeTranslation changes: the $type (a
// Program, Segment, Product or CaseCategory) of id $id, and read its translations and the program a segment
// belongs to (its change records are the program's). Enterprise admins only (checked before), who see every one.
CALL () {
  MATCH (n:Program {id: $id}) WHERE $type = 'Program' RETURN n
  UNION
  MATCH (n:Segment {id: $id}) WHERE $type = 'Segment' RETURN n
  UNION
  MATCH (n:Product {id: $id}) WHERE $type = 'Product' RETURN n
  UNION
  MATCH (n:CaseCategory {id: $id}) WHERE $type = 'CaseCategory' RETURN n
}
{{...write_lock(n)}}
SET n.version = coalesce(n.version, 0) + 1
RETURN n.id AS id,
       head(COLLECT { MATCH (prog:Program)-[:HAS_SEGMENT]->(n) RETURN prog.id }) AS programId
