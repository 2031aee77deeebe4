"""One tomtat process per database: an exclusive `flock` on the sidecar file `DB.lock`.

The operating system drops the lock when its holder exits, however it exits (kill -9
included), so a stale lock file never blocks anyone. The holder writes its pid into the file
for the message the next process shows.
"""
from __future__ import annotations

import fcntl
import os
from pathlib import Path


class InUse(ValueError):
    """The database is held by another tomtat process."""


class ProcessLock:
    """Holds `path` + ".lock" exclusively from construction until `release`."""

    def __init__(self, database: Path):
        self.path = database.with_name(database.name + ".lock")
        self._fd: int | None = os.open(self.path, os.O_RDWR | os.O_CREAT, 0o644)
        try:
            fcntl.flock(self._fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            holder = os.read(self._fd, 32).decode("ascii", "replace").strip() or "unknown"
            self.release()
            raise InUse(f"{database} is in use by another tomtat process (pid {holder}): "
                        "stop it or use another file") from None
        os.ftruncate(self._fd, 0)
        os.pwrite(self._fd, str(os.getpid()).encode("ascii"), 0)

    def release(self) -> None:
        """Let other processes open the database (closing the file drops the lock)."""
        if self._fd is not None:
            os.close(self._fd)
            self._fd = None
