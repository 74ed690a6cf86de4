# pyright: strict
"""How a script uses netcodes, written the way a user would.

tests/python_package.rs type-checks this file with `mypy --strict` and
pyright (strict) against the package installed in a fresh venv, then runs
it there. `assert_type` makes both checkers prove the exact types the stubs
promise; the plain asserts hold at run time.
"""

from __future__ import annotations

import http
from typing import assert_type

import netcodes
from netcodes import (
    Category,
    MappingKind,
    Retry,
    RetryDecision,
    Rule,
    chromium,
    qt,
    warning,
)
from netcodes import http as nhttp

assert_type(netcodes.__version__, str)
assert netcodes.__version__.count(".") == 2

# Lookups: unknown values give None, never an exception.
found = qt.lookup(203)
assert_type(found, qt.NetworkError | None)
assert found is qt.NetworkError.CONTENT_NOT_FOUND_ERROR
assert qt.lookup(1000) is None
assert nhttp.lookup(1000) is None

# Members are ints that carry their facts.
error = qt.NetworkError(203)
assert_type(error, qt.NetworkError)
assert error == 203
assert isinstance(error, int)
assert_type(error.upstream_name, str)
assert error.upstream_name == "ContentNotFoundError"
assert_type(error.description, str)
assert error.description
assert_type(error.category, Category)
assert_type(error.retry, Retry)
assert error.retry is Retry.NEVER
assert_type(error.group, qt.Group)
assert error.group is qt.Group.CONTENT
assert_type(error.since, str | None)
assert_type(qt.NetworkError.TOO_MANY_REDIRECTS_ERROR.since, str | None)
assert error.name == "CONTENT_NOT_FOUND_ERROR"
assert error.value == 203
assert f"{error:d}" == "203"

# The shared vocabulary.
assert_type(Category.TLS.title, str)
assert_type(Category.TLS.description, str)
assert Retry.RETRY_AFTER.value == "retry_after"
assert Retry("retry_after") is Retry.RETRY_AFTER
assert_type(Retry.IDEMPOTENT.description, str)

# Groups: the ranges upstream documents.
group = qt.Group.of(150)
assert_type(group, qt.Group | None)
assert group is qt.Group.PROXY
assert_type(qt.Group.PROXY.range, tuple[int, int])
low, high = qt.Group.PROXY.range
assert low <= 150 <= high
assert_type(qt.Group.PROXY.title, str)
assert qt.Group.of(100) is None

# Names: upstream's spelling or the member's.
assert_type(qt.from_name("ContentNotFoundError"), qt.NetworkError | None)
assert qt.from_name("ContentNotFoundError") is error
assert qt.from_name("CONTENT_NOT_FOUND_ERROR") is error
assert qt.from_name("contentnotfounderror") is error  # forgiving: case is ignored
assert qt.from_exact_name("contentnotfounderror") is None
net_error = chromium.from_name("ERR_NAME_NOT_RESOLVED")
assert_type(net_error, chromium.NetError | None)
assert net_error is chromium.NetError.ERR_NAME_NOT_RESOLVED
assert chromium.from_name("NAME_NOT_RESOLVED") is net_error
assert net_error.upstream_name == "ERR_NAME_NOT_RESOLVED"

# Constructing from an unknown value raises, naming the value.
try:
    qt.NetworkError(1000)
except ValueError as failure:
    assert "1000" in str(failure)
else:
    raise AssertionError("NetworkError(1000) did not raise")

# Chromium: flags and retired numbers.
cert = chromium.NetError.ERR_CERT_DATE_INVALID
assert_type(cert.is_certificate_error, bool)
assert cert.is_certificate_error
assert_type(cert.is_client_certificate_error, bool)
assert_type(chromium.is_retired(-813), bool)
assert chromium.is_retired(-813)
assert chromium.lookup(-813) is None
assert not chromium.is_retired(-105)

# HTTP: at home next to http.HTTPStatus.
status_code: int = http.HTTPStatus.NOT_FOUND
assert status_code == nhttp.Status.NOT_FOUND
seen: dict[int, str] = {http.HTTPStatus.NOT_FOUND: "seen"}
assert seen[nhttp.Status.NOT_FOUND] == "seen"
assert nhttp.Status(http.HTTPStatus.BAD_GATEWAY) is nhttp.Status.BAD_GATEWAY
assert_type(nhttp.Status.NOT_FOUND.phrase, str | None)
assert nhttp.Status.NOT_FOUND.phrase == http.HTTPStatus.NOT_FOUND.phrase
assert_type(nhttp.Status.NOT_FOUND.upstream_name, str | None)
assert_type(nhttp.from_reason("not found"), nhttp.Status | None)
assert nhttp.from_reason("NOT FOUND") is nhttp.Status.NOT_FOUND
assert nhttp.from_reason("Request Entity Too Large") is nhttp.Status.CONTENT_TOO_LARGE

