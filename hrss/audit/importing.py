"""Base of every area's bulk importer: one audit row per written batch."""

from __future__ import annotations

from hrss.audit.services import audit_record
from hrss.core.actors import Actor
from hrss.core.bulk import FileSpec


class AuditedImporter:
    """Holds the actor and the file's name; subclasses add ``prepare`` and ``write``."""

    spec: FileSpec
    batch_size = 5000
    # True where ``prepare`` writes nothing and keeps no state from batch to batch, so
    # that forked workers may run it (each opens its own connection if it reads).
    parallel_prepare = False

    def __init__(self, *, actor: Actor, source_name: str) -> None:
        self.actor = actor
        self.source_name = source_name

    def audit_batch(self, *, written: int, present: int, rejected: int, batch: int) -> None:
        """The import event of a batch (in the batch's transaction; no personal data)."""
        audit_record(
            actor=self.actor,
            action=f"import.{self.spec.kind}",
            object_type="file",
            object_id=self.source_name[:64],
            extra={"batch": batch, "written": written, "present": present, "rejected": rejected},
        )
