"""Who may see or handle an application or a material: the one door for personal data.

* the applicant (and, for an employer's application, any agent of that employer);
* caseworkers and supervisors whose district covers the application's district
  (reads audited); only caseworkers act;
* nobody else — and they get the same "not found" as for a missing record.
"""

from __future__ import annotations

from hrss.audit.models import Outcome
from hrss.audit.services import audit_record
from hrss.core.actors import Actor
from hrss.iam.models import Account, Role
from hrss.service_hall.errors import ApplicationNotFound, MaterialNotFound
from hrss.service_hall.models import Application, ApplicationMaterial, Material

READ_ROLES = frozenset({Role.CASEWORKER, Role.SUPERVISOR})


def _active_account(actor: Actor) -> Account | None:
    return actor if isinstance(actor, Account) and actor.is_active else None


def is_applicant_side(actor: Actor, application: Application) -> bool:
    """The applicant, or an agent of the employer the application is for."""
    account = _active_account(actor)
    if account is None:
        return False
    if account.pk == application.applicant_id:
        return True
    return (
        account.role == Role.EMPLOYER_AGENT
        and bool(account.employer_uscc)
        and application.employer is not None
        and application.employer.uscc == account.employer_uscc
    )


def staff_can_read(actor: Actor, application: Application) -> bool:
    account = _active_account(actor)
    return (
        account is not None
        and account.role in READ_ROLES
        and account.covers_region(application.district)
    )


def can_handle(actor: Actor, application: Application) -> bool:
    """A caseworker whose district covers the application may act on it."""
    account = _active_account(actor)
    return (
        account is not None
        and account.role == Role.CASEWORKER
        and account.covers_region(application.district)
    )


def _audit_read(actor: Actor, app: Application | None, allowed: bool, action: str) -> None:
    audit_record(
        actor=actor,
        action=action,
        object_type="service_hall.application",
        object_id=app.pk if app is not None and allowed else "",
        person_id=app.person_id if app is not None and allowed else None,
        outcome=Outcome.OK if allowed else Outcome.DENIED,
        extra={"found": app is not None},
    )


def access_application_by_id(*, actor: Actor, application_id: int) -> Application:
    """The application if ``actor`` may see it, else ``ApplicationNotFound`` (also if missing).

    The applicant's own reads are not third-party access and are not audited; every
    other read, allowed or refused, is.
    """
    app = (
        Application.objects.select_related("item", "person", "employer")
        .filter(pk=application_id)
        .first()
    )
    if app is not None and is_applicant_side(actor, app):
        return app
    allowed = app is not None and staff_can_read(actor, app)
    _audit_read(actor, app, allowed, "application.read")
    if not allowed or app is None:
        raise ApplicationNotFound()
    return app


def _material_visible_to(actor: Actor, material: Material) -> bool:
    account = _active_account(actor)
    if account is not None and account.pk == material.owner_id:
        return True
    links = ApplicationMaterial.objects.filter(material=material).select_related(
        "application__employer"
    )
    return any(
        is_applicant_side(actor, link.application) or staff_can_read(actor, link.application)
        for link in links
    )


def access_material_by_id(*, actor: Actor, material_id: int) -> Material:
    """A material its owner may read, or staff covering an application it is attached to."""
    material = Material.objects.filter(pk=material_id).first()
    allowed = material is not None and _material_visible_to(actor, material)
    own = allowed and material is not None and getattr(actor, "pk", None) == material.owner_id
    if not own:
        audit_record(
            actor=actor,
            action="material.read",
            object_type="service_hall.material",
            object_id=material.pk if material is not None and allowed else "",
            person_id=material.person_id if material is not None and allowed else None,
            outcome=Outcome.OK if allowed else Outcome.DENIED,
            extra={"found": material is not None},
        )
    if not allowed or material is None:
        raise MaterialNotFound()
    return material
