"""Ctrl-C and SIGTERM in a batch: a flag and a wake-up, never an exception raised anywhere.

A handler that raises could fire anywhere, even inside a garbage-collection callback,
where Python prints "Exception ignored" and drops it; so the batch stops only where it
looks: between two waits, never half-way through a commit.
"""

from __future__ import annotations

import contextlib
import os
import signal
import threading
from collections.abc import Iterator
from types import FrameType

__all__ = ["Stop", "signals_held", "stopping"]


class Stop:
    """Ctrl-C and SIGTERM, turned into a flag and a byte on a pipe the main loop waits on."""

    def __init__(self) -> None:
        self.asked = False
        self._read, self._write = os.pipe()
        os.set_blocking(self._read, False)
        os.set_blocking(self._write, False)

    def fileno(self) -> int:
        """The pipe's end to wait on (multiprocessing.connection.wait takes it)."""
        return self._read

    def handle(self, signum: int, frame: FrameType | None) -> None:
        """The signal handler: set the flag, wake the loop."""
        self.asked = True
        with contextlib.suppress(OSError):  # the pipe is full: it is awake anyway
            os.write(self._write, b"!")

    def check(self) -> None:
        """Raise KeyboardInterrupt when a stop was asked for."""
        if self.asked:
            raise KeyboardInterrupt

    def close(self) -> None:
        """Close the pipe."""
        os.close(self._read)
        os.close(self._write)


@contextlib.contextmanager
def stopping() -> Iterator[Stop | None]:
    """SIGINT and SIGTERM (Ctrl-C, a CI timeout, a service stop) stop the batch cleanly."""
    if threading.current_thread() is not threading.main_thread():
        yield None  # only the main thread receives signals
        return
    stop = Stop()
    previous = {sig: signal.signal(sig, stop.handle) for sig in (signal.SIGINT, signal.SIGTERM)}
    try:
        yield stop
        stop.check()  # asked for after the last wait
    finally:
        for sig, handler in previous.items():
            signal.signal(sig, handler)
        stop.close()


@contextlib.contextmanager
def signals_held() -> Iterator[None]:
    """Hold SIGINT and SIGTERM for a moment (they arrive when it ends): a commit and its
    journal lines happen both or neither."""
    held = {signal.SIGINT, signal.SIGTERM}
    previous = signal.pthread_sigmask(signal.SIG_BLOCK, held)
    try:
        yield
    finally:
        signal.pthread_sigmask(signal.SIG_SETMASK, previous)
