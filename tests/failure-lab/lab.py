#!/usr/bin/env python3
"""netcodes' failure lab: stages real network failures on 127.0.0.1 and
records the code Qt (QNetworkAccessManager, through PyQt6), Chromium
(headless, over the DevTools protocol) and curl (its exit status, the
CURLcode) report for each.

    python3 lab.py --data DATA --out DIR [--only CASE,...]

DATA is netcodes' data/ folder: the cases run are those of
DATA/failure_lab/cases.csv, in its order, and each must be one this file
stages. Writes DIR/reports.csv (case,client,code,status: the layout of
DATA/failure_lab/reports.csv, so a run can replace it), DIR/run.json
(versions, timings, every outcome of repeated runs, details such as Qt's
errorString) and DIR/logs/. Exit status 0 when every case ran through every
client, whatever they reported; 1 otherwise; 2 when the lab cannot start.

The whole run happens inside fresh network and mount namespaces (`unshare
--net --mount`, as root): the only interface is loopback, and
/etc/resolv.conf names 127.0.0.1, where the lab answers every DNS query with
NXDOMAIN. Nothing a client tries can leave the machine.

Needs: Debian's python3 with python3-cryptography, PyQt6 in
/opt/netcodes-upstream/pyqt6, chromium, curl with curl/curl.h, certutil,
unshare and ip (tests/failure-lab/install.sh installs them).
"""
from __future__ import annotations

import argparse
import concurrent.futures as cf
import csv
import datetime as dt
import ipaddress
import itertools
import json
import os
import re
import shutil
import signal
import socket
import ssl
import struct
import subprocess
import sys
import tempfile
import threading
import time
import tomllib
import warnings
from pathlib import Path

from cryptography import x509
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import ec
from cryptography.x509.oid import ExtendedKeyUsageOID, NameOID

HERE = Path(__file__).resolve().parent
QT_PYTHON = "/opt/netcodes-upstream/pyqt6/bin/python"
CHROMIUM = "/usr/bin/chromium"
CURL = "/usr/bin/curl"
CURL_HEADER = "/usr/include/x86_64-linux-gnu/curl/curl.h"

# Client-side timeouts (the read_timeout case relies on them).
QT_TRANSFER_TIMEOUT_MS = 1500
CURL_SPEED_TIME_S = 1  # --speed-limit 1 --speed-time 1: give up after 1 s without a byte (an idle timeout)
CURL_MAX_TIME_S = 5  # a cap on the whole transfer only; the 50-hop redirect cases need most of it
# Every case has this long in every client; a client still busy then is
# stopped and the case recorded as "nothing reported" (Chromium has no read
# timeout of its own, so read_timeout ends this way there).
CASE_TIMEOUT_S = 6.0
# Repetitions: Qt and curl are cheap, and repeating shows an outcome that
# depends on timing; the report is the most frequent outcome.
QT_REPEATS = 7
CURL_REPEATS = 3
CHROMIUM_PARALLEL = 4
CURL_PARALLEL = 8

NX_NAME = "nxdomain.invalid"
LOOPBACK = "127.0.0.1"
T0 = time.monotonic()


def log(msg: str) -> None:
    print(f"[lab {time.monotonic() - T0:6.2f}s] {msg}", file=sys.stderr, flush=True)


def curle_names() -> dict[int, str]:
    """CURLcode names by number, read from the installed curl.h."""
    src = Path(CURL_HEADER).read_text()
    m = re.search(r"typedef enum \{\s*CURLE_OK = 0,(.*?)\} CURLcode;", src, re.S)
    if not m:
        raise SystemExit(f"lab: no CURLcode enum in {CURL_HEADER}")
    names = ["CURLE_OK"] + re.findall(r"^\s*(CURLE_[A-Z0-9_]+)", m.group(1), re.M)
    # CURLE_OBSOLETE is a #define-only leftover, never an enumerator with a value.
    names = [n for n in names if n not in ("CURLE_OBSOLETE", "CURL_LAST")]
    return dict(enumerate(names))


# ---------------------------------------------------------------------------
# Certificates
# ---------------------------------------------------------------------------


