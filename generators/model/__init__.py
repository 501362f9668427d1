"""The content model: one class per content type, plus vocabularies and kit settings."""

from .activity import Activity
from .canvas import Canvas
from .checklist import Checklist
from .session import Session
from .settings import Settings
from .vocabulary import Vocabulary

__all__ = ["Activity", "Canvas", "Checklist", "Session", "Settings", "Vocabulary"]
