"""Imported only by the server process that starts PDF workers as copies of itself (workers.py).

It imports WeasyPrint once for all of them, and it ends when the build does: a server left
behind by a build that was killed outright would keep its workers waiting forever."""

from .workers import end_with_parent

end_with_parent()

import weasyprint  # noqa: E402,F401  (imported here once, for every worker started from this server)
