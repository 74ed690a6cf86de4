"""Prints what PyQt6 says QNetworkReply.NetworkError is, one fact a line, tab-separated:

    qt      <Qt version of the loaded libraries>
    pyqt    <PyQt6 version>
    member  <name> <value>

Used by tests/upstream_qt.rs. Every name in __members__ is printed, aliases
included, so that the test sees everything Python code can spell.
"""

from PyQt6.QtCore import PYQT_VERSION_STR, qVersion
from PyQt6.QtNetwork import QNetworkReply

print(f"qt\t{qVersion()}")
print(f"pyqt\t{PYQT_VERSION_STR}")
for name, member in QNetworkReply.NetworkError.__members__.items():
    print(f"member\t{name}\t{member.value}")
