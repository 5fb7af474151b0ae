"""The response cache of the served dataset's workers (alliance_record.asgi.ResponseCache), on a
small ASGI application that counts its calls."""

import asyncio

import pytest

from alliance_record import asgi
from alliance_record.asgi import ResponseCache


class Counting:
    """An ASGI app answering ``status`` with a body of ``size`` bytes naming the path, in two parts."""

    def __init__(self, status=200, size=100, headers=()):
        self.calls, self.status, self.size, self.headers = 0, status, size, list(headers)

    async def __call__(self, scope, receive, send):
        self.calls += 1
        body = (scope["path"] + "?" + scope["query_string"].decode()).encode().ljust(self.size, b".")
        await send({"type": "http.response.start", "status": self.status,
                    "headers": [(b"content-type", b"text/html")] + self.headers})
        half = len(body) // 2
        await send({"type": "http.response.body", "body": body[:half], "more_body": True})
        await send({"type": "http.response.body", "body": body[half:]})


def call(app, path="/a", query=b"", method="GET", headers=()):
    sent = []

    async def receive():
        return {"type": "http.request", "body": b""}

    async def send(message):
        sent.append(message)

    scope = {"type": "http", "method": method, "path": path, "query_string": query, "headers": list(headers)}
    asyncio.run(app(scope, receive, send))
    start = sent[0]
    body = b"".join(m.get("body", b"") for m in sent[1:])
    return start["status"], dict(start["headers"]), body


def test_a_page_is_made_once_and_then_replayed():
    inner = Counting()
    cache = ResponseCache(inner, 1_000_000)
    status, headers, body = call(cache)
    assert (status, headers[b"x-alliance-cache"], inner.calls) == (200, b"miss", 1)
    again = call(cache)
    assert again[2] == body and again[1][b"x-alliance-cache"] == b"hit" and inner.calls == 1
    # the query string is part of the page; so is the method
    call(cache, query=b"_sort=id")
    call(cache, method="HEAD")
    assert inner.calls == 3 and len(cache) == 3


@pytest.mark.parametrize("inner, request_headers", [
    (Counting(status=404), ()),                                      # only a 200 is kept
    (Counting(headers=[(b"set-cookie", b"ds_csrftoken=x")]), ()),    # nor an answer setting a cookie
    (Counting(), [(b"authorization", b"Bearer x")]),                 # nor one to credentials
    (Counting(), [(b"cookie", b"ds_actor=abc")]),                    # or to a signed-in actor
    (Counting(size=asgi.MAX_ENTRY_BYTES + 1), ()),                   # nor a large download
])
def test_what_is_never_kept(inner, request_headers):
    cache = ResponseCache(inner, 100_000_000)
    first = call(cache, headers=request_headers)
    second = call(cache, headers=request_headers)
    assert inner.calls == 2 and len(cache) == 0 and first[2] == second[2]
    assert len(first[2]) == inner.size  # passed on whole all the same


def test_a_post_goes_through():
    inner = Counting()
    cache = ResponseCache(inner, 1_000_000)
    call(cache, method="POST")
    call(cache, method="POST")
    assert inner.calls == 2 and len(cache) == 0


def test_the_least_recently_used_page_leaves_first_within_the_bound():
    inner = Counting(size=1000)
    cache = ResponseCache(inner, 3 * 1300)       # room for three pages of ~1.2 kB with headers
    for path in ("/a", "/b", "/c"):
        call(cache, path)
    call(cache, "/a")                             # /a used again: /b is now the oldest
    call(cache, "/d")
    assert [k[2] for k in cache.entries] == ["/c", "/a", "/d"]
    assert cache.used <= cache.max_bytes
    calls = inner.calls
    call(cache, "/b")
    assert inner.calls == calls + 1               # /b was let go, /a kept
    call(cache, "/a")
    assert inner.calls == calls + 1


def test_no_cache_at_zero_bytes():
    inner = Counting()
    cache = ResponseCache(inner, 0)
    call(cache)
    status, headers, _ = call(cache)
    assert inner.calls == 2 and b"x-alliance-cache" not in headers
