"""The change log: audit trails and the change feed."""
