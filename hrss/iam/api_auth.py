"""Authentication for the APIs: a Django session, limited to roles."""

from __future__ import annotations

from typing import Any

from django.http import HttpRequest
from ninja.security import SessionAuth

from hrss.iam.models import STAFF_ROLES, Account, Role


class RoleSessionAuth(SessionAuth):
    """Session auth (with CSRF) that also requires one of ``roles``."""

    def __init__(self, roles: frozenset[str], csrf: bool = True) -> None:
        super().__init__(csrf=csrf)
        self.roles = roles

    def authenticate(self, request: HttpRequest, key: str | None) -> Any:
        user = super().authenticate(request, key)
        if user is None or getattr(user, "role", None) not in self.roles:
            return None
        return user


citizen_auth = RoleSessionAuth(frozenset({Role.CITIZEN, Role.EMPLOYER_AGENT}))
staff_auth = RoleSessionAuth(frozenset(STAFF_ROLES))


def current_account(request: HttpRequest) -> Account:
    """The account an authenticated API operation acts for."""
    user = request.user
    assert isinstance(user, Account), "operation reached without authentication"
    return user
