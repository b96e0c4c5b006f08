// needs: none
// internal: _program
// The map of segment {var} that graph.programs.records.SegmentRecord reads, with its program's id.
{var} {.id, .name, .rank, .isDefault,
       programId: head(COLLECT { MATCH (_program:Program)-[:HAS_SEGMENT]->({var}) RETURN _program.id })}
