"""Imported only by the server process that starts PDF workers as copies of itself (workers.py).

It imports WeasyPrint once for all of them, and it ends when the build does: a server left
behind by a build that was killed outright would keep its workers waiting forever (they end
with the server). It watches for that itself: the kernel's signal on a parent's death
(workers.end_with_parent) comes when the *thread* that started the process ends, and the
preview starts the server from a thread that ends after each rebuild, while the server still
serves the next one.
"""

import os
import threading
import time

import weasyprint  # noqa: F401  (imported here once, for every worker started from this server)

_PARENT = os.getppid()


def _end_with_the_build() -> None:
    while os.getppid() == _PARENT:
        time.sleep(0.5)
    os._exit(0)  # the workers, whose parent this is, end with it (workers.end_with_parent)


threading.Thread(target=_end_with_the_build, name="end-with-the-build", daemon=True).start()
