"""Reads of the service hall. Personal data only through the ``access_*`` selectors."""

from hrss.service_hall.selectors.access import (
    access_application_by_id,
    access_material_by_id,
    can_handle,
    is_applicant_side,
    staff_can_read,
)
from hrss.service_hall.selectors.applications import (
    OPEN_STATES,
    ApplicationDetail,
    QueueRow,
    application_current_notice,
    application_detail,
    application_list_for_applicant,
    application_materials,
    application_queue,
    application_time_state,
    application_timeline,
)
from hrss.service_hall.selectors.catalog import (
    service_item_get,
    service_item_list,
    service_item_search,
)
from hrss.service_hall.selectors.kpis import ServiceKpi, service_kpis
from hrss.service_hall.selectors.notifications import INBOX_LIMIT, notification_list

__all__ = [
    "ApplicationDetail",
    "application_detail",
    "INBOX_LIMIT",
    "OPEN_STATES",
    "QueueRow",
    "ServiceKpi",
    "access_application_by_id",
    "access_material_by_id",
    "application_current_notice",
    "application_list_for_applicant",
    "application_materials",
    "application_queue",
    "application_time_state",
    "application_timeline",
    "can_handle",
    "is_applicant_side",
    "notification_list",
    "service_item_get",
    "service_item_list",
    "service_item_search",
    "service_kpis",
    "staff_can_read",
]
