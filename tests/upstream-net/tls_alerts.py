"""Prints Python's ssl.AlertDescription, one tab-separated fact a line, for
tests/upstream_tls.rs:

    python  <version>
    member  <name> <value>
"""
import platform
import ssl

print(f"python\t{platform.python_version()}")
for name, member in ssl.AlertDescription.__members__.items():
    print(f"member\t{name}\t{member.value}")
