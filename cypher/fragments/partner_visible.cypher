// needs: $scope
// Is partner {var} inside the viewer's scope? $scope comes from auth.viewer.Viewer.scope: the subtrees of
// $scope.roots (or every partner), and exactly the partners of $scope.orgs.
{{partner_subtree_visible({var})}} OR {var}.id IN $scope.orgs