class Certs:
    """A throw-away test CA and the leaf certificates the TLS cases need. Qt,
    curl and Chromium all trust the CA, so each TLS case fails for its own
    reason (self_signed is the one no client trusts)."""

    def __init__(self, d: Path):
        self.dir = d
        now = dt.datetime.now(dt.timezone.utc)
        self.ca_key = ec.generate_private_key(ec.SECP256R1())
        ca_name = x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, "netcodes failure-lab test CA")])
        self.ca_cert = (
            x509.CertificateBuilder()
            .subject_name(ca_name).issuer_name(ca_name)
            .public_key(self.ca_key.public_key())
            .serial_number(x509.random_serial_number())
            .not_valid_before(now - dt.timedelta(days=1))
            .not_valid_after(now + dt.timedelta(days=30))
            .add_extension(x509.BasicConstraints(ca=True, path_length=0), critical=True)
            .add_extension(x509.KeyUsage(False, False, False, False, False, True, True, False, False), critical=True)
            .sign(self.ca_key, hashes.SHA256())
        )
        self.ca_file = self._write("ca.pem", self.ca_cert.public_bytes(serialization.Encoding.PEM))
        ip = x509.IPAddress(ipaddress.ip_address(LOOPBACK))
        self.files = {}
        soon, later = now - dt.timedelta(days=1), now + dt.timedelta(days=30)
        self._leaf("self_signed", [ip], soon, later, self_signed=True)
        self._leaf("expired", [ip], dt.datetime(2020, 1, 1, tzinfo=dt.timezone.utc),
                   dt.datetime(2021, 1, 1, tzinfo=dt.timezone.utc))
        self._leaf("wrong_name", [x509.DNSName("not-this-host.example")], soon, later)
        self._leaf("good", [ip], soon, later)

    def _write(self, name: str, data: bytes) -> str:
        p = self.dir / name
        p.write_bytes(data)
        return str(p)

    def _leaf(self, tag, sans, not_before, not_after, self_signed=False):
        key = ec.generate_private_key(ec.SECP256R1())
        subject = x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, f"failure-lab {tag}")])
        cert = (
            x509.CertificateBuilder()
            .subject_name(subject).issuer_name(subject if self_signed else self.ca_cert.subject)
            .public_key(key.public_key())
            .serial_number(x509.random_serial_number())
            .not_valid_before(not_before).not_valid_after(not_after)
            .add_extension(x509.SubjectAlternativeName(sans), critical=False)
            .add_extension(x509.ExtendedKeyUsage([ExtendedKeyUsageOID.SERVER_AUTH]), critical=False)
            .sign(key if self_signed else self.ca_key, hashes.SHA256())
        )
        keypem = key.private_bytes(serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8,
                                   serialization.NoEncryption())
        self.files[tag] = (self._write(f"{tag}.crt", cert.public_bytes(serialization.Encoding.PEM)),
                           self._write(f"{tag}.key", keypem))

    def server_context(self, tag: str, *, require_client_cert=False, old_tls_only=False,
                       max_tls12=False) -> ssl.SSLContext:
        ctx = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
        ctx.load_cert_chain(*self.files[tag])
        if require_client_cert:
            ctx.verify_mode = ssl.CERT_REQUIRED
            ctx.load_verify_locations(self.ca_file)
        if old_tls_only:
            with warnings.catch_warnings():
                warnings.simplefilter("ignore", DeprecationWarning)
                ctx.minimum_version = ssl.TLSVersion.TLSv1
                ctx.maximum_version = ssl.TLSVersion.TLSv1_1
            ctx.set_ciphers("DEFAULT:@SECLEVEL=0")
        if max_tls12:
            ctx.maximum_version = ssl.TLSVersion.TLSv1_2
        return ctx



# ---------------------------------------------------------------------------
# Servers (thread per connection, all on 127.0.0.1, port chosen by the kernel)
# ---------------------------------------------------------------------------

STOP = threading.Event()


def read_request(conn: socket.socket, limit=65536) -> bytes:
    conn.settimeout(5)
    data = b""
    while b"\r\n\r\n" not in data and len(data) < limit:
        chunk = conn.recv(4096)
        if not chunk:
            break
        data += chunk
    return data


def request_target(req: bytes) -> str:
    line = req.split(b"\r\n", 1)[0].decode("latin-1")
    parts = line.split(" ")
    return parts[1] if len(parts) > 1 else ""


def graceful_close(conn: socket.socket) -> None:
    """FIN, then drain what the client still sends, so close() never turns into RST."""
    try:
        conn.shutdown(socket.SHUT_WR)
        conn.settimeout(1)
        while conn.recv(4096):
            pass
    except OSError:
        pass
    finally:
        conn.close()


def abortive_close(conn: socket.socket) -> None:
    """close() with SO_LINGER {on, 0}: the kernel sends RST instead of FIN."""
    sock = conn
    try:
        if isinstance(conn, ssl.SSLSocket):  # reach the raw socket under TLS
            sock = socket.socket(fileno=os.dup(conn.fileno()))
        sock.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, struct.pack("ii", 1, 0))
    finally:
        if sock is not conn:
            sock.close()
        conn.close()


def http_response(status: int, reason: str, body: bytes = b"", headers=()) -> bytes:
    head = [f"HTTP/1.1 {status} {reason}", f"Content-Length: {len(body)}", "Connection: close"]
    head += list(headers)
    return ("\r\n".join(head) + "\r\n\r\n").encode() + body


def html(text: str) -> bytes:
    return f"<!doctype html><title>{text}</title><h1>{text}</h1>".encode()


def tls_handshake_with_rtt(conn: socket.socket, ctx: ssl.SSLContext, rtt: float) -> None:
    """Server-side TLS handshake over memory BIOs that waits `rtt` seconds after
    sending its first flight before reading the client's second flight.

    On loopback a TLS 1.3 server's certificate_required alert can reach the
    client before the client has written its request, and then who wins the
    race decides the error (Chromium: ERR_SOCKET_NOT_CONNECTED or
    ERR_BAD_SSL_CLIENT_AUTH_CERT; curl: 55 or 56). Over a real network the
    request is written one round trip before the alert arrives; the pause
    reproduces that order every time. Only failing handshakes are expected here.
    """
    inb, outb = ssl.MemoryBIO(), ssl.MemoryBIO()
    obj = ctx.wrap_bio(inb, outb, server_side=True)
    flights = 0
    conn.settimeout(5)
    while True:
        try:
            obj.do_handshake()
            out = outb.read()
            if out:
                conn.sendall(out)
            return
        except ssl.SSLWantReadError:
            out = outb.read()
            if out:
                conn.sendall(out)
                flights += 1
                if flights == 1:
                    time.sleep(rtt)
            data = conn.recv(65536)
            if not data:
                raise ConnectionError("client went away during the handshake") from None
            inb.write(data)
        except ssl.SSLError:
            out = outb.read()
            if out:
                conn.sendall(out)  # the alert
            raise


