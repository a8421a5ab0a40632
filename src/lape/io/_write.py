"""Writing a file whole or not at all, and only where writing is safe.

:func:`write_atomically` writes to a temporary file beside the target, flushes
it to disk and renames it into place. Before it writes, :func:`check_target`
refuses what a plain ``open(path, "w")`` would quietly do harm to:

- a target that exists and is not a regular file (a FIFO, a device, a
  directory): renaming over it would replace it with a file;
- a target the user may not write (read-only): renaming would replace it anyway;
- the input it was read from (``lape network in.json --export in.json``);
- a symbolic link that leads nowhere.

A symbolic link to a regular file is followed: the file it leads to is replaced
and keeps its own permissions, and the link stays a link (the permissions of
one file never pass to another). An error, an interrupt or a ``SIGTERM``
during the write leaves the previous file as it was and no temporary file behind.
"""

from __future__ import annotations

import contextlib
import os
import signal
import stat
import tempfile
import threading
from collections.abc import Iterator, Sequence
from pathlib import Path

from lape.errors import LapeError

__all__ = ["TargetError", "check_target", "write_atomically"]


class TargetError(LapeError, OSError):
    """A file ``lape`` will not write: not a regular file, read-only, or an input."""

    def __init__(self, path: str, message: str) -> None:
        super().__init__(f"{path}: {message}")
        self.path = path
        self.reason = message


def check_target(
    path: str | os.PathLike[str], *, inputs: Sequence[str | os.PathLike[str]] = ()
) -> Path:
    """The file ``path`` stands for (a symbolic link followed), after refusing a
    target that is not a regular writable file, is one of ``inputs``, or would be
    made in a folder that does not exist or cannot be written (so that a command
    writing several files refuses before it writes any)."""
    given = Path(path)
    name = os.fspath(path)
    try:
        link = given.is_symlink()
        real = given.resolve() if link else given
    except (OSError, RuntimeError) as exc:  # a loop of links
        raise TargetError(name, f"cannot follow the link: {exc}") from None
    if link and not real.exists():
        raise TargetError(name, "is a symbolic link to nothing; give the file itself")
    try:
        info = real.stat()
    except FileNotFoundError:
        info = None
    except OSError as exc:
        raise TargetError(name, f"cannot write: {exc.strerror or exc}") from None
    if info is None:
        parent = real.parent
        if not parent.is_dir():
            raise TargetError(name, f"cannot write: no folder {os.fspath(parent)!r}")
        if not os.access(parent, os.W_OK | os.X_OK):
            raise TargetError(name, f"cannot write: the folder {os.fspath(parent)!r} is read-only")
    else:
        if not stat.S_ISREG(info.st_mode):
            kind = "a directory" if stat.S_ISDIR(info.st_mode) else "not a regular file"
            raise TargetError(name, f"is {kind}; give the name of a file to write")
        if not os.access(real, os.W_OK) or not info.st_mode & 0o222:  # root may write anything
            raise TargetError(name, "is read-only; lape does not replace it")
        for source in inputs:
            if _same_file(real, source):
                raise TargetError(name, "is the input file; give another name for the output")
    return real


def _same_file(a: Path, b: str | os.PathLike[str]) -> bool:
    try:
        return os.path.samefile(a, b)
    except OSError:
        return False


def write_atomically(
    path: str | os.PathLike[str], text: str, *, inputs: Sequence[str | os.PathLike[str]] = ()
) -> None:
    """Write ``text`` (UTF-8) to ``path`` through a temporary file renamed into place,
    after :func:`check_target`."""
    real = check_target(path, inputs=inputs)
    with _cleanup_on_sigterm():
        fd, tmp = tempfile.mkstemp(dir=real.parent, prefix=f".{real.name}.", suffix=".tmp")
        try:
            os.chmod(tmp, _mode_for(real))
            with os.fdopen(fd, "w", encoding="utf-8", newline="\n") as f:
                f.write(text)
                f.flush()
                os.fsync(f.fileno())
            os.replace(tmp, real)
        except BaseException:
            Path(tmp).unlink(missing_ok=True)
            raise


def _mode_for(path: Path) -> int:
    """The permissions a written file should have: those of the regular file it
    replaces (no set-id bits), or what a plain ``open(path, "w")`` would give
    (0o666 less the umask)."""
    try:
        return path.stat().st_mode & 0o777
    except OSError:
        umask = os.umask(0)
        os.umask(umask)
        return 0o666 & ~umask


class _Terminated(BaseException):
    """SIGTERM arrived while a file was being written."""


@contextlib.contextmanager
def _cleanup_on_sigterm() -> Iterator[None]:
    """While a file is written, turn ``SIGTERM`` into an exception, so that the
    temporary file is removed; then die of the signal as the process would have.

    Only in the main thread, and only while ``SIGTERM`` has its default action
    (a program with a handler of its own keeps it).
    """
    if (
        threading.current_thread() is not threading.main_thread()
        or signal.getsignal(signal.SIGTERM) is not signal.SIG_DFL
    ):
        yield
        return

    def terminated(signum: int, frame: object) -> None:
        raise _Terminated

    signal.signal(signal.SIGTERM, terminated)
    try:
        yield
    except _Terminated:
        signal.signal(signal.SIGTERM, signal.SIG_DFL)
        os.kill(os.getpid(), signal.SIGTERM)  # die of it, as without the handler
        raise  # pragma: no cover - not reached: the signal ends the process
    finally:
        signal.signal(signal.SIGTERM, signal.SIG_DFL)
