// needs: $scope
// internal: _translation
// The name of {var} (a Program, Segment, Product or CaseCategory) in the request's language, $scope.locale: its
// translation there (docs/LANGUAGES.md), else its own name, which is in the default language.
coalesce(head(COLLECT { MATCH ({var})-[:TRANSLATED_AS]->(_translation:Translation {locale: $scope.locale})
                        RETURN _translation.name }), {var}.name)