class Server:
    def __init__(self, name: str, handler, tls: ssl.SSLContext | None = None, tls_rtt: float | None = None):
        self.name = name
        self.handler = handler
        self.tls = tls
        self.tls_rtt = tls_rtt
        self.sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
        self.sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        self.sock.bind((LOOPBACK, 0))
        self.sock.listen(128)
        self.port = self.sock.getsockname()[1]
        self.conns: list[socket.socket] = []
        self.lock = threading.Lock()
        self.accepted = 0
        threading.Thread(target=self._accept_loop, name=f"srv-{name}", daemon=True).start()

    def _accept_loop(self):
        while not STOP.is_set():
            try:
                conn, _ = self.sock.accept()
            except OSError:
                return
            with self.lock:
                self.accepted += 1
                self.conns.append(conn)
            threading.Thread(target=self._serve, args=(conn,), daemon=True).start()

    def _serve(self, conn):
        try:
            if self.tls is not None and self.tls_rtt is not None:
                try:
                    tls_handshake_with_rtt(conn, self.tls, self.tls_rtt)
                except (ssl.SSLError, OSError):
                    pass
                graceful_close(conn)
                return
            if self.tls is not None:
                conn.settimeout(5)
                try:
                    conn = self.tls.wrap_socket(conn, server_side=True)
                except (ssl.SSLError, OSError):
                    # OpenSSL has already sent its alert; close with FIN after
                    # draining, so the client reads the alert instead of an RST.
                    graceful_close(conn)
                    return
            self.handler(conn)
        except OSError:
            pass
        finally:
            try:
                conn.close()
            except OSError:
                pass

    def close(self):
        try:
            self.sock.close()
        except OSError:
            pass
        with self.lock:
            for c in self.conns:
                try:
                    c.close()
                except OSError:
                    pass


# --- handlers -------------------------------------------------------------

def h_status(status, reason, body=None, headers=()):
    def handler(conn):
        read_request(conn)
        conn.sendall(http_response(status, reason, html(f"{status} {reason}") if body is None else body, headers))
        graceful_close(conn)
    return handler


def h_reset_mid_response(conn):
    read_request(conn)
    conn.sendall(b"HTTP/1.1 200 OK\r\nContent-Type: text/html\r\nContent-Length: 100000\r\n\r\n")
    conn.sendall(b"<!doctype html><p>" + b"x" * 2000)
    time.sleep(0.3)
    abortive_close(conn)


def h_truncated_fin(conn):
    read_request(conn)
    conn.sendall(b"HTTP/1.1 200 OK\r\nContent-Type: text/html\r\nContent-Length: 100000\r\n\r\n")
    conn.sendall(b"<!doctype html><p>" + b"x" * 2000)
    time.sleep(0.3)
    graceful_close(conn)


def h_close_before_answer(conn):
    read_request(conn)
    graceful_close(conn)


def h_hang(conn):
    read_request(conn)
    STOP.wait(30)


def h_garbage(conn):
    read_request(conn)
    conn.sendall(b"SSH-2.0-OpenSSH_9.2 this is not an HTTP response\r\n\x00\x01\x02garbage\r\n")
    graceful_close(conn)


def h_garbage_keep_open(conn):
    read_request(conn)
    conn.sendall(b"SSH-2.0-OpenSSH_9.2 this is not an HTTP response\r\n\x00\x01\x02garbage\r\n")
    STOP.wait(3)
    graceful_close(conn)


def h_gzip_garbage(conn):
    read_request(conn)
    body = b"this body is labelled gzip but is plain garbage !!" * 4
    conn.sendall(http_response(200, "OK", body, ["Content-Type: text/html", "Content-Encoding: gzip"]))
    graceful_close(conn)


def h_redirect_loop(conn):
    read_request(conn)
    conn.sendall(http_response(302, "Found", b"", ["Location: /loop"]))
    graceful_close(conn)


def h_redirect_chain(conn):
    target = request_target(read_request(conn))
    m = re.search(r"/hop/(\d+)", target)
    n = int(m.group(1)) + 1 if m else 1
    conn.sendall(http_response(302, "Found", b"", [f"Location: /hop/{n}"]))
    graceful_close(conn)


def h_proxy_407(conn):
    read_request(conn)
    conn.sendall(http_response(407, "Proxy Authentication Required", html("407 Proxy Authentication Required"),
                               ["Proxy-Authenticate: Basic realm=\"failure-lab\"", "Content-Type: text/html"]))
    graceful_close(conn)


def h_ok(conn):
    read_request(conn)
    conn.sendall(http_response(200, "OK", html("200 OK"), ["Content-Type: text/html"]))
    graceful_close(conn)


# --- a DNS responder that answers NXDOMAIN to everything -------------------

