"""Identity: one-time codes and login states are single use under 30 parallel claims; ID token checks refuse forgeries."""
import asyncio
import time
from datetime import datetime, timedelta, timezone

import pytest
from joserfc import jwt
from joserfc.jwk import KeySet, RSAKey

from services.identity import digest, new_token
from services.oidc import LoginFailed, validate_id_token
from store.db import make_engine, make_sessions
from store.identity import IdentityStore
from store.models import Citizen, Conversation

NOW = datetime(2026, 11, 23, 8, 0, tzinfo=timezone.utc)
ISSUER, CLIENT, NONCE = "http://idp.test", "jobassistenten", "nonce-123"


def test_tokens_are_unguessable_and_only_their_hash_is_kept():
    tokens = {new_token() for _ in range(100)}
    assert len(tokens) == 100 and all(len(t) >= 43 for t in tokens)
    token = tokens.pop()
    assert digest(token) != token and len(digest(token)) == 64


async def _store(url: str) -> tuple[IdentityStore, object]:
    engine = make_engine(url)
    return IdentityStore(make_sessions(engine)), engine


async def test_a_telegram_link_code_is_claimed_once_by_30_parallel_claims(any_db_url):
    store, engine = await _store(any_db_url)
    try:
        _, citizen = await store.new_session(NOW, timedelta(hours=1))
        code = await store.new_link_code(citizen, NOW, timedelta(minutes=10))
        results = await asyncio.gather(*(store.claim_link_code(code, NOW) for _ in range(30)))
        assert results.count(citizen) == 1 and results.count(None) == 29
        assert await store.claim_link_code(code, NOW) is None
    finally:
        await engine.dispose()


async def test_a_login_state_is_claimed_once_by_30_parallel_callbacks(any_db_url):
    store, engine = await _store(any_db_url)
    try:
        sessions = make_sessions(engine)
        async with sessions.begin() as s:
            citizen = Citizen()
            s.add(citizen)
            await s.flush()
            s.add(Conversation(id="web:x", citizen_id=citizen.id, channel="web", state={}, anon_id="a"))
        token = await store.new_login("web:x", "/book_meeting", NOW, timedelta(minutes=10))
        assert await store.start_login(token, "the-state", NONCE, "verifier", NOW)
        claims = await asyncio.gather(*(store.claim_login("the-state", NOW) for _ in range(30)))
        won = [c for c in claims if c is not None]
        assert len(won) == 1 and won[0].resume == "/book_meeting" and won[0].nonce == NONCE
        assert not await store.start_login(token, "again", NONCE, "verifier", NOW)  # a used login stays used
    finally:
        await engine.dispose()


async def test_30_parallel_first_logins_of_one_subject_make_one_citizen(any_db_url):
    store, engine = await _store(any_db_url)
    try:
        sessions = make_sessions(engine)
        async with sessions.begin() as s:
            for i in range(30):
                citizen = Citizen()
                s.add(citizen)
                await s.flush()
                s.add(Conversation(id=f"web:{i}", citizen_id=citizen.id, channel="web", state={}, anon_id=str(i)))
        ids = await asyncio.gather(*(store.log_in(f"web:{i}", "demo-anna-4f1c") for i in range(30)))
        assert len(set(ids)) == 1
        async with sessions() as s:
            from sqlalchemy import func, select
            assert await s.scalar(select(func.count()).select_from(Citizen)) == 1
    finally:
        await engine.dispose()


@pytest.fixture(scope="module")
def keys() -> tuple[RSAKey, KeySet]:
    key = RSAKey.generate_key(2048, parameters={"kid": "k1"})
    return key, KeySet([RSAKey.import_key(key.as_dict(private=False))])


def _token(key: RSAKey, **claims) -> str:
    now = int(time.time())
    body = {"iss": ISSUER, "aud": CLIENT, "sub": "demo-anna-4f1c", "iat": now, "exp": now + 300, "nonce": NONCE,
            **claims}
    return jwt.encode({"alg": "RS256", "kid": key.kid}, body, key)


def _check(token: str, jwks: KeySet) -> dict:
    return validate_id_token(token, jwks.as_dict(), issuer=ISSUER, client_id=CLIENT, nonce=NONCE)


def test_a_valid_id_token_gives_its_subject(keys):
    key, jwks = keys
    assert _check(_token(key), jwks)["sub"] == "demo-anna-4f1c"


@pytest.mark.parametrize("claims", [{"iss": "http://evil.test"}, {"aud": "another-client"}, {"nonce": "replayed"},
                                    {"exp": int(time.time()) - 3600}, {"nonce": None}],
                         ids=["wrong issuer", "wrong audience", "wrong nonce", "expired", "no nonce"])
def test_an_id_token_with_a_wrong_claim_is_refused(keys, claims):
    key, jwks = keys
    token = _token(key, **{k: v for k, v in claims.items() if v is not None})
    if claims.get("nonce", "") is None:
        token = jwt.encode({"alg": "RS256", "kid": key.kid}, {k: v for k, v in jwt.decode(token, key).claims.items()
                                                              if k != "nonce"}, key)
    with pytest.raises(LoginFailed):
        _check(token, jwks)


def test_an_id_token_signed_by_another_key_is_refused(keys):
    _, jwks = keys
    other = RSAKey.generate_key(2048, parameters={"kid": "k1"})
    with pytest.raises(LoginFailed):
        _check(_token(other), jwks)


def test_an_unsigned_id_token_is_refused(keys):
    _, jwks = keys
    import base64
    import json
    part = lambda d: base64.urlsafe_b64encode(json.dumps(d).encode()).rstrip(b"=").decode()  # noqa: E731
    now = int(time.time())
    token = f"{part({'alg': 'none'})}.{part({'iss': ISSUER, 'aud': CLIENT, 'sub': 'x', 'iat': now, 'exp': now + 60, 'nonce': NONCE})}."
    with pytest.raises(LoginFailed):
        _check(token, jwks)


def test_a_real_broker_is_never_sent_the_public_demo_secret():
    from pydantic import ValidationError

    from bot.settings import Settings

    with pytest.raises(ValidationError, match="OIDC_CLIENT_SECRET"):
        Settings(_env_file=None, oidc_issuer="https://broker.example.dk")
    assert Settings(_env_file=None, oidc_issuer="https://broker.example.dk", oidc_client_secret="s3cret").oidc_issuer
    assert Settings(_env_file=None).oidc_issuer is None  # the local provider takes the demo secret
