"""Per-article stages. Importing this package registers every built-in stage."""
from eventwire.stages import clean, language, sentences  # noqa: F401
from eventwire.stages import optional as _optional

_optional.register_available()
