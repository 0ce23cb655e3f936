"""What the kernel and the audit log need to know of whoever acts.

Accounts live in ``iam`` (above ``audit`` in the dependency order), so lower
areas see an actor only through this protocol. ``SYSTEM`` stands for jobs and
imports run from the command line.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Protocol, runtime_checkable


@runtime_checkable
class Actor(Protocol):
    @property
    def pk(self) -> int | None: ...

    @property
    def role(self) -> str: ...

    def get_username(self) -> str: ...


@dataclass(frozen=True)
class SystemActor:
    """A non-human actor: a command, a scheduled job, a partner-agency feed."""

    name: str
    pk: None = None
    role: str = "system"

    def get_username(self) -> str:
        return self.name


SYSTEM = SystemActor("system")
