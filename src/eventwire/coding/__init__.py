"""Event coding: who did what to whom, coded (PLOVER/CAMEO/ACLED), sized, attributed, in many languages.

Modules: lexicon (tokens and phrase patterns from the per-language data files), ontology (plover.yaml,
acled.yaml), numbers (event size), modality (modality, attribution, denials), roles (actor/recipient),
classifier (the trained type/mode/context model), coder (sentence -> events; used by stages/events.py).
Everything heavy loads lazily.
"""
