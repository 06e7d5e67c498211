"""Slow clients: a request whose headers or body arrive slowly, or never finish, does not block other
requests, and a stalled body is answered 504 after the request time limit (uvicorn in a thread on a
free port, raw sockets for the slow clients)."""

from __future__ import annotations

import json
import socket
import threading
import time

import pytest

uvicorn = pytest.importorskip("uvicorn")

TIMEOUT_S = 2.0


def _stub(article):  # stands in for spaCy: POST /code answers without a model
    return article


@pytest.fixture(scope="module")
def server():
    from tacitus.web import create_app

    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    config = uvicorn.Config(create_app(pipeline=_stub, timeout_s=TIMEOUT_S), host="127.0.0.1", port=port,
                            log_level="warning")
    server = uvicorn.Server(config)
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    deadline = time.monotonic() + 20
    while not server.started:
        assert time.monotonic() < deadline, "uvicorn did not start"
        time.sleep(0.05)
    yield "127.0.0.1", port
    server.should_exit = True
    thread.join(10)


def _connect(address) -> socket.socket:
    sock = socket.create_connection(address, timeout=10)
    return sock


def _normal_request(address) -> tuple[float, int, bytes]:
    """GET /openapi.json on a fresh connection; (seconds taken, status, body)."""
    started = time.monotonic()
    with _connect(address) as sock:
        sock.sendall(b"GET /openapi.json HTTP/1.1\r\nHost: test\r\nConnection: close\r\n\r\n")
        data = _read_all(sock)
    head, _, body = data.partition(b"\r\n\r\n")
    status = int(head.split(b" ")[1])
    return time.monotonic() - started, status, body


def _read_all(sock: socket.socket) -> bytes:
    chunks = []
    while True:
        chunk = sock.recv(65536)
        if not chunk:
            return b"".join(chunks)
        chunks.append(chunk)


def _code_post_head(length: int) -> bytes:
    return (f"POST /code HTTP/1.1\r\nHost: test\r\nContent-Type: application/json\r\n"
            f"Content-Length: {length}\r\nConnection: close\r\n\r\n").encode()


def test_a_stalled_body_does_not_block_other_requests(server):
    body = json.dumps({"text": "Pakistan met Russia in Moscow on Tuesday.", "id": "slow"}).encode()
    stalled = [_connect(server) for _ in range(5)]
    try:
        for sock in stalled:
            sock.sendall(_code_post_head(len(body)) + body[:10])  # headers and part of the body, then nothing
        time.sleep(0.2)
        for _ in range(3):
            took, status, answer = _normal_request(server)
            assert status == 200 and json.loads(answer)["info"]["title"] == "Tacitus"
            assert took < 1.0, took
    finally:
        for sock in stalled:
            sock.close()


def test_a_stalled_body_is_answered_504_after_the_time_limit(server):
    body = json.dumps({"text": "Pakistan met Russia.", "id": "slow"}).encode()
    with _connect(server) as sock:
        started = time.monotonic()
        sock.sendall(_code_post_head(len(body)) + body[:5])
        data = _read_all(sock)
        took = time.monotonic() - started
    assert data.startswith(b"HTTP/1.1 504"), data[:200]
    assert TIMEOUT_S - 0.5 <= took < TIMEOUT_S + 5
    assert json.loads(data.partition(b"\r\n\r\n")[2])["error"]["code"]


def test_a_body_dribbled_byte_by_byte_still_lets_others_through(server):
    body = json.dumps({"text": "Pakistan met Russia in Moscow on Tuesday.", "id": "drip"}).encode()
    result = {}

    def drip():
        with _connect(server) as sock:
            sock.sendall(_code_post_head(len(body)))
            for i in range(0, 20):
                sock.sendall(body[i:i + 1])
                time.sleep(0.05)
            sock.sendall(body[20:])
            result["data"] = _read_all(sock)

    thread = threading.Thread(target=drip)
    thread.start()
    try:
        time.sleep(0.2)
        took, status, _ = _normal_request(server)
        assert status == 200 and took < 1.0
    finally:
        thread.join(15)
    assert result["data"].startswith(b"HTTP/1.1 200"), result.get("data", b"")[:300]


def test_headers_that_never_finish_do_not_block_other_requests(server):
    slow = [_connect(server) for _ in range(5)]
    try:
        for sock in slow:
            sock.sendall(b"GET /openapi.json HTTP/1.1\r\nHost: te")  # the headers stop mid-line
        time.sleep(0.2)
        took, status, _ = _normal_request(server)
        assert status == 200 and took < 1.0
    finally:
        for sock in slow:
            sock.close()
