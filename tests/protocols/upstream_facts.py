"""Prints what the pinned Python packages know about gRPC, WebSocket, HTTP/2
and HTTP/3 codes, one fact a line, tab-separated, for
tests/upstream_protocols.rs:

    version     <package> <version>
    grpc        <value> <grpc.StatusCode member>
    websocket   <value> <websockets CloseCode member>
    wire        <value> accepted|refused   (websockets' Close frame check, 0-5100)
    http2       <value> <h2 ErrorCodes member>
    http3       <value> <aioquic ErrorCode member>
    qpack       <value> <aioquic exception class whose error_code it is>
    proto       <value> <google.rpc.Code name> <HTTP status of its "HTTP Mapping" comment>

Usage: python upstream_facts.py   (the interpreter of the tests/protocols venv)
"""

import re
from importlib import metadata
from pathlib import Path

import google.rpc
import grpc
import h2.errors
import websockets.exceptions
import websockets.frames
from aioquic.h3 import connection as h3

for package in ("grpcio", "websockets", "h2", "aioquic", "googleapis-common-protos"):
    print("version", package, metadata.version(package), sep="\t")

for member in grpc.StatusCode:
    print("grpc", member.value[0], member.name, sep="\t")

for member in websockets.frames.CloseCode:
    print("websocket", int(member), member.name, sep="\t")
for value in range(0, 5101):
    try:
        websockets.frames.Close(value, "").check()
        verdict = "accepted"
    except websockets.exceptions.ProtocolError:
        verdict = "refused"
    print("wire", value, verdict, sep="\t")

for member in h2.errors.ErrorCodes:
    print("http2", int(member), member.name, sep="\t")

for member in h3.ErrorCode:
    print("http3", int(member), member.name, sep="\t")
for exception in (h3.QpackDecompressionFailed, h3.QpackEncoderStreamError, h3.QpackDecoderStreamError):
    print("qpack", int(exception.error_code), exception.__name__, sep="\t")

# google/rpc/code.proto as the package ships it: each enum value is preceded
# by a comment block whose "HTTP Mapping: NNN ..." line pairs it with a status.
proto = (Path(google.rpc.__path__[0]) / "code.proto").read_text(encoding="utf-8")
body = proto[proto.index("enum Code {"):]
for comment, name, value in re.findall(r"((?:[ \t]*//[^\n]*\n)+)[ \t]*([A-Z_]+) = (\d+);", body):
    mapping = re.search(r"HTTP Mapping: (\d{3})", comment)
    print("proto", value, name, mapping.group(1) if mapping else "-", sep="\t")
