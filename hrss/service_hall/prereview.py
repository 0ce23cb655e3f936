"""Automatic pre-review (预审) at submission: every problem found, listed at once.

The list becomes the one-time notice (一次性告知) when the application is returned:
the applicant learns everything that is missing or wrong in one go, never piece by piece.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass
from typing import Any

from hrss.service_hall.executors import resolve_condition_check
from hrss.service_hall.models import (
    Application,
    ApplicationMaterial,
    Material,
    RequiredMaterial,
)


@dataclass(frozen=True)
class Problem:
    """One item of a one-time notice."""

    code: str
    message: str
    material_code: str = ""

    def as_dict(self) -> dict[str, str]:
        return asdict(self)


def _attached_problem(required: RequiredMaterial, material: Material) -> Problem | None:
    if material.content_type not in required.accepted_type_list:
        accepted = "、".join(_type_names(required.accepted_type_list))
        message = f"{required.name}的文件类型不符合要求,请上传 {accepted}"
        return Problem("material.type_not_accepted", message, required.code)
    if material.size > required.max_bytes:
        return Problem("material.too_large", f"{required.name}的文件过大", required.code)
    return None


def material_problems(application: Application) -> list[Problem]:
    """Required materials missing, and attached files of a type or size no longer accepted."""
    links = ApplicationMaterial.objects.filter(application=application).select_related("material")
    attached = {link.code: link.material for link in links}
    problems = []
    for required in application.item.materials.all():
        material = attached.get(required.code)
        if material is None and not required.optional:
            problems.append(Problem("material.missing", f"缺少材料:{required.name}", required.code))
        problem = _attached_problem(required, material) if material is not None else None
        if problem is not None:
            problems.append(problem)
    return problems


def condition_problems(application: Application) -> list[Problem]:
    """What the item's registered condition check says (nothing when it has none)."""
    path = application.item.condition_check
    if not path:
        return []
    check = resolve_condition_check(path)
    return list(check(application=application))


def prereview(application: Application) -> list[Problem]:
    """All problems of ``application``: conditions first, then materials."""
    return condition_problems(application) + material_problems(application)


TYPE_NAMES = {"application/pdf": "PDF", "image/jpeg": "JPG", "image/png": "PNG"}


def _type_names(types: list[str]) -> list[str]:
    return [TYPE_NAMES.get(t, t) for t in types]


def notice_text(problems: list[Problem]) -> str:
    """The notice as numbered lines, as it is shown and sent."""
    return "\n".join(f"{i}. {p.message}" for i, p in enumerate(problems, start=1))


def problems_as_detail(problems: list[Problem]) -> list[dict[str, Any]]:
    return [p.as_dict() for p in problems]
