"""Serving a stored material: the bytes, never sniffed again by the browser."""

from __future__ import annotations

from typing import Any
from urllib.parse import quote

from django.http import HttpResponse

from hrss.core import blobstore
from hrss.service_hall.models import Material

MAX_UPLOAD_BYTES = 20 * 1024 * 1024  # read at most this much of an upload (+1 to see "more")
BINARY = {"type": "string", "format": "binary"}
FILE_RESPONSE: dict[str, Any] = {
    "responses": {
        200: {
            "description": "文件内容(类型为按内容识别的类型)",
            "content": {
                "application/octet-stream": {"schema": {"type": "string", "format": "binary"}}
            },
        }
    }
}


def material_response(material: Material) -> HttpResponse:
    response = HttpResponse(blobstore.get(material.blob_key), content_type=material.content_type)
    response["Content-Disposition"] = f"attachment; filename*=UTF-8''{quote(material.filename)}"
    response["X-Content-Type-Options"] = "nosniff"
    response["Cache-Control"] = "private, no-store"
    return response
