"""Routers of the service hall, mounted on the citizen and staff APIs in hrss.config.api."""

from hrss.service_hall.api.citizen import citizen_router
from hrss.service_hall.api.staff import staff_router

__all__ = ["citizen_router", "staff_router"]
