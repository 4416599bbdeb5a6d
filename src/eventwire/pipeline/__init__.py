"""Stage protocol, registry of versioned names, order check and runner."""
from eventwire.pipeline.stage import BaseStage, Stage, check_order, register, registered, resolve

__all__ = ["BaseStage", "Stage", "check_order", "register", "registered", "resolve"]
