"""What grpcio reports for an HTTP/2 response that carries no gRPC status.

Starts one HTTP/2 server (h2's state machine, cleartext with prior
knowledge) on 127.0.0.1 at a free port, and makes one unary grpcio call per
case over a single channel, each with a short deadline. The request's
metadata tells the server what to answer:

- `x-status: N`: a header block with `:status N` and `content-type:
  application/grpc` that ends the stream at once, no grpc-status trailer;
- `x-status: N` and `x-grpc-status: S`: the same with `grpc-status: S`
  (control cases: a real gRPC status must win over the HTTP status);
- `x-reset: C`: RST_STREAM with HTTP/2 error code C before any header.

Prints one line a call, tab-separated, for tests/grpc_live.rs:

    version  grpcio <version>
    http     <status> <grpc.StatusCode name> <details>
    control  <status> <grpc-status sent> <grpc.StatusCode name>
    reset    <error code> <grpc.StatusCode name> <details>

Usage: python grpc_live.py FIRST LAST   (HTTP statuses FIRST..=LAST; resets 0x0-0xd)
Only loopback is used; every call is bounded by its deadline, and the run
stops by itself.
"""

import asyncio
import sys
import threading

import grpc
import h2.config
import h2.connection
import h2.events
import h2.exceptions

HOST = "127.0.0.1"
DEADLINE_SECONDS = 2.0
METHOD = "/netcodes.live.Probe/Call"


class Server:
    """One asyncio HTTP/2 server in a thread of its own."""

    def __init__(self) -> None:
        self.port = 0
        self.ready = threading.Event()
        self.loop: asyncio.AbstractEventLoop | None = None
        self.errors: list[str] = []

    def start(self) -> None:
        threading.Thread(target=lambda: asyncio.run(self._serve()), daemon=True).start()
        if not self.ready.wait(10):
            raise RuntimeError("the HTTP/2 server did not start")

    def stop(self) -> None:
        if self.loop is not None:
            self.loop.call_soon_threadsafe(self._stopping.set)

    async def _serve(self) -> None:
        self.loop = asyncio.get_running_loop()
        self._stopping = asyncio.Event()
        server = await asyncio.start_server(self._connection, HOST, 0)
        self.port = server.sockets[0].getsockname()[1]
        self.ready.set()
        async with server:
            await self._stopping.wait()

    async def _connection(self, reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        conn = h2.connection.H2Connection(h2.config.H2Configuration(client_side=False, header_encoding="utf-8"))
        conn.initiate_connection()
        writer.write(conn.data_to_send())
        # Requests whose body has not ended yet: stream id -> request headers.
        waiting: dict[int, dict[str, str]] = {}
        try:
            while data := await reader.read(65536):
                for event in conn.receive_data(data):
                    if isinstance(event, h2.events.RequestReceived):
                        headers = dict(event.headers)
                        if "x-reset" in headers:
                            conn.reset_stream(event.stream_id, int(headers["x-reset"]))
                        elif event.stream_ended:
                            self._answer(conn, event.stream_id, headers)
                        else:
                            waiting[event.stream_id] = headers
                    elif isinstance(event, h2.events.DataReceived):
                        conn.acknowledge_received_data(event.flow_controlled_length, event.stream_id)
                    elif isinstance(event, h2.events.StreamEnded) and event.stream_id in waiting:
                        self._answer(conn, event.stream_id, waiting.pop(event.stream_id))
                writer.write(conn.data_to_send())
                await writer.drain()
        except (ConnectionError, h2.exceptions.ProtocolError) as error:
            self.errors.append(repr(error))
        finally:
            writer.close()

    @staticmethod
    def _answer(conn: h2.connection.H2Connection, stream_id: int, request: dict[str, str]) -> None:
        headers = [(":status", request["x-status"]), ("content-type", "application/grpc")]
        if "x-grpc-status" in request:
            headers.append(("grpc-status", request["x-grpc-status"]))
        conn.send_headers(stream_id, headers, end_stream=True)


def call(stub, metadata: list[tuple[str, str]]) -> tuple[str, str]:
    """The status name and details grpcio reports for one call."""
    try:
        stub(b"", timeout=DEADLINE_SECONDS, metadata=metadata)
        return grpc.StatusCode.OK.name, ""
    except grpc.RpcError as error:
        return error.code().name, (error.details() or "").replace("\t", " ").replace("\n", " ")


def main() -> int:
    first, last = int(sys.argv[1]), int(sys.argv[2])
    server = Server()
    server.start()
    print("version", "grpcio", grpc.__version__, sep="\t")
    with grpc.insecure_channel(f"{HOST}:{server.port}") as channel:
        stub = channel.unary_unary(METHOD)
        for status in range(first, last + 1):
            print("http", status, *call(stub, [("x-status", str(status))]), sep="\t")
        for status, grpc_status in ((200, "0"), (200, "14"), (503, "5"), (404, "0")):
            name, _ = call(stub, [("x-status", str(status)), ("x-grpc-status", grpc_status)])
            print("control", status, grpc_status, name, sep="\t")
        for code in range(0x0, 0xE):
            print("reset", code, *call(stub, [("x-reset", str(code))]), sep="\t")
    server.stop()
    for error in server.errors:
        print(f"server: {error}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
