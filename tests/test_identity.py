"""Bearer tokens: accepted, missing, forged, expired, wrong audience, unknown person; JWKS providers."""

from __future__ import annotations

import base64
import hashlib
import hmac
import json
import threading
import time
from http.server import BaseHTTPRequestHandler, HTTPServer

import jwt
import pytest
from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric import ec, rsa

from auth.tokens import InvalidToken, TokenPolicy, TokenVerifier, mint
from gateway.identity import MintingDisabled, mint_person_token
from tests.conftest import make_settings

VIEWER = "{ viewer { persona person { name } } }"


async def test_valid_token_is_accepted(gql):
    data = await gql.data(VIEWER, persona="enterprise-executive")
    assert data["viewer"] == {"persona": "ENTERPRISE_EXECUTIVE", "person": {"name": "Evan Executive"}}


async def test_missing_token_gets_401_with_challenge(client):
    response = await client.post("/graphql", json={"query": VIEWER})
    assert response.status_code == 401
    assert response.headers["www-authenticate"].startswith('Bearer realm="partnergraph"')


@pytest.mark.parametrize(
    "claims, secret, reason",
    [
        ({"exp": -60}, None, "token expired"),
        ({"aud": "someone-else"}, None, "wrong audience"),
        ({}, "a-different-secret-" + "y" * 32, "token could not be verified"),
    ],
)
async def test_bad_tokens_get_401(client, settings, claims, secret, reason):
    now = int(time.time())
    payload = {"sub": "demo-enterprise-admin", "aud": settings.jwt_audience, "iss": "partnergraph-local",
               "iat": now, "exp": now + 600}
    if "exp" in claims:
        payload["exp"] = now + claims["exp"]
    if "aud" in claims:
        payload["aud"] = claims["aud"]
    token = jwt.encode(payload, secret or settings.jwt_secret, algorithm="HS256")
    response = await client.post("/graphql", json={"query": VIEWER}, headers={"authorization": f"Bearer {token}"})
    assert response.status_code == 401
    assert f'error_description="{reason}"' in response.headers["www-authenticate"]
    assert "data" not in response.json()


async def test_token_for_unknown_person_gets_401(gql):
    status, body = await gql.post(VIEWER, person="nobody-such")
    assert status == 401
    assert body["errors"][0]["message"] == "the token names no known person"


async def test_garbage_token_gets_401(client):
    response = await client.post("/graphql", json={"query": VIEWER}, headers={"authorization": "Bearer not.a.jwt"})
    assert response.status_code == 401


class _JWKSServer:
    """A loopback JWKS endpoint, as an identity provider would publish it."""

    def __init__(self, jwks: dict):
        body = json.dumps(jwks).encode()

        class Handler(BaseHTTPRequestHandler):
            def do_GET(self):  # noqa: N802
                self.send_response(200)
                self.send_header("content-type", "application/json")
                self.end_headers()
                self.wfile.write(body)

            def log_message(self, *args):
                pass

        self.httpd = HTTPServer(("127.0.0.1", 0), Handler)
        self.url = f"http://127.0.0.1:{self.httpd.server_port}/.well-known/jwks.json"
        threading.Thread(target=self.httpd.serve_forever, daemon=True).start()

    def close(self):
        self.httpd.shutdown()


@pytest.fixture(scope="module")
def provider_keys():
    rsa_key = rsa.generate_private_key(public_exponent=65537, key_size=2048)
    ec_key = ec.generate_private_key(ec.SECP256R1())
    keys = []
    for kid, key, alg in (("rsa-1", rsa_key, "RS256"), ("ec-1", ec_key, "ES256")):
        jwk = json.loads(jwt.algorithms.get_default_algorithms()[alg].to_jwk(key.public_key()))
        keys.append({**jwk, "kid": kid, "alg": alg, "use": "sig"})
    server = _JWKSServer({"keys": keys})
    yield {"rsa": rsa_key, "ec": ec_key, "url": server.url}
    server.close()


def _provider_token(key, kid, alg, **overrides):
    now = int(time.time())
    claims = {"sub": "demo-partner-admin", "aud": "partnergraph", "iss": "https://idp.example/", "iat": now,
              "exp": now + 600, **overrides}
    return jwt.encode(claims, key, algorithm=alg, headers={"kid": kid})


