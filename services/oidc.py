"""The OpenID Connect relying party (authlib): authorization code + PKCE, state and nonce, ID token checked by JWKS."""
import time
import warnings
from dataclasses import dataclass, field
from typing import Any, Mapping

import httpx
from authlib.common.security import generate_token
from authlib.oidc.core import CodeIDToken
from joserfc import jwt
from joserfc.errors import JoseError
from joserfc.jwk import KeySet
from joserfc.jws import JWSRegistry

with warnings.catch_warnings():  # authlib 1.9 prefers the httpx2 package; plain httpx (installed) works the same
    warnings.simplefilter("ignore")
    from authlib.integrations.httpx_client import AsyncOAuth2Client

LEEWAY_S = 60  # clock skew allowed between us and the broker


class LoginFailed(RuntimeError):
    """The provider's answer could not be trusted (bad token, wrong issuer, audience or nonce, expired, ...)."""


@dataclass(frozen=True)
class OidcConfig:
    """Where the broker is and who we are to it."""

    issuer: str
    client_id: str
    client_secret: str
    redirect_uri: str
    scope: str = "openid profile"
    cpr_claim: str = "dk:gov:saml:attribute:CprNumberIdentifier"  # NemLog-in's name for the CPR claim


@dataclass(frozen=True)
class Identity:
    """Who logged in: the broker's pseudonymous subject, a display name, and a CPR number only if sent."""

    subject: str
    name: str | None = None
    cpr: str | None = field(default=None, repr=False)


@dataclass(frozen=True)
class Start:
    """A login to send the browser to, and the secrets the callback needs."""

    url: str
    state: str
    nonce: str
    code_verifier: str


def validate_id_token(id_token: str, jwks: Mapping[str, Any], *, issuer: str, client_id: str, nonce: str,
                      access_token: str | None = None, algorithms: tuple[str, ...] = ("RS256",),
                      now: float | None = None) -> dict[str, Any]:
    """The ID token's claims, after checking signature (JWKS), issuer, audience, expiry, nonce and at_hash."""
    try:
        token = jwt.decode(id_token, KeySet.import_key_set(dict(jwks)),
                           registry=JWSRegistry(algorithms=list(algorithms), strict_check_header=False))
        params = {"nonce": nonce, "client_id": client_id}
        if access_token:
            params["access_token"] = access_token
        claims = CodeIDToken(token.claims, token.header, {"iss": {"essential": True, "value": issuer},
                                                          "aud": {"essential": True, "value": client_id},
                                                          "nonce": {"essential": True, "value": nonce}}, params)
        claims.validate(now=int(now if now is not None else time.time()), leeway=LEEWAY_S)
    except (JoseError, ValueError) as exc:
        raise LoginFailed(f"ID token refused: {type(exc).__name__}: {exc}") from exc
    return dict(claims)


class RelyingParty:
    """Talks to the broker: discovery (cached), the authorization URL, the code exchange and the ID token check."""

    def __init__(self, config: OidcConfig, timeout_s: float = 10.0) -> None:
        self._config, self._timeout = config, timeout_s
        self._metadata: dict[str, Any] | None = None
        self._jwks: dict[str, Any] | None = None

    def _client(self) -> AsyncOAuth2Client:
        c = self._config
        return AsyncOAuth2Client(client_id=c.client_id, client_secret=c.client_secret, scope=c.scope,
                                 redirect_uri=c.redirect_uri, code_challenge_method="S256", timeout=self._timeout)

    async def metadata(self) -> dict[str, Any]:
        if self._metadata is None:
            async with httpx.AsyncClient(timeout=self._timeout) as http:
                resp = await http.get(self._config.issuer.rstrip("/") + "/.well-known/openid-configuration")
                resp.raise_for_status()
                self._metadata = resp.json()
        return self._metadata

    async def jwks(self, force: bool = False) -> dict[str, Any]:
        if self._jwks is None or force:
            async with httpx.AsyncClient(timeout=self._timeout) as http:
                resp = await http.get((await self.metadata())["jwks_uri"])
                resp.raise_for_status()
                self._jwks = resp.json()
        return self._jwks

    async def start(self) -> Start:
        """A fresh state, nonce and PKCE verifier, and the URL of the broker's login page."""
        state, nonce, verifier = generate_token(32), generate_token(32), generate_token(64)
        async with self._client() as client:
            url, _ = client.create_authorization_url((await self.metadata())["authorization_endpoint"],
                                                     state=state, nonce=nonce, code_verifier=verifier)
        return Start(url, state, nonce, verifier)

    async def finish(self, code: str, code_verifier: str, nonce: str) -> Identity:
        """Exchange the code (with the PKCE verifier) and check the ID token; the identity it vouches for."""
        meta = await self.metadata()
        try:
            async with self._client() as client:
                token = await client.fetch_token(meta["token_endpoint"], grant_type="authorization_code", code=code,
                                                 code_verifier=code_verifier)
        except (httpx.HTTPError, ValueError, RuntimeError) as exc:  # authlib's OAuthError is a RuntimeError
            raise LoginFailed(f"token exchange failed: {type(exc).__name__}") from exc
        if "id_token" not in token:
            raise LoginFailed("no ID token in the token response")
        algorithms = tuple(meta.get("id_token_signing_alg_values_supported") or ("RS256",))
        c = self._config
        args = dict(issuer=meta.get("issuer", c.issuer), client_id=c.client_id, nonce=nonce,
                    access_token=token.get("access_token"), algorithms=algorithms)
        try:
            claims = validate_id_token(token["id_token"], await self.jwks(), **args)  # type: ignore[arg-type]
        except LoginFailed:  # the broker may have rotated its keys: fetch them once more
            claims = validate_id_token(token["id_token"], await self.jwks(force=True), **args)  # type: ignore[arg-type]
        name = claims.get("name")
        cpr = claims.get(c.cpr_claim)
        return Identity(str(claims["sub"]), str(name) if name else None, str(cpr) if cpr else None)
