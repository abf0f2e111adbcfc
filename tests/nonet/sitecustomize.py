"""Loaded by every Python subprocess the tests start: any network connection fails loudly.

The tests put this folder first on PYTHONPATH, so a code path that reached for the network
would raise instead of quietly sending health data anywhere.
"""

import socket

_real_connect = socket.socket.connect


def _refuse(self, address, *args, **kwargs):  # noqa: ANN001, ANN002, ANN003
    if self.family in (socket.AF_INET, socket.AF_INET6):
        raise OSError(f"network access blocked by the tracker test suite: {address!r}")
    return _real_connect(self, address, *args, **kwargs)


socket.socket.connect = _refuse
socket.socket.connect_ex = _refuse
socket.create_connection = lambda address, *a, **k: _refuse(socket.socket(), address)