class NxDns:
    """UDP 127.0.0.1:53. Qt and curl run in a private mount namespace whose
    /etc/resolv.conf points here, so the .invalid lookup never leaves the box."""

    def __init__(self):
        self.sock = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
        self.sock.bind((LOOPBACK, 53))
        self.queries = 0
        threading.Thread(target=self._loop, daemon=True).start()

    def _loop(self):
        while True:
            try:
                q, addr = self.sock.recvfrom(4096)
            except OSError:
                return
            if len(q) < 12:
                continue
            i = 12
            while i < len(q) and q[i] != 0:
                i += q[i] + 1
            question = q[12:i + 5]
            flags = 0x8000 | (q[2] & 0x79) << 8 | 0x0080 | 3  # QR, opcode+RD kept, RA, NXDOMAIN
            resp = q[:2] + struct.pack(">HHHHH", flags, 1, 0, 0, 0) + question
            self.queries += 1
            try:
                self.sock.sendto(resp, addr)
            except OSError:
                pass

    def close(self):
        self.sock.close()


# ---------------------------------------------------------------------------
# Cases: what each one stages is described in data/failure_lab/cases.csv
# ---------------------------------------------------------------------------

class Case:
    def __init__(self, cid: str, url: str, proxy: int | None = None):
        self.id = cid
        self.url = url
        self.proxy = proxy  # port of an HTTP proxy on 127.0.0.1, or None


def build_cases(certs: Certs, servers: list, holders: list) -> dict[str, Case]:
    def srv(name, handler, tls=None, tls_rtt=None):
        s = Server(name, handler, tls, tls_rtt)
        servers.append(s)
        return s.port

    def closed_port():
        # Bound but never listening: the kernel answers every SYN with RST,
        # and no other process can take the port while the lab runs.
        sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
        sock.bind((LOOPBACK, 0))
        holders.append(sock)
        return sock.getsockname()[1]

    def http(port, path="/"):
        return f"http://{LOOPBACK}:{port}{path}"

    def https(port, path="/"):
        return f"https://{LOOPBACK}:{port}{path}"

    ok_port = srv("ok", h_ok)
    ok_tls_port = srv("ok-tls", h_ok, certs.server_context("good"))
    proxy407 = srv("proxy407", h_proxy_407)
    # On loopback a TLS 1.3 server's certificate_required alert can beat the
    # client's request; a pause of one emulated round trip keeps the order a
    # real network has (see tls_handshake_with_rtt).
    client_auth = certs.server_context("good", require_client_cert=True)
    cases = [
        Case("connection_refused", http(closed_port())),
        Case("connection_reset_mid_response", http(srv("reset", h_reset_mid_response))),
        Case("truncated_body_fin", http(srv("truncated", h_truncated_fin))),
        Case("closed_before_response", http(srv("close", h_close_before_answer))),
        Case("read_timeout", http(srv("hang", h_hang))),
        Case("tls_self_signed", https(srv("selfsigned", h_ok, certs.server_context("self_signed")))),
        Case("tls_expired", https(srv("expired", h_ok, certs.server_context("expired")))),
        Case("tls_hostname_mismatch", https(srv("wrongname", h_ok, certs.server_context("wrong_name")))),
        Case("tls_client_cert_required", https(srv("clientauth", h_ok, client_auth, tls_rtt=0.3))),
        Case("tls_client_cert_required_tls12",
             https(srv("clientauth12", h_ok, certs.server_context("good", require_client_cert=True, max_tls12=True)))),
        Case("tls_old_version_only", https(srv("tls10", h_ok, certs.server_context("good", old_tls_only=True)))),
        Case("redirect_loop", http(srv("loop", h_redirect_loop), "/loop")),
        Case("too_many_redirects", http(srv("chain", h_redirect_chain), "/hop/0")),
        Case("http09_garbage", http(srv("garbage", h_garbage))),
        Case("http09_garbage_keep_open", http(srv("garbage-open", h_garbage_keep_open))),
        Case("proxy_refused", http(ok_port), proxy=closed_port()),
        Case("proxy_auth_407", http(ok_port), proxy=proxy407),
        Case("proxy_auth_407_connect", https(ok_tls_port), proxy=proxy407),
        Case("unsupported_scheme", f"foo://{LOOPBACK}/"),
        Case("content_decoding_error", http(srv("gzip", h_gzip_garbage))),
        Case("http_404", http(srv("404", h_status(404, "Not Found")))),
        Case("http_404_empty_body", http(srv("404e", h_status(404, "Not Found", b"")))),
        Case("http_502", http(srv("502", h_status(502, "Bad Gateway")))),
        Case("http_503", http(srv("503", h_status(503, "Service Unavailable", None, ["Retry-After: 1"])))),
        Case("name_not_resolved", f"http://{NX_NAME}/"),
    ]
    return {c.id: c for c in cases}


def clean_env() -> dict:
    env = {k: v for k, v in os.environ.items() if "proxy" not in k.lower()}
    env["QT_QPA_PLATFORM"] = "offscreen"
    return env

# ---------------------------------------------------------------------------
# Qt
# ---------------------------------------------------------------------------

def aggregate(runs: list[dict], key) -> dict:
    """Fold repeated runs of one case into one record: the most frequent
    outcome (ties: the earliest) plus, when runs differ, every outcome with
    its count."""
    if not runs:
        return {}
    groups: dict = {}
    for r in runs:
        groups.setdefault(key(r), []).append(r)
    ordered = sorted(groups.values(), key=lambda g: -len(g))  # stable: earliest first among equals
    rec = dict(ordered[0][0])
    rec["runs"] = len(runs)
    if len(groups) > 1:
        rec["outcomes"] = [dict(g[0], count=len(g)) for g in ordered]
    return rec


