"""Gazetteer, toponym recognition and resolution (places@1 uses these)."""
