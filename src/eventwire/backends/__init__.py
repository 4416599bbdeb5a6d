"""Adapters to third-party tools. Each imports its library lazily, inside functions."""
