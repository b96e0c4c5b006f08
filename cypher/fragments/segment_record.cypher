// needs: $scope
// internal: _program
// The map of segment {var} that graph.programs.records.SegmentRecord reads, with its program's id, its name and
// description in the request's language ($scope.locale).
{var} {.id, name: {{localized_name({var})}}, description: {{localized_description({var})}}, .rank, .isDefault,
       programId: head(COLLECT { MATCH (_program:Program)-[:HAS_SEGMENT]->({var}) RETURN _program.id })}
