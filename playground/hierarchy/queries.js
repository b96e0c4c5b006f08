// The view's GraphQL documents. Each node carries what its row shows; `firstChild` tells whether it can expand
// without loading its children.

const PAGE = 20;
export const CHILDREN_PAGE = PAGE;

const PARTNER_NODE = `
fragment HierarchyNode on Partner {
  id key name type status depth
  partnerships(first: 10) { edges { node { status program { name } segment { name } } } }
  firstChild: children(first: 1) { edges { cursor } }
}`;

const ANCESTORS = `ancestors { name ... on Partner { id } }`;

export const VIEWER = `
query HierarchyViewer {
  viewer {
    persona
    person { name }
    organization { __typename name ... on Partner { ...HierarchyNode ${ANCESTORS} } }
  }
}
${PARTNER_NODE}`;

export const ROOT_CHOICES = `
query HierarchyRootChoices($name: String) {
  partners(first: ${PAGE}, filter: { nameContains: $name }) {
    edges { node { id name type depth } }
    pageInfo { hasNextPage }
  }
}`;

export const ROOT = `
query HierarchyRoot($id: ID!) {
  partner(id: $id) { ...HierarchyNode ${ANCESTORS} }
}
${PARTNER_NODE}`;

export const CHILDREN = `
query HierarchyChildren($id: ID!, $after: String) {
  partner(id: $id) {
    children(first: ${PAGE}, after: $after) {
      edges { node { ...HierarchyNode } }
      pageInfo { hasNextPage endCursor }
    }
  }
}
${PARTNER_NODE}`;

export const PARTNER_360 = `
query Partner360Panel($id: ID!, $subtree: Boolean!) {
  partner(id: $id) {
    id name type status country currency
    parent { name }
    insights(includeSubtree: $subtree) {
      period { from to }
      currency partnersCounted
      pipeline { openCount openValue byStage { stage count value } change changeRatio }
      sales { won lost winRate orders revenue }
      dealRegistrations { created approved approvalRate }
      cases { open openBreached slaAttainment }
    }
  }
}`;
