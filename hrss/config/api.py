"""The NinjaAPI instances (one per audience and version) and the one error handler."""

from __future__ import annotations

import json

from django.http import HttpRequest, HttpResponse
from ninja import NinjaAPI

from hrss.core.errors import DomainError

PROBLEM_JSON = "application/problem+json"


def problem_response(error: DomainError) -> HttpResponse:
    """RFC 9457 problem details, with the stable ``code`` beside ``type``."""
    return HttpResponse(
        json.dumps(error.as_problem(), ensure_ascii=False),
        status=error.status,
        content_type=PROBLEM_JSON,
    )


def _install_handlers(api: NinjaAPI) -> None:
    @api.exception_handler(DomainError)
    def on_domain_error(request: HttpRequest, exc: DomainError) -> HttpResponse:
        return problem_response(exc)


citizen_api = NinjaAPI(
    title="一网通办 · 个人与单位服务接口 (citizen API)",
    version="1.0.0",
    urls_namespace="citizen_api",
    docs_url="/docs",
)
staff_api = NinjaAPI(
    title="一网通办 · 经办人员接口 (staff API)",
    version="1.0.0",
    urls_namespace="staff_api",
    docs_url="/docs",
)
for _api in (citizen_api, staff_api):
    _install_handlers(_api)

from hrss.insurance import api as insurance_api  # noqa: E402
from hrss.insurance import public_api as insurance_public_api  # noqa: E402
from hrss.registry import api as registry_api  # noqa: E402
from hrss.service_hall import api as service_hall_api  # noqa: E402
from hrss.service_hall import certificate_api  # noqa: E402

citizen_api.add_router("/", registry_api.citizen_router)
citizen_api.add_router("/", insurance_api.citizen_router)
citizen_api.add_router("/", insurance_public_api.router)
citizen_api.add_router("/", certificate_api.citizen_router)
citizen_api.add_router("/", certificate_api.public_router)
citizen_api.add_router("/", service_hall_api.citizen_router)
staff_api.add_router("/", registry_api.staff_router)
staff_api.add_router("/", insurance_api.staff_router)
staff_api.add_router("/", service_hall_api.staff_router)