# A number with several meanings: one member, every meaning listed.
meanings = nhttp.meanings(499)
assert_type(meanings, tuple[nhttp.Meaning, ...])
assert len(meanings) >= 2
first = meanings[0]
assert_type(first.code, int)
assert_type(first.source, str)
assert_type(first.identifier, str)
assert_type(first.phrase, str | None)
assert_type(first.description, str)
assert_type(first.category, Category)
assert_type(first.retry, Retry)
assert_type(first.status, str)
# A constant named for another meaning answers with that meaning, and is its number.
esri = nhttp.Status.ESRI_TOKEN_REQUIRED
assert_type(esri, nhttp.Meaning)
assert esri == 499 and esri == nhttp.Status(499) and int(esri) == 499
assert nhttp.Status(int(esri)) is nhttp.lookup(499)
assert esri.phrase == "Token Required" and nhttp.Status(499).phrase is None
assert esri.description == meanings[1].description != meanings[0].description
assert [m.identifier for m in meanings][:2] == ["NGINX_CLIENT_CLOSED_REQUEST", "ESRI_TOKEN_REQUIRED"]
assert nhttp.meanings(1000) == ()

# Names as people paste them; the exact lookup stays exact.
assert chromium.from_name("net::ERR_CERT_AUTHORITY_INVALID") is chromium.NetError.ERR_CERT_AUTHORITY_INVALID
assert chromium.from_name("  err_cert_authority_invalid\n") is chromium.NetError.ERR_CERT_AUTHORITY_INVALID
assert chromium.from_exact_name("err_cert_authority_invalid") is None

# One call decides a retry.
decision = nhttp.Status.SERVICE_UNAVAILABLE.retry_decision(idempotent=True, retry_after=30)
assert_type(decision, RetryDecision)
assert decision.retry and decision.after == 30.0
assert not nhttp.Status.SERVICE_UNAVAILABLE.retry_decision(idempotent=True).retry
assert not nhttp.Status.BAD_GATEWAY.retry_decision(idempotent=False).retry

# Warning codes are their own system: Warning 214 is not a status.
transformed = warning.Warning(214)
assert_type(transformed.upstream_name, str)
assert transformed.upstream_name == "Transformation Applied"

# Cross-mappings live in the module of the system they answer in.
assert_type(qt.from_http_status(502), qt.NetworkError | None)
assert qt.from_http_status(502) is qt.NetworkError.UNKNOWN_SERVER_ERROR
assert qt.from_http_status(nhttp.Status.NOT_FOUND) is qt.NetworkError.CONTENT_NOT_FOUND_ERROR
rule = qt.from_http_status_rule(599)
assert_type(rule, Rule[qt.NetworkError] | None)
assert rule is not None
assert_type(rule.to, qt.NetworkError)
assert_type(rule.kind, MappingKind)
assert_type(rule.note, str | None)
assert rule.kind is MappingKind.UPSTREAM
assert rule.to is qt.NetworkError.UNKNOWN_SERVER_ERROR

gateway = nhttp.from_qt_rule(qt.NetworkError.TIMEOUT_ERROR)
assert_type(gateway, Rule[nhttp.Status] | None)
assert gateway is not None
assert gateway.to is nhttp.Status.GATEWAY_TIMEOUT
assert gateway.note is not None
assert_type(nhttp.from_chromium(chromium.NetError.ERR_CONNECTION_REFUSED), nhttp.Status | None)
assert_type(qt.from_chromium(-105), qt.NetworkError | None)
assert qt.from_chromium(chromium.NetError.ERR_NAME_NOT_RESOLVED) is qt.NetworkError.HOST_NOT_FOUND_ERROR


def describe(code: int) -> str:
    """What a log line would say about a Chromium error code."""
    found = chromium.lookup(code)
    if found is None:
        return f"unknown net error {code}"
    answer = qt.from_chromium_rule(found)
    match answer:
        case Rule(to=target, kind=MappingKind.EQUIVALENT):
            return f"{found.name} is {target.upstream_name}"
        case Rule(to=target, note=note):
            return f"{found.name} is roughly {target.upstream_name}: {note}"
        case None:
            return f"{found.name} has no Qt counterpart"


assert describe(-105) == "ERR_NAME_NOT_RESOLVED is HostNotFoundError"
assert describe(1) == "unknown net error 1"
assert describe(-201).startswith("ERR_CERT_DATE_INVALID is")

# Rules are frozen values.
same = qt.from_chromium_rule(-105)
assert same == qt.from_chromium_rule(-105)
assert same is not None
assert hash(same) == hash(qt.from_chromium_rule(-105))

# Iterating a system: every member once, aliases left out, as for any enum.
retryable = [e for e in qt.NetworkError if e.retry in (Retry.AFTER_DELAY, Retry.FRESH_CONNECTION)]
assert qt.NetworkError.TIMEOUT_ERROR in retryable
assert len(list(nhttp.Status)) == len({int(s) for s in nhttp.Status})

print("usage.py: ok")
