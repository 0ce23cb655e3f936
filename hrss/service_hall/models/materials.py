"""Materials (申请材料): files a person or employer uploaded, stored content-addressed.

The bytes live in :mod:`hrss.core.blobstore` under their SM3; the row keeps what the
platform sniffed from the bytes (never the client's word for the type). A file is
served only through ``access_material_by_id``.
"""

from __future__ import annotations

from django.conf import settings
from django.db import models

from hrss.service_hall.models.applications import Application


class Material(models.Model):
    owner = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="materials"
    )
    person = models.ForeignKey(
        "registry.Person", null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    kind = models.CharField("材料类型", max_length=40, blank=True, help_text="如 id_copy")
    filename = models.CharField("文件名", max_length=120)
    content_type = models.CharField("文件类型(按内容识别)", max_length=64)
    size = models.PositiveBigIntegerField("大小(字节)")
    blob_key = models.CharField("存储键(SM3)", max_length=64)
    created_at = models.DateTimeField("上传时间")

    class Meta:
        verbose_name = "材料"
        verbose_name_plural = "材料"
        indexes = [models.Index(fields=["owner", "kind", "created_at"], name="material_reuse_idx")]

    def __str__(self) -> str:
        return f"material #{self.pk} {self.kind}"


class ApplicationMaterial(models.Model):
    """Which file answers which required material of one application."""

    application = models.ForeignKey(
        Application, on_delete=models.CASCADE, related_name="material_links"
    )
    code = models.CharField("材料编码", max_length=16)
    material = models.ForeignKey(Material, on_delete=models.PROTECT, related_name="links")
    reused = models.BooleanField("免提交复用", default=False)
    attached_at = models.DateTimeField()

    class Meta:
        verbose_name = "申请所附材料"
        verbose_name_plural = "申请所附材料"
        constraints = [
            models.UniqueConstraint(
                fields=["application", "code"], name="application_material_code_unique"
            )
        ]

    def __str__(self) -> str:
        return f"#{self.application_id} {self.code}"
