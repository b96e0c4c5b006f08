"""The change log: audit trails, the change feed, and its retention (docs/CHANGES.md)."""
