"""The change log in GraphQL: audit trails and the change feed (docs/CHANGES.md)."""
