"""The local web interface (``storyfold serve``): server-rendered pages over the shared views."""

from storyfold.web.app import create_app

__all__ = ["create_app"]