def qt_key(r):
    return (r.get("name"), r.get("http_status"), r.get("harness_timeout"))


def curl_key(r):
    return (r.get("code"), r.get("http_status"), r.get("harness_timeout"))


def run_qt(cases, certs, tmp, logs, repeats):
    jobs = [{
        "id": f"{c.id}#{k}", "url": c.url,
        "proxy": {"host": LOOPBACK, "port": c.proxy} if c.proxy else None,
        "ca_file": certs.ca_file,
        "transfer_timeout_ms": QT_TRANSFER_TIMEOUT_MS,
        "hard_timeout_ms": int(CASE_TIMEOUT_S * 1000),
    } for k in range(repeats) for c in cases]
    jf = tmp / "qt_jobs.json"
    jf.write_text(json.dumps(jobs))
    cmd = [QT_PYTHON, str(HERE / "qt_client.py"), str(jf)]
    t = time.monotonic()
    try:
        p = subprocess.run(cmd, capture_output=True, env=clean_env(), timeout=CASE_TIMEOUT_S + 20)
    except subprocess.TimeoutExpired as e:
        (logs / "qt.stderr.txt").write_bytes(e.stderr or b"")
        return {}, {}, time.monotonic() - t
    (logs / "qt.stderr.txt").write_bytes(p.stderr)
    if p.returncode != 0:
        log(f"qt client failed rc={p.returncode}: {p.stderr[-500:]!r}")
        return {}, {}, time.monotonic() - t
    out = json.loads(p.stdout)
    res = {c.id: aggregate([out["results"][f"{c.id}#{k}"] for k in range(repeats)
                            if f"{c.id}#{k}" in out["results"]], qt_key) for c in cases}
    return res, out["versions"], time.monotonic() - t


# ---------------------------------------------------------------------------
# curl
# ---------------------------------------------------------------------------

def run_curl_one(case, certs, names):
    cmd = [CURL, "-sS", "-o", "/dev/null", "-w", "%{http_code} %{http_connect}", "--fail", "--location",
           "--compressed", "--speed-limit", "1", "--speed-time", str(CURL_SPEED_TIME_S),
           "--max-time", str(CURL_MAX_TIME_S), "--connect-timeout", "2"]
    if case.proxy:
        cmd += ["--proxy", f"http://{LOOPBACK}:{case.proxy}"]
    else:
        cmd += ["--noproxy", "*"]
    cmd += ["--cacert", certs.ca_file]
    cmd.append(case.url)
    t = time.monotonic()
    try:
        p = subprocess.run(cmd, capture_output=True, env=clean_env(), timeout=CASE_TIMEOUT_S)
    except subprocess.TimeoutExpired:
        return {"code": None, "name": None, "http_status": None, "message": "", "harness_timeout": True,
                "seconds": round(time.monotonic() - t, 3)}
    codes = (p.stdout.decode(errors="replace").split() + ["000", "000"])[:2]
    status, connect = (int(x) if x.isdigit() and int(x) else None for x in codes)
    return {
        "code": p.returncode,
        "name": names.get(p.returncode, f"(unknown {p.returncode})"),
        "http_status": status,
        "proxy_connect_status": connect,
        "message": p.stderr.decode(errors="replace").strip(),
        "harness_timeout": False,
        "seconds": round(time.monotonic() - t, 3),
    }


def run_curl(cases, certs, repeats):
    names = curle_names()
    t = time.monotonic()
    ex = cf.ThreadPoolExecutor(CURL_PARALLEL)
    try:
        futs = {c.id: [ex.submit(run_curl_one, c, certs, names) for _ in range(repeats)] for c in cases}
        res = {cid: aggregate([f.result() for f in fs], curl_key) for cid, fs in futs.items()}
    finally:
        ex.shutdown(cancel_futures=True)
    return res, time.monotonic() - t


# ---------------------------------------------------------------------------
# Chromium over the DevTools protocol (--remote-debugging-pipe)
# ---------------------------------------------------------------------------

class CDPError(Exception):
    pass


