"""Prints dnspython's dns.rcode.Rcode, one tab-separated fact a line, for
tests/upstream_dns.rs:

    dnspython <version>
    member    <name> <value> <canonical name>   (aliases included: BADSIG is BADVERS)
    from_text <text> <value or ->               (dns.rcode.from_text of each argument)
"""
import sys

import dns.rcode
import dns.version

print(f"dnspython\t{dns.version.version}")
for name, member in dns.rcode.Rcode.__members__.items():
    print(f"member\t{name}\t{member.value}\t{member.name}")
for text in sys.argv[1:]:
    try:
        value = str(dns.rcode.from_text(text))
    except dns.rcode.UnknownRcode:
        value = "-"
    print(f"from_text\t{text}\t{value}")
