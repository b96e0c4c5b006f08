"""Wires the settings to token verification and local minting."""

from __future__ import annotations

from auth.tokens import LOCAL_ISSUER, TokenPolicy, TokenVerifier, demo_person_id, mint
from gateway.secrets import ensure_secret
from gateway.settings import Settings


class MintingDisabled(Exception):
    """Local tokens are refused while a production identity provider (JWKS) is configured."""


def local_secret(settings: Settings) -> str:
    return settings.jwt_secret or ensure_secret(settings.local_secret_file)


def token_verifier(settings: Settings) -> TokenVerifier:
    if settings.jwks_url:
        policy = TokenPolicy(audience=settings.jwt_audience, issuer=settings.jwt_issuer,
                             jwks_url=settings.jwks_url, algorithms=tuple(settings.jwt_algorithms))
    else:
        policy = TokenPolicy(audience=settings.jwt_audience, issuer=settings.jwt_issuer or LOCAL_ISSUER,
                             secret=local_secret(settings))
    return TokenVerifier(policy)


def mint_person_token(settings: Settings, person_id: str) -> str:
    if settings.jwks_url:
        raise MintingDisabled("PARTNERGRAPH_JWKS_URL is set: tokens come from your identity provider")
    return mint(local_secret(settings), person_id, settings.jwt_audience, settings.token_ttl_seconds,
                issuer=settings.jwt_issuer or LOCAL_ISSUER)


def mint_demo_token(settings: Settings, persona: str) -> str:
    """A token for the demo person of `persona`; ValueError for an unknown persona."""
    return mint_person_token(settings, demo_person_id(persona))
