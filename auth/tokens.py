"""Bearer JWT verification (HS256 shared secret locally, JWKS for identity providers) and local minting.

The token only names the person (`sub`); persona and organization are read from the graph on every
request, so a role change takes effect at once.
"""

from __future__ import annotations

import asyncio
import math
import time
from dataclasses import dataclass

import jwt

from auth.personas import DEMO_PERSONAS

LOCAL_ISSUER = "partnergraph-local"
DATE_CLAIMS = ("exp", "nbf", "iat")


class InvalidToken(Exception):
    """Why a bearer token was refused; the text goes into the WWW-Authenticate header."""


@dataclass(frozen=True)
class TokenPolicy:
    audience: str
    issuer: str | None = None
    secret: str | None = None  # HS256, local use
    jwks_url: str | None = None  # RS256/ES256, production identity providers
    algorithms: tuple[str, ...] = ("RS256", "ES256")


@dataclass(frozen=True)
class VerifiedToken:
    subject: str  # the person
    expires: float  # `exp`, seconds since the epoch: a subscription's socket closes then


class TokenVerifier:
    def __init__(self, policy: TokenPolicy):
        if not policy.secret and not policy.jwks_url:
            raise ValueError("token verification needs a shared secret or a JWKS URL")
        self.policy = policy
        # A JWKS, once configured, is the only trusted signer: local HS256 tokens are refused.
        self._jwks = jwt.PyJWKClient(policy.jwks_url, cache_keys=True, lifespan=300) if policy.jwks_url else None

    async def verify(self, token: str) -> VerifiedToken:
        """The verified `sub` and `exp` of `token`, or InvalidToken."""
        try:
            if self._jwks is not None:
                signing_key = await asyncio.to_thread(self._jwks.get_signing_key_from_jwt, token)
                key, algorithms = signing_key.key, list(self.policy.algorithms)
            else:
                key, algorithms = self.policy.secret, ["HS256"]
            claims = jwt.decode(
                token,
                key,
                algorithms=algorithms,
                audience=self.policy.audience,
                issuer=self.policy.issuer,
                options={"require": ["sub", "exp", "aud"] + (["iss"] if self.policy.issuer else [])},
            )
        except jwt.ExpiredSignatureError as exc:
            raise InvalidToken("token expired") from exc
        except jwt.InvalidAudienceError as exc:
            raise InvalidToken("wrong audience") from exc
        except jwt.InvalidIssuerError as exc:
            raise InvalidToken("wrong issuer") from exc
        except (jwt.PyJWTError, jwt.PyJWKClientError) as exc:
            raise InvalidToken("token could not be verified") from exc
        # RFC 7519 NumericDate: PyJWT compares int(claim), so "exp": "99999999999" passed as a far-off expiry.
        for name in DATE_CLAIMS:
            if name in claims and not _numeric_date(claims[name]):
                raise InvalidToken(f"`{name}` is not a NumericDate")
        subject = claims.get("sub")
        if not isinstance(subject, str) or not subject:
            raise InvalidToken("token has no subject")
        return VerifiedToken(subject, float(claims["exp"]))


def _numeric_date(value: object) -> bool:
    return isinstance(value, (int, float)) and not isinstance(value, bool) and math.isfinite(value)


def mint(secret: str, person_id: str, audience: str, ttl_seconds: int, issuer: str = LOCAL_ISSUER) -> str:
    """An HS256 token for `person_id` (local use only)."""
    now = int(time.time())
    claims = {"sub": person_id, "aud": audience, "iss": issuer, "iat": now, "exp": now + ttl_seconds}
    return jwt.encode(claims, secret, algorithm="HS256")


def demo_person_id(persona: str) -> str:
    """Demo people have ids `demo-<persona>` (see cypher/demo/01_channel.cypher)."""
    if persona not in DEMO_PERSONAS:
        raise ValueError(f"unknown persona {persona!r}; one of: {', '.join(DEMO_PERSONAS)}")
    return f"demo-{persona}"
