"""Qt side of the failure lab.

Run with the PyQt6 interpreter (/opt/netcodes-upstream/pyqt6/bin/python),
QT_QPA_PLATFORM=offscreen.  Reads a JSON job list from argv[1], fires every
request at once in one QCoreApplication (one QNetworkAccessManager per request,
so proxies and connection pools never leak between cases) and prints one JSON
object {case_id: result} on stdout.

Job fields: id, url, proxy ({"host","port"} or null), ca_file (PEM to add to
the trusted CAs, or null), transfer_timeout_ms, hard_timeout_ms.
"""
import json
import sys
import time

from PyQt6.QtCore import PYQT_VERSION_STR, QCoreApplication, QTimer, QUrl, qVersion
from PyQt6.QtNetwork import (
    QNetworkAccessManager,
    QNetworkProxy,
    QNetworkRequest,
    QSslCertificate,
    QSslConfiguration,
    QSslSocket,
)


def main() -> int:
    jobs = json.load(open(sys.argv[1]))
    app = QCoreApplication(sys.argv[:1])
    results = {}
    live = {}  # id -> (manager, reply, timer); keeps Python references alive

    def finish_all_if_done():
        if len(results) == len(jobs):
            QTimer.singleShot(0, app.quit)

    def on_finished(job_id):
        mgr, reply, timer, state = live[job_id]
        timer.stop()
        err = reply.error()
        status = reply.attribute(QNetworkRequest.Attribute.HttpStatusCodeAttribute)
        # The lab never reads early, so this is the whole body Qt kept.
        body = bytes(reply.readAll()) if reply.isOpen() else b""
        clen = reply.header(QNetworkRequest.KnownHeaders.ContentLengthHeader)
        results[job_id] = {
            "name": err.name,
            "value": int(err.value),
            "http_status": int(status) if status is not None else None,
            "error_string": reply.errorString(),
            "harness_timeout": state["harness_timeout"],
            "ssl_errors": state["ssl_errors"],
            "proxy_auth_asked": state["proxy_auth_asked"],
            "seconds": round(time.monotonic() - state["t0"], 3),
            "body_bytes": len(body),
            "content_length": int(clen) if clen is not None else None,
        }
        reply.deleteLater()
        finish_all_if_done()

    for job in jobs:
        mgr = QNetworkAccessManager()
        if job.get("proxy"):
            mgr.setProxy(QNetworkProxy(QNetworkProxy.ProxyType.HttpProxy,
                                       job["proxy"]["host"], int(job["proxy"]["port"])))
        else:
            mgr.setProxy(QNetworkProxy(QNetworkProxy.ProxyType.NoProxy))
        req = QNetworkRequest(QUrl(job["url"]))
        req.setTransferTimeout(int(job["transfer_timeout_ms"]))
        if job.get("ca_file"):
            conf = QSslConfiguration.defaultConfiguration()
            conf.addCaCertificates(QSslCertificate.fromPath(job["ca_file"]))
            req.setSslConfiguration(conf)
        state = {"harness_timeout": False, "ssl_errors": [], "proxy_auth_asked": False, "t0": time.monotonic()}
        reply = mgr.get(req)
        timer = QTimer()
        timer.setSingleShot(True)

        def on_hard_timeout(r=reply, s=state):
            s["harness_timeout"] = True
            r.abort()

        timer.timeout.connect(on_hard_timeout)
        timer.start(int(job["hard_timeout_ms"]))
        reply.sslErrors.connect(
            lambda errs, s=state: s["ssl_errors"].extend(e.error().name for e in errs))
        # No credentials are given: Qt then fails the request with 407/401 codes.
        mgr.proxyAuthenticationRequired.connect(
            lambda proxy, auth, s=state: s.__setitem__("proxy_auth_asked", True))
        reply.finished.connect(lambda jid=job["id"]: on_finished(jid))
        live[job["id"]] = (mgr, reply, timer, state)

    if jobs:
        app.exec()
    out = {
        "versions": {
            # The Qt that ran (PyQt6-Qt6), not the one PyQt6 was built against.
            "qt_runtime": qVersion(),
            "pyqt": PYQT_VERSION_STR,
            "tls_backend": QSslSocket.activeBackend(),
            "tls_library": QSslSocket.sslLibraryVersionString(),
        },
        "results": results,
    }
    json.dump(out, sys.stdout)
    return 0


if __name__ == "__main__":
    sys.exit(main())
