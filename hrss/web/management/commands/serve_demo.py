"""``hrss serve_demo``: the web server and a job worker side by side, for the laptop demo.

Production runs them as separate services (see README, "Running in production").
"""

from __future__ import annotations

import os
import signal
import subprocess
import sys
from typing import Any

from django.core.management.base import BaseCommand, CommandParser


class Command(BaseCommand):
    help = "演示:同时启动网站(gunicorn)和后台任务进程 (web server + job worker)"

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--bind", default="127.0.0.1:8000")
        parser.add_argument("--workers", type=int, default=2)

    def handle(self, *args: Any, **options: Any) -> None:
        worker = subprocess.Popen(
            [sys.executable, "-m", "hrss", "db_worker"], env=os.environ.copy()
        )
        bind = options["bind"]
        self.stdout.write(self.style.SUCCESS(f"门户 portal     http://{bind}/"))
        self.stdout.write(f"登录 login      http://{bind}/login/")
        self.stdout.write(f"管理 admin      http://{bind}/admin/")
        self.stdout.write(f"接口 API docs   http://{bind}/api/citizen/v1/docs  /api/staff/v1/docs")
        gunicorn = [
            sys.executable,
            "-m",
            "gunicorn",
            "hrss.config.wsgi",
            "--bind",
            bind,
            "--workers",
            str(options["workers"]),
            "--access-logfile",
            "-",
        ]
        server = subprocess.Popen(gunicorn, env=os.environ.copy())
        try:
            server.wait()
        except KeyboardInterrupt:
            server.send_signal(signal.SIGTERM)
        finally:
            worker.send_signal(signal.SIGTERM)
            worker.wait(timeout=10)
