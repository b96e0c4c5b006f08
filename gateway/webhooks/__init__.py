"""The webhook delivery worker (docs/WEBHOOKS.md): `partnergraph webhooks run`, and inside `serve` by default."""
