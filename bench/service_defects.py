#!/usr/bin/env python3
"""Probes a wa-signup-demo binary for the five defects issue 12 measured
(loopback only, bounded; prints what it sees, asserts nothing):

  python3 bench/service_defects.py target/release/wa-signup-demo

1. a cross-site text/plain POST in proxy mode reaches the platform with the key;
2. ?forceStatus=503&delayMs=3000 changes the answer in proxy mode;
3. connections that send half a header stay open (checked after 12 s);
4. any Host header is served (DNS rebinding);
5. the code reaches the request log when it is not a top-level JSON string.
"""
import json
import os
import socket
import subprocess
import sys
import time

BIN = sys.argv[1] if len(sys.argv) > 1 else "target/release/wa-signup-demo"
KEY = "sk_admin_probe0123456789abcd"
SECRET = "AQprobesecretcode0123456789"


def start(args, env=None):
    p = subprocess.Popen([BIN, "--port", "0", "--meta-port", "0", *args], stdout=subprocess.PIPE,
                         stderr=subprocess.DEVNULL, text=True, env={**os.environ, **(env or {})})
    for line in p.stdout:
        if line.startswith("WA_SIGNUP_DEMO_READY"):
            parts = dict(kv.split("=", 1) for kv in line.split()[1:])
            return p, parts["app"].removeprefix("http://"), parts["meta"].removeprefix("http://")
    raise SystemExit("no READY line")


def http(hostport, method, path, headers=(), body="", host=None):
    h, port = hostport.rsplit(":", 1)
    s = socket.create_connection((h, int(port)), timeout=10)
    head = f"{method} {path} HTTP/1.1\r\nHost: {host or hostport}\r\nConnection: close\r\nContent-Length: {len(body.encode())}\r\n"
    head += "".join(f"{k}: {v}\r\n" for k, v in headers) + "\r\n"
    s.sendall(head.encode() + body.encode())
    raw = b""
    while chunk := s.recv(65536):
        raw += chunk
    s.close()
    head, _, rest = raw.decode(errors="replace").partition("\r\n\r\n")
    return int(head.split(" ")[1]), rest


def mint(meta):
    spec = {"wabaId": "102290129340398", "businessId": "2729063490586005", "businessName": "Acme Corp",
            "phoneNumberId": "106540352242922", "displayPhoneNumber": "+15551234567", "isCoexistence": False,
            "appId": "1234567890"}
    return json.loads(http(meta, "POST", "/__meta/oauth/code", [("Content-Type", "application/json")], json.dumps(spec))[1])["code"]


def body(code):
    return json.dumps({"code": code, "wabaId": "102290129340398", "phoneNumberId": "106540352242922",
                       "businessId": "2729063490586005", "isCoexistence": False})


procs = []
try:
    platform, papp, pmeta = start([])
    procs.append(platform)
    proxy, app, _ = start(["--upstream", f"http://{papp}"], {"WA_SIGNUP_ADMIN_KEY": KEY})
    procs.append(proxy)
    origin = f"http://{app}"

    status, _ = http(app, "POST", "/api/signup/callback",
                     [("Origin", "https://evil.example"), ("Content-Type", "text/plain")], body(mint(pmeta)))
    log = json.loads(http(papp, "GET", "/__sandbox/requests")[1])
    auth = log["requests"][0]["headers"].get("authorization") if log["count"] else None
    print(f"1. cross-site text/plain POST: {status}; platform received {log['count']} (authorization: {auth})")

    t = time.time()
    status, _ = http(app, "POST", "/api/signup/callback?forceStatus=503&delayMs=3000",
                     [("Origin", origin), ("Content-Type", "application/json")], body(mint(pmeta)))
    print(f"2. proxy mode with ?forceStatus=503&delayMs=3000: {status} after {time.time() - t:.1f} s")

    slow = []
    for _ in range(100):
        s = socket.create_connection(tuple([app.rsplit(":", 1)[0], int(app.rsplit(":", 1)[1])]))
        s.sendall(b"POST /api/signup/callback HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Slow: ")
        slow.append(s)
    time.sleep(12)
    still = 0
    for s in slow:
        s.setblocking(False)
        try:
            still += 1 if s.recv(1) else 0
        except BlockingIOError:
            still += 1
        except OSError:
            pass
        s.close()
    print(f"3. 100 half-header connections: {still} still open after 12 s")

    status, _ = http(app, "GET", "/__sandbox/requests", host="rebind.evil.example")
    print(f"4. GET /__sandbox/requests with Host: rebind.evil.example: {status}")

    sandbox, sapp, _ = start([])
    procs.append(sandbox)
    shapes = [f"code={SECRET}", json.dumps({"wrap": {"code": SECRET}}),
              '{"code":"%s","code":"x"}' % SECRET, f"not json {SECRET}"]
    for b in shapes:
        http(sapp, "POST", "/api/signup/callback", [("Content-Type", "application/json")], b)
    http(sapp, "POST", f"/api/signup/callback?code={SECRET}", [("Content-Type", "application/json")], "{}")
    log = http(sapp, "GET", "/__sandbox/requests")[1]
    print(f"5. code in 5 non-top-level shapes: the request log holds it {log.count(SECRET)} times")
finally:
    for p in procs:
        p.terminate()
