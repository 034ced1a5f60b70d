"""A command's `main(argv)` run in the test's own process, as its console script would run it:
stdin, stdout and stderr its own, the environment given, exit status returned. A process per
call cost the suite two seconds a call (the interpreter and the imports); each program keeps one
test that starts it as a process."""

from __future__ import annotations

import io
import logging
from collections.abc import Callable, Mapping
from contextlib import redirect_stderr, redirect_stdout
from dataclasses import dataclass
from pathlib import Path

import pytest

Main = Callable[[list[str] | None], int]


@dataclass(frozen=True)
class Ran:
    """What `subprocess.run(..., capture_output=True, text=True)` would have given."""

    returncode: int
    stdout: str
    stderr: str


def user_env(tmp: Path) -> dict[str, str]:
    """A user of its own: logs and state under `tmp`."""
    return {"XDG_STATE_HOME": str(tmp / "state"), "HOME": str(tmp)}


def run_main(
    main: Main,
    argv: list[str],
    *,
    stdin: str = "",
    env: Mapping[str, str] | None = None,
) -> Ran:
    """Runs `main(argv)`; the logging it set up (a log file, stderr) is closed and the test's
    own put back afterwards."""
    root = logging.getLogger()
    handlers, level = list(root.handlers), root.level
    out, err = io.StringIO(), io.StringIO()
    with pytest.MonkeyPatch.context() as patch:
        for name, value in (env or {}).items():
            patch.setenv(name, value)
        patch.setattr("sys.stdin", io.StringIO(stdin))
        try:
            with redirect_stdout(out), redirect_stderr(err):
                try:
                    code: object = main(argv)
                except SystemExit as exit_:
                    code = exit_.code
        finally:
            for handler in root.handlers:
                if handler not in handlers:
                    handler.close()
            root.handlers[:] = handlers
            root.setLevel(level)
    if code is None:
        returncode = 0
    elif isinstance(code, int):
        returncode = code
    else:  # sys.exit("message"): the message on stderr, status 1
        err.write(f"{code}\n")
        returncode = 1
    return Ran(returncode, out.getvalue(), err.getvalue())