@pytest.mark.parametrize("which, kid, alg", [("rsa", "rsa-1", "RS256"), ("ec", "ec-1", "ES256")])
async def test_jwks_tokens_verify_with_issuer_and_audience(provider_keys, which, kid, alg):
    verifier = TokenVerifier(TokenPolicy(audience="partnergraph", issuer="https://idp.example/",
                                         jwks_url=provider_keys["url"]))
    assert (await verifier.verify(_provider_token(provider_keys[which], kid, alg))).subject == "demo-partner-admin"
    with pytest.raises(InvalidToken, match="wrong issuer"):
        await verifier.verify(_provider_token(provider_keys[which], kid, alg, iss="https://evil.example/"))
    with pytest.raises(InvalidToken, match="wrong audience"):
        await verifier.verify(_provider_token(provider_keys[which], kid, alg, aud="other-api"))


async def test_jwks_refuses_local_hs256_tokens(provider_keys):
    verifier = TokenVerifier(TokenPolicy(audience="partnergraph", issuer="https://idp.example/",
                                         jwks_url=provider_keys["url"]))
    local = mint("some-shared-secret-" + "z" * 32, "demo-enterprise-admin", "partnergraph", 600)
    with pytest.raises(InvalidToken):
        await verifier.verify(local)


def _hs256_with_public_key(public_pem: bytes, kid: str, claims: dict) -> str:
    """The algorithm-confusion forgery: HS256 keyed with the provider's public key, which anyone can fetch.
    PyJWT refuses a PEM as an HMAC secret, so the token is signed by hand."""
    def part(data: bytes) -> bytes:
        return base64.urlsafe_b64encode(data).rstrip(b"=")

    signed = part(json.dumps({"alg": "HS256", "typ": "JWT", "kid": kid}).encode()) + b"." + \
        part(json.dumps(claims).encode())
    return (signed + b"." + part(hmac.new(public_pem, signed, hashlib.sha256).digest())).decode()


async def test_jwks_refuses_hs256_signed_with_the_providers_public_key(provider_keys):
    policy = TokenPolicy(audience="partnergraph", issuer="https://idp.example/", jwks_url=provider_keys["url"])
    public_pem = provider_keys["rsa"].public_key().public_bytes(serialization.Encoding.PEM,
                                                                 serialization.PublicFormat.SubjectPublicKeyInfo)
    now = int(time.time())
    claims = {"sub": "demo-partner-admin", "aud": "partnergraph", "iss": "https://idp.example/", "iat": now,
              "exp": now + 600}
    forged = _hs256_with_public_key(public_pem, "rsa-1", claims)  # the right kid, issuer and audience
    with pytest.raises(InvalidToken):
        await TokenVerifier(policy).verify(forged)
    # Only the algorithm is wrong: the same claims signed by the provider's key are accepted.
    assert jwt.get_unverified_header(forged) == {"alg": "HS256", "typ": "JWT", "kid": "rsa-1"}
    genuine = jwt.encode(claims, provider_keys["rsa"], algorithm="RS256", headers={"kid": "rsa-1"})
    assert (await TokenVerifier(policy).verify(genuine)).subject == "demo-partner-admin"


@pytest.mark.parametrize("claim, value", [("exp", "99999999999"), ("nbf", "0"), ("iat", "1"), ("exp", None),
                                          ("iat", True)])
async def test_date_claims_must_be_numbers(client, settings, claim, value):
    now = int(time.time())
    payload = {"sub": "demo-enterprise-admin", "aud": settings.jwt_audience, "iss": "partnergraph-local",
               "iat": now, "exp": now + 600, claim: value}
    token = jwt.encode(payload, settings.jwt_secret, algorithm="HS256")  # correctly signed
    response = await client.post("/graphql", json={"query": VIEWER}, headers={"authorization": f"Bearer {token}"})
    assert response.status_code == 401, response.text


def test_minting_is_refused_next_to_an_identity_provider(tmp_path):
    settings = make_settings(tmp_path, 7687, jwks_url="http://127.0.0.1:1/jwks.json")
    assert not settings.demo_login_enabled
    with pytest.raises(MintingDisabled):
        mint_person_token(settings, "demo-enterprise-admin")
