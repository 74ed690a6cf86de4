"""Prints what this Python's http.HTTPStatus holds, one fact a line, tab-separated:

    version  <Python version>
    member   <name> <value>      every name in __members__, aliases included
    phrase   <value> <phrase>    the reason phrase of every distinct value
    canonical <name>             the name HTTPStatus(value).name gives, per value

Used by tests/upstream_http.rs.
"""

import http
import platform

print(f"version\t{platform.python_version()}")
for name, member in http.HTTPStatus.__members__.items():
    print(f"member\t{name}\t{member.value}")
for member in http.HTTPStatus:
    print(f"phrase\t{member.value}\t{member.phrase}")
for member in http.HTTPStatus:
    print(f"canonical\t{member.name}")
