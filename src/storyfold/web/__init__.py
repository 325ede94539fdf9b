"""The local web interface (``storyfold serve``): server-rendered pages over the shared views."""

from storyfold.web.access import Access, serve_access
from storyfold.web.app import create_app

__all__ = ["Access", "create_app", "serve_access"]
