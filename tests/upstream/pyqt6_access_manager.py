"""Prints what PyQt6 says of QNetworkAccessManager's enums, and what each
operation sends over HTTP, one fact a line, tab-separated:

    qt         <Qt version of the loaded libraries>
    operation  <name> <value>        every name of QNetworkAccessManager.Operation
    accessibility <name> <value>     NetworkAccessibility, if PyQt6 has it at all
    sent       <name> <method>       the request method a local server received

Used by tests/upstream_qt.rs. The server listens on 127.0.0.1 only.
"""

import http.server
import threading

from PyQt6.QtCore import QByteArray, QCoreApplication, QEventLoop, QUrl, qVersion
from PyQt6.QtNetwork import QNetworkAccessManager, QNetworkRequest

received = []


class Recorder(http.server.BaseHTTPRequestHandler):
    def answer(self):
        length = int(self.headers.get("Content-Length") or 0)
        if length:
            self.rfile.read(length)
        received.append(self.command)
        self.send_response(204)
        self.end_headers()

    do_HEAD = do_GET = do_PUT = do_POST = do_DELETE = do_PATCH = answer

    def log_message(self, *args):
        pass


server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Recorder)
threading.Thread(target=server.serve_forever, daemon=True).start()
url = QUrl(f"http://127.0.0.1:{server.server_address[1]}/probe")

app = QCoreApplication([])
print(f"qt\t{qVersion()}")
Operation = QNetworkAccessManager.Operation
for name, member in Operation.__members__.items():
    print(f"operation\t{name}\t{member.value}")
# Qt 6 dropped NetworkAccessibility; print it only if PyQt6 has it after all.
accessibility = getattr(QNetworkAccessManager, "NetworkAccessibility", None)
for name, member in (accessibility.__members__.items() if accessibility else []):
    print(f"accessibility\t{name}\t{member.value}")

def plain(request):
    """A request whose body is declared, so that Qt does not warn."""
    request.setHeader(QNetworkRequest.KnownHeaders.ContentTypeHeader, "text/plain")
    return request


manager = QNetworkAccessManager()
body = QByteArray(b"netcodes")
calls = [
    lambda: manager.head(QNetworkRequest(url)),
    lambda: manager.get(QNetworkRequest(url)),
    lambda: manager.put(QNetworkRequest(url), body),
    lambda: manager.post(plain(QNetworkRequest(url)), body),
    lambda: manager.deleteResource(QNetworkRequest(url)),
    lambda: manager.sendCustomRequest(QNetworkRequest(url), QByteArray(b"PATCH"), body),
]
for call in calls:
    before = len(received)
    reply = call()
    loop = QEventLoop()
    reply.finished.connect(loop.quit)
    if not reply.isFinished():
        loop.exec()
    method = received[before] if len(received) > before else "-"
    print(f"sent\t{reply.operation().name}\t{method}")
server.shutdown()
