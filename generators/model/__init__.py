"""The content model: one class per content type, plus vocabularies and kit settings."""

from .activity import Activity
from .canvas import Canvas
from .checklist import Checklist
from .handout import Handout
from .session import Session
from .settings import Settings
from .vocabulary import Vocabulary

# An item's checked content. The YAML files carry no type: the folder a file is in picks its
# model (content_types.py), so this is a type for readers and editors, not something to parse with.
Content = Activity | Canvas | Checklist | Session | Handout

__all__ = ["Activity", "Canvas", "Checklist", "Content", "Handout", "Session", "Settings", "Vocabulary"]