class CDP:
    """Minimal DevTools client over --remote-debugging-pipe (fd 3 in, fd 4 out,
    NUL-terminated JSON messages)."""

    def __init__(self, argv, env, log_path):
        cmd_r, self._cmd_w = os.pipe()
        self._res_r, res_w = os.pipe()
        shell = f'exec "$0" "$@" 3<&{cmd_r} 4>&{res_w} {cmd_r}<&- {res_w}>&-'
        self.log_f = open(log_path, "wb")
        self.proc = subprocess.Popen(["/bin/bash", "-c", shell] + argv, pass_fds=(cmd_r, res_w),
                                     stdin=subprocess.DEVNULL, stdout=self.log_f, stderr=self.log_f,
                                     env=env, start_new_session=True)
        os.close(cmd_r)
        os.close(res_w)
        self._ids = itertools.count(1)
        self._wlock = threading.Lock()
        self._pending: dict[int, list] = {}
        self._plock = threading.Lock()
        self.listeners: dict[str, callable] = {}
        self.closed = threading.Event()
        threading.Thread(target=self._reader, daemon=True).start()

    def _reader(self):
        buf = b""
        while True:
            try:
                chunk = os.read(self._res_r, 1 << 16)
            except OSError:
                chunk = b""
            if not chunk:
                break
            buf += chunk
            while b"\0" in buf:
                raw, buf = buf.split(b"\0", 1)
                try:
                    msg = json.loads(raw)
                except ValueError:
                    continue
                if "id" in msg:
                    with self._plock:
                        slot = self._pending.get(msg["id"])
                    if slot:
                        slot[1] = msg
                        slot[0].set()
                else:
                    fn = self.listeners.get(msg.get("sessionId", ""))
                    if fn:
                        fn(msg)
        self.closed.set()
        with self._plock:
            for slot in self._pending.values():
                slot[0].set()

    def call(self, method, params=None, session=None, timeout=10.0):
        mid = next(self._ids)
        slot = [threading.Event(), None]
        with self._plock:
            self._pending[mid] = slot
        msg = {"id": mid, "method": method, "params": params or {}}
        if session:
            msg["sessionId"] = session
        data = json.dumps(msg).encode() + b"\0"
        with self._wlock:
            os.write(self._cmd_w, data)
        ok = slot[0].wait(timeout)
        with self._plock:
            self._pending.pop(mid, None)
        if not ok:
            raise TimeoutError(method)
        if slot[1] is None:
            raise CDPError(f"{method}: browser pipe closed")
        if "error" in slot[1]:
            raise CDPError(f"{method}: {slot[1]['error']}")
        return slot[1].get("result", {})

    def close(self):
        try:
            self.call("Browser.close", timeout=3)
        except Exception:
            pass
        try:
            self.proc.wait(5)
        except subprocess.TimeoutExpired:
            try:
                os.killpg(self.proc.pid, signal.SIGKILL)
            except ProcessLookupError:
                pass
            self.proc.wait(5)
        for fd in (self._cmd_w, self._res_r):
            try:
                os.close(fd)
            except OSError:
                pass
        self.log_f.close()


def chromium_case(cdp: CDP, case: Case) -> dict:
    t0 = time.monotonic()
    res = {"error": None, "http_status": None, "source": None, "harness_timeout": False, "redirects": 0}
    ctx_params = {"disposeOnDetach": True}
    if case.proxy:
        ctx_params["proxyServer"] = f"http://{LOOPBACK}:{case.proxy}"
        ctx_params["proxyBypassList"] = "<-loopback>"  # Chromium bypasses loopback by default
    ctx = cdp.call("Target.createBrowserContext", ctx_params)["browserContextId"]
    target = cdp.call("Target.createTarget", {"url": "about:blank", "browserContextId": ctx})["targetId"]
    sid = cdp.call("Target.attachToTarget", {"targetId": target, "flatten": True})["sessionId"]
    events: list[dict] = []
    done = threading.Event()
    doc = {"id": None}

    def on_event(msg):
        events.append(msg)
        m, p = msg.get("method"), msg.get("params", {})
        if m == "Network.requestWillBeSent" and p.get("type") == "Document" and doc["id"] is None:
            doc["id"] = p.get("requestId")
        if m == "Network.requestWillBeSent" and p.get("redirectResponse") and p.get("requestId") == doc["id"]:
            res["redirects"] += 1
        if m == "Network.responseReceived" and p.get("requestId") == doc["id"]:
            res["http_status"] = p["response"].get("status")
        if m in ("Network.loadingFinished", "Network.loadingFailed") and p.get("requestId") == doc["id"]:
            if m == "Network.loadingFailed":
                res["loading_failed"] = p.get("errorText")
            done.set()

    cdp.listeners[sid] = on_event
    deadline = time.monotonic() + CASE_TIMEOUT_S
    try:
        cdp.call("Network.enable", session=sid)
        cdp.call("Page.enable", session=sid)
        try:
            nav = cdp.call("Page.navigate", {"url": case.url}, session=sid, timeout=CASE_TIMEOUT_S)
        except TimeoutError:
            res["harness_timeout"] = True
            nav = {}
        if nav.get("errorText"):
            res["navigate_errorText"] = nav["errorText"]
        if not res["harness_timeout"] and not nav.get("errorText") and doc["id"] is not None:
            if not done.wait(max(0.1, deadline - time.monotonic())):
                res["harness_timeout"] = True
        # Final net error: a failure before commit is Page.navigate's errorText;
        # one after commit (body read) is Network.loadingFailed's errorText.
        err = res.get("loading_failed") or nav.get("errorText")
        if err:
            res["error"] = err.replace("net::", "")
            res["source"] = "Network.loadingFailed" if res.get("loading_failed") else "Page.navigate"
        elif not res["harness_timeout"]:
            res["source"] = "Network.loadingFinished" if done.is_set() else "Page.navigate"
    finally:
        try:
            cdp.call("Target.closeTarget", {"targetId": target}, timeout=5)
        except Exception:
            pass
        try:
            cdp.call("Target.disposeBrowserContext", {"browserContextId": ctx}, timeout=5)
        except Exception:
            pass
        cdp.listeners.pop(sid, None)
    res["seconds"] = round(time.monotonic() - t0, 3)
    res["events"] = [e["method"] for e in events if e.get("method", "").startswith(("Network.", "Page.frame"))][:40]
    return res


