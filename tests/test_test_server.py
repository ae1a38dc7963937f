"""The tests' own web server: a browser hanging up mid-reply prints nothing; a real error still does."""

from __future__ import annotations

from .helpers import _QuietServer


def _error_printed(server: _QuietServer, error: Exception, capsys) -> str:
    try:
        raise error
    except (OSError, ValueError):
        server.handle_error(None, ("127.0.0.1", 0))
    return capsys.readouterr().err


def test_a_client_hanging_up_is_not_reported(capsys):
    server = _QuietServer(("127.0.0.1", 0), None, bind_and_activate=False)
    try:
        assert _error_printed(server, BrokenPipeError(32, "Broken pipe"), capsys) == ""
        assert _error_printed(server, ConnectionResetError(104, "reset"), capsys) == ""
        assert "ValueError: a real bug" in _error_printed(server, ValueError("a real bug"), capsys)
    finally:
        server.server_close()
