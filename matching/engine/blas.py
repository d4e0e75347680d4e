"""One BLAS thread per engine worker thread.

The screening runs matrix products on a few worker threads at once. If each product also
started its own BLAS threads, they would fight for the same cores (measured: 3x slower on two
cores), and float32 sums would depend on how BLAS split the work. OpenBLAS 0.3.27+ can limit
the threads of the *calling* thread only (``openblas_set_num_threads_local``), which leaves
the rest of the process (a Django or Celery worker) as it was. Where that is unavailable
(another BLAS, an older OpenBLAS), the engine screens on one thread and lets BLAS use the
cores.
"""

from __future__ import annotations

import ctypes
import functools
import os
from collections.abc import Callable


@functools.cache
def _thread_local_setters() -> tuple[Callable[[int], int], ...]:
    """``openblas_set_num_threads_local`` of every OpenBLAS loaded in the process."""
    try:
        with open("/proc/self/maps") as maps:  # Linux: the loaded shared libraries
            paths = {line.split()[-1] for line in maps if "openblas" in line.rsplit("/", 1)[-1]}
    except OSError:
        return ()
    setters = []
    for path in sorted(paths):
        try:
            library = ctypes.CDLL(path)
            setter = library.openblas_set_num_threads_local
        except (OSError, AttributeError):
            continue
        setter.argtypes, setter.restype = [ctypes.c_int], ctypes.c_int
        setters.append(setter)
    return tuple(setters)


def use_one_blas_thread() -> None:
    """Make BLAS calls from the current thread single-threaded (a thread-pool initializer)."""
    for setter in _thread_local_setters():
        setter(1)


def default_workers() -> int:
    """Screening threads: the cores if BLAS can be kept to one thread per worker, else one."""
    return min(os.cpu_count() or 1, 4) if _thread_local_setters() else 1
