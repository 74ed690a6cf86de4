"""Checks that netcodes answers a Qt for Python enum member as it answers its number.

    PYTHONPATH=generated/python python tests/python/qt_for_python.py PyQt6|PySide6

PyQt6 and PySide6 give `reply.error()` as a plain enum.Enum member, not an
int. For every member of the binding's QNetworkReply.NetworkError, every
netcodes function that takes a Qt code (lookup, meanings, the NetworkError
constructor and every mapping from Qt) must give the answer it gives for the
member's value. Prints one summary line, or every disagreement and exits 1.
"""

import importlib
import pkgutil
import sys
from collections.abc import Callable

import netcodes
import netcodes.qt

binding = sys.argv[1]
QNetworkReply = importlib.import_module(f"{binding}.QtNetwork").QNetworkReply
version = importlib.import_module(binding).__version__ if binding == "PySide6" else importlib.import_module(
    "PyQt6.QtCore"
).PYQT_VERSION_STR


def constructed(code: object) -> object:
    try:
        return netcodes.qt.NetworkError(code)
    except ValueError as error:
        # The message names the value, for a member as for its number.
        return f"ValueError: {error}"


functions: dict[str, Callable[[object], object]] = {
    "qt.lookup": netcodes.qt.lookup,
    "qt.meanings": netcodes.qt.meanings,
    "qt.NetworkError": constructed,
}
for module_info in pkgutil.iter_modules(netcodes.__path__):
    module = importlib.import_module(f"netcodes.{module_info.name}")
    for name in dir(module):
        if name.startswith("from_qt"):
            functions[f"{module_info.name}.{name}"] = getattr(module, name)

members = list(QNetworkReply.NetworkError)
problems = []
for member in members:
    if isinstance(member, int):
        problems.append(f"{member!r} is an int: nothing to check")
    for name, function in functions.items():
        by_member, by_value = function(member), function(member.value)
        if by_member != by_value:
            problems.append(f"{name}({member!r}) = {by_member!r}, but {name}({member.value}) = {by_value!r}")

if problems:
    print("\n".join(problems))
    sys.exit(1)
mappings = sorted(name for name in functions if ".from_qt" in name)
print(f"{binding} {version}: {len(members)} members, {len(functions)} functions agree ({', '.join(mappings)})")
