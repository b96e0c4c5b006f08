// Segments by id; a segment is visible when its program is.
UNWIND $ids AS segmentId
MATCH (prog:Program)-[:HAS_SEGMENT]->(s:Segment {id: segmentId})
WHERE {{program_visible(prog)}}
RETURN {{segment_record(s)}} AS segment
