"""Persistence: schema, migrations and the repository (DuckDB by default)."""
from eventwire.store.repository import Store, input_key

__all__ = ["Store", "input_key"]
