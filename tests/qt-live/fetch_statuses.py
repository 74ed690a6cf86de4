"""Asks real Qt what QNetworkReply::error() is for each HTTP status.

A local HTTP server on 127.0.0.1 answers GET /<status> with that status; PyQt6's
QNetworkAccessManager fetches every status given on the command line, one at a
time, and this prints "<status>\t<error value>" for each. Every request has a
transfer timeout and the whole run a deadline, so it always ends by itself.
"""

import sys
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

from PyQt6.QtCore import QCoreApplication, QEventLoop, QTimer, QUrl
from PyQt6.QtNetwork import QNetworkAccessManager, QNetworkReply, QNetworkRequest

REQUEST_TIMEOUT_MS = 5000
DEADLINE_S = 120


class StatusHandler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"

    def do_GET(self) -> None:
        status = int(self.path.strip("/"))
        body = b"status %d\n" % status
        self.send_response(status)
        self.send_header("Content-Type", "text/plain")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, format: str, *args: object) -> None:
        pass


def main() -> None:
    statuses = [int(arg) for arg in sys.argv[1:]]
    server = ThreadingHTTPServer(("127.0.0.1", 0), StatusHandler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    port = server.server_address[1]

    app = QCoreApplication([])
    QTimer.singleShot(DEADLINE_S * 1000, lambda: sys.exit("deadline reached"))
    manager = QNetworkAccessManager()
    for status in statuses:
        request = QNetworkRequest(QUrl(f"http://127.0.0.1:{port}/{status}"))
        request.setTransferTimeout(REQUEST_TIMEOUT_MS)
        # Qt follows redirects by default; the table describes the reply itself.
        request.setAttribute(
            QNetworkRequest.Attribute.RedirectPolicyAttribute,
            QNetworkRequest.RedirectPolicy.ManualRedirectPolicy,
        )
        reply = manager.get(request)
        loop = QEventLoop()
        reply.finished.connect(loop.quit)
        if not reply.isFinished():
            loop.exec()
        got = reply.attribute(QNetworkRequest.Attribute.HttpStatusCodeAttribute)
        if got != status:
            sys.exit(f"asked for {status}, the reply says {got}")
        print(f"{status}\t{reply.error().value}", flush=True)
        reply.deleteLater()
    server.shutdown()
    del app


if __name__ == "__main__":
    main()
