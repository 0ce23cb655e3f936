"""``hrss openapi [--check]``: write (or check) the committed OpenAPI documents under docs/api/."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError, CommandParser

from hrss.config.api import citizen_api, staff_api

DOCS = {"citizen": citizen_api, "staff": staff_api}


def openapi_text(name: str) -> str:
    schema = DOCS[name].get_openapi_schema(path_prefix=f"/api/{name}/v1")
    return json.dumps(schema, ensure_ascii=False, indent=2, sort_keys=True) + "\n"


def doc_path(name: str) -> Path:
    return Path(settings.BASE_DIR) / "docs" / "api" / f"{name}.openapi.json"


class Command(BaseCommand):
    help = "写出或校验 OpenAPI 接口文档 (write or --check docs/api/*.openapi.json)"

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--check", action="store_true", help="fail when a document drifted")

    def handle(self, *args: Any, **options: Any) -> None:
        drifted = []
        for name in DOCS:
            text, path = openapi_text(name), doc_path(name)
            if options["check"]:
                if not path.exists() or path.read_text(encoding="utf-8") != text:
                    drifted.append(str(path))
                continue
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_text(text, encoding="utf-8")
            self.stdout.write(f"wrote {path}")
        if drifted:
            raise CommandError(f"OpenAPI drifted (run `make openapi`): {', '.join(drifted)}")
