"""Password rules beyond Django's own (等保 level 3: complexity)."""

from __future__ import annotations

import string
from typing import Any

from django.core.exceptions import ValidationError
from django.utils.translation import gettext

CHARACTER_CLASSES = ("lower", "upper", "digit", "symbol")


def character_classes(password: str) -> set[str]:
    """Which of lower-case, upper-case, digit and symbol ``password`` uses."""
    found: set[str] = set()
    for ch in password:
        if ch in string.ascii_lowercase:
            found.add("lower")
        elif ch in string.ascii_uppercase:
            found.add("upper")
        elif ch.isdigit():
            found.add("digit")
        elif not ch.isspace():
            found.add("symbol")
    return found


class MixedCharacterClassesValidator:
    """At least ``min_classes`` of: lower-case letter, upper-case letter, digit, symbol."""

    def __init__(self, min_classes: int = 3) -> None:
        self.min_classes = min_classes

    def validate(self, password: str, user: Any = None) -> None:
        if len(character_classes(password)) < self.min_classes:
            raise ValidationError(
                gettext(
                    "密码须至少包含小写字母、大写字母、数字、符号中的 %(min)d 类,例如 Hrss2025!abc"
                ),
                code="password_too_simple",
                params={"min": self.min_classes},
            )

    def get_help_text(self) -> str:
        return gettext("密码须至少包含小写字母、大写字母、数字、符号中的 %(min)d 类。") % {
            "min": self.min_classes
        }
