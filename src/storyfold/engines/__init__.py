"""Engines: where reading, cleaning and article stages run (this process, a worker pool, Ray)."""