def run_chromium(cases, certs, tmp, logs):
    home = Path(tempfile.mkdtemp(prefix="chromium-home-", dir=tmp))
    # A fresh profile and HOME whose NSS database trusts the test CA and
    # nothing else the lab made: Chromium on Linux reads locally trusted
    # roots from $HOME/.pki/nssdb.
    nssdb = home / ".pki" / "nssdb"
    nssdb.mkdir(parents=True)
    for args in (["-N", "--empty-password"],
                 ["-A", "-t", "C,,", "-n", "netcodes failure-lab test CA", "-i", certs.ca_file]):
        subprocess.run(["certutil", "-d", f"sql:{nssdb}", *args], check=True, capture_output=True, timeout=20)
    argv = [CHROMIUM, "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
            "--no-default-browser-check", "--disable-background-networking", "--disable-component-update",
            "--disable-sync", "--disable-extensions", "--disable-default-apps", "--mute-audio",
            "--disable-features=HttpsUpgrades,HttpsFirstBalancedModeAutoEnable,MediaRouter,"
            "OptimizationHints,Translate",
            # No DNS query leaves the browser: every name but the loopback address fails to resolve.
            "--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE 127.0.0.1",
            f"--user-data-dir={home / 'profile'}", "--remote-debugging-pipe", "about:blank"]
    env = clean_env()
    env["HOME"] = str(home)
    # Chromium hands a scheme it has no handler for to xdg-open; a stub first
    # on PATH records the hand-off instead of letting it reach a real program.
    stub_dir = tmp / "stub-bin"
    stub_dir.mkdir(exist_ok=True)
    stub_log = tmp / "xdg-open.calls"
    (stub_dir / "xdg-open").write_text(f'#!/bin/sh\necho "$@" >> {stub_log}\nexit 1\n')
    (stub_dir / "xdg-open").chmod(0o755)
    env["PATH"] = f"{stub_dir}:{env.get('PATH', '/usr/bin:/bin')}"
    t = time.monotonic()
    cdp = CDP(argv, env, logs / "chromium.log")
    results, version = {}, None
    try:
        version = cdp.call("Browser.getVersion", timeout=20)
        log(f"chromium up after {time.monotonic() - t:.2f}s: {version.get('product')}")
        ex = cf.ThreadPoolExecutor(CHROMIUM_PARALLEL)
        try:
            # The case that runs into the time limit starts first, beside the others.
            slow_first = sorted(cases, key=lambda c: c.id != "read_timeout")
            futs = {c.id: ex.submit(chromium_case, cdp, c) for c in slow_first}
            for cid, f in futs.items():
                try:
                    results[cid] = f.result()
                except Exception as e:  # noqa: BLE001 - recorded, and the run counts as incomplete
                    results[cid] = {"error": None, "http_status": None, "harness_error": repr(e)}
        finally:
            # Stopped early (SIGTERM): the cases not started yet are dropped.
            ex.shutdown(cancel_futures=True)
    finally:
        cdp.close()
        shutil.rmtree(home, ignore_errors=True)
    calls = stub_log.read_text().splitlines() if stub_log.exists() else []
    product = (version or {}).get("product", "")
    return results, {"version": product.split("/", 1)[-1], "xdg_open_calls": calls}, time.monotonic() - t


# ---------------------------------------------------------------------------
# Reports: the layout of data/failure_lab/reports.csv
# ---------------------------------------------------------------------------

def report_row(client: str, rec: dict, curl_numbers: bool) -> tuple[str, str]:
    """(code, status) as reports.csv writes them; both empty when the client
    reported nothing before the case's time ran out."""
    if not rec or rec.get("harness_timeout") or rec.get("harness_error"):
        return "", ""
    status = rec.get("http_status")
    if client == "qt":
        code = rec["name"]
    elif client == "chromium":
        code = rec.get("error") or ""
    else:
        code = rec["name"] + (f" ({rec['code']})" if curl_numbers else "")
        # The status a proxy answered a CONNECT with, where there was no other.
        status = status or rec.get("proxy_connect_status")
    return code, "" if status is None else str(status)


def read_data(data: Path) -> tuple[list[str], list[dict]]:
    """The case ids of cases.csv, in order, and the clients of lab.toml."""
    with open(data / "failure_lab" / "cases.csv", newline="") as f:
        ids = [row["case"] for row in csv.DictReader(f)]
    with open(data / "failure_lab" / "lab.toml", "rb") as f:
        clients = tomllib.load(f)["client"]
    return ids, clients


# ---------------------------------------------------------------------------
# main
# ---------------------------------------------------------------------------

def tool_version(cmd, pattern) -> str:
    out = subprocess.run(cmd, capture_output=True, timeout=20, env=clean_env()).stdout.decode(errors="replace")
    m = re.search(pattern, out)
    return m.group(1) if m else f"(unknown: {out.strip()[:80]!r})"


