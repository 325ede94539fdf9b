"""Run the same pipeline on a distributed engine (Ray). Optional: ``pip install "storyfold[ray]"``."""

from storyfold.distributed.ray_engine import RayEngine

__all__ = ["RayEngine"]
