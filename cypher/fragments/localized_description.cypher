// needs: $scope
// internal: _translation
// The description of {var} in the request's language, $scope.locale, as localized_name: its translation's, else
// its own (null when it has none).
coalesce(head(COLLECT { MATCH ({var})-[:TRANSLATED_AS]->(_translation:Translation {locale: $scope.locale})
                        RETURN _translation.description }), {var}.description)