def isolate_and_rerun() -> int:
    """Re-runs this script inside fresh network and mount namespaces: only a
    loopback interface exists, and /etc/resolv.conf names 127.0.0.1."""
    d = Path(tempfile.mkdtemp(prefix="failure-lab-ns-"))
    try:
        rc = d / "resolv.conf"
        rc.write_text(f"nameserver {LOOPBACK}\noptions timeout:1 attempts:1\n")
        cmd = ["unshare", "--net", "--mount", "--propagation", "private", "sh", "-c",
               'ip link set lo up && mount --bind "$0" /etc/resolv.conf && exec "$@"', str(rc),
               sys.executable, str(Path(__file__).resolve()), *sys.argv[1:]]
        try:
            proc = subprocess.Popen(cmd, env=dict(os.environ, LAB_ISOLATED="1"))
        except OSError as e:
            log(f"cannot isolate the lab (unshare --net --mount needs root and util-linux): {e}")
            return 2
        # Asked to stop: the lab inside stops in turn, closing Chromium and its servers.
        signal.signal(signal.SIGTERM, lambda *_: proc.terminate())
        return proc.wait()
    finally:
        shutil.rmtree(d, ignore_errors=True)


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--data", required=True, type=Path, help="netcodes' data/ folder")
    ap.add_argument("--out", required=True, type=Path)
    ap.add_argument("--only", help="comma-separated case ids (debugging)")
    args = ap.parse_args()
    if os.environ.get("LAB_ISOLATED") != "1":
        return isolate_and_rerun()
    # SIGTERM ends the run through the `finally` clauses, which close Chromium and the servers.
    signal.signal(signal.SIGTERM, lambda *_: sys.exit(3))
    if sorted(n for _, n in socket.if_nameindex()) != ["lo"]:
        log("refusing to run: the namespace has other interfaces than lo")
        return 2
    ids, data_clients = read_data(args.data)
    if [c["id"] for c in data_clients] != ["qt", "chromium", "curl"]:
        log(f"lab.toml's clients are {[c['id'] for c in data_clients]}; this lab runs qt, chromium and curl")
        return 2
    curl_numbers = "system" not in data_clients[2]
    out = args.out
    logs = out / "logs"
    logs.mkdir(parents=True, exist_ok=True)
    tmp = Path(tempfile.mkdtemp(prefix="failure-lab-"))
    servers: list[Server] = []
    holders: list[socket.socket] = []
    dns = None
    try:
        certs = Certs(tmp)
        dns = NxDns()
        staged = build_cases(certs, servers, holders)
        unknown = [i for i in ids if i not in staged]
        unlisted = [i for i in staged if i not in ids]
        if unknown or unlisted:
            log(f"cases.csv and lab.py differ: not staged here {unknown}, not in cases.csv {unlisted}")
            return 2
        if args.only:
            ids = [i for i in ids if i in args.only.split(",")]
        cases = [staged[i] for i in ids]
        log(f"{len(cases)} cases, {len(servers)} servers")
        with cf.ThreadPoolExecutor(2) as ex:
            # Qt and curl together, then Chromium alone: a browser with several
            # renderers keeps both cores busy, and beside it TLS handshakes
            # and Qt's timers ran past their time limits.
            f_qt = ex.submit(run_qt, cases, certs, tmp, logs, QT_REPEATS)
            f_curl = ex.submit(run_curl, cases, certs, CURL_REPEATS)
            qt_res, qt_versions, qt_s = f_qt.result()
            curl_res, curl_s = f_curl.result()
            ch_res, ch_info, ch_s = run_chromium(cases, certs, tmp, logs)
        versions = {
            "qt": qt_versions.get("qt_runtime", ""),
            "pyqt": qt_versions.get("pyqt", ""),
            "qt_tls_library": qt_versions.get("tls_library", ""),
            "chromium": ch_info["version"],
            "curl": tool_version([CURL, "--version"], r"^curl (\S+)"),
        }
        results = {c.id: {"qt": qt_res.get(c.id, {}), "chromium": ch_res.get(c.id, {}), "curl": curl_res.get(c.id, {})}
                   for c in cases}
        complete = all(r[k] and not r[k].get("harness_error") for r in results.values() for k in r)
        # Every outcome of every client and case, the most frequent first: (code, status, runs).
        outcomes = {c.id: {k: [[*report_row(k, o, curl_numbers), o.get("count", o.get("runs", 1))]
                               for o in results[c.id][k].get("outcomes", [results[c.id][k]])]
                           for k in ("qt", "chromium", "curl")} for c in cases}
        with open(out / "reports.csv", "w", newline="") as f:
            w = csv.writer(f, lineterminator="\n")
            w.writerow(["case", "client", "code", "status", "also"])
            for c in cases:
                for client in ("qt", "chromium", "curl"):
                    (code, status, _), *others = outcomes[c.id][client]
                    # Other codes the client gave in some repetitions, most frequent first.
                    also = dict.fromkeys(o[0] for o in others if o[0] and o[0] != code)
                    w.writerow([c.id, client, code, status, "; ".join(also)])
        run = {
            "versions": versions,
            "seconds": {"total": round(time.monotonic() - T0, 2), "qt": round(qt_s, 2), "curl": round(curl_s, 2),
                        "chromium": round(ch_s, 2)},
            "repeats": {"qt": QT_REPEATS, "curl": CURL_REPEATS, "chromium": 1},
            "outcomes": outcomes,
            "dns_queries_answered": dns.queries,
            "chromium_xdg_open_calls": ch_info["xdg_open_calls"],
            "complete": complete,
            "cases": results,
        }
        (out / "run.json").write_text(json.dumps(run, indent=1, default=str) + "\n")
        log(f"wrote {out}/reports.csv and run.json; complete={complete}; total {time.monotonic() - T0:.1f}s")
        return 0 if complete else 1
    finally:
        STOP.set()
        for s in servers:
            s.close()
        for h in holders:
            h.close()
        if dns:
            dns.close()
        shutil.rmtree(tmp, ignore_errors=True)


if __name__ == "__main__":
    sys.exit(main())
