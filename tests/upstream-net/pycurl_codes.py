"""Prints what pycurl and the libcurls on this machine know of CURLcode, one
tab-separated fact a line, for tests/upstream_curl.rs:

    pycurl  <pycurl version>
    constant <name> <value>              (every pycurl.E_* constant)
    libcurl  <which> <version>           (bundled: the wheel's own; debian: libcurl4's)
    strerror <which> <value> <text>      (curl_easy_strerror of 0 to the argument)
"""
import ctypes
import glob
import os
import sys

import pycurl

last = int(sys.argv[1])
# pycurl.version is "PycURL/7.49.0 libcurl/8.23.0 ..."
print(f"pycurl\t{pycurl.version.split()[0].split('/')[1]}")
for name in sorted(dir(pycurl)):
    if name.startswith("E_"):
        print(f"constant\t{name}\t{getattr(pycurl, name)}")

site = os.path.dirname(os.path.dirname(pycurl.__file__))
bundled = sorted(glob.glob(os.path.join(site, "pycurl.libs", "libcurl-*.so*")))
debian = sorted(glob.glob("/usr/lib/*-linux-gnu/libcurl.so.4"))
if len(bundled) != 1 or len(debian) != 1:
    sys.exit(f"expected one bundled and one Debian libcurl, found {bundled} and {debian}")
for path in bundled + debian:
    lib = ctypes.CDLL(path)
    lib.curl_version.restype = ctypes.c_char_p
    lib.curl_easy_strerror.restype = ctypes.c_char_p
    lib.curl_easy_strerror.argtypes = [ctypes.c_int]
    # curl_version() starts "libcurl/8.23.0 OpenSSL/..."
    version = lib.curl_version().decode().split()[0].split("/")[1]
    label = "bundled" if path in bundled else "debian"
    print(f"libcurl\t{label}\t{version}")
    for value in range(last + 1):
        print(f"strerror\t{label}\t{value}\t{lib.curl_easy_strerror(value).decode()}")
