"""电子证照: issued documents (参保证明 ...) whose content hash is signed with SM2.

The PDF bytes are stored content-addressed (SM3) in the materials store; the row keeps
the hash, the signature, and what the public verification page may say about it:
"genuine, issued on …, to 张*" — never the holder's full name or ID number.
"""

from __future__ import annotations

from django.db import models


class CertificateKind(models.TextChoices):
    PERSON_INSURANCE_PROOF = "person_insurance_proof", "个人参保证明"
    EMPLOYER_INSURANCE_PROOF = "employer_insurance_proof", "单位参保证明"


class Certificate(models.Model):
    verification_code = models.CharField("验证码", max_length=20, unique=True)
    kind = models.CharField("证照类型", max_length=32, choices=CertificateKind.choices)
    person = models.ForeignKey(
        "registry.Person",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="certificates",
    )
    employer = models.ForeignKey(
        "registry.Employer",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="certificates",
    )
    holder_masked = models.CharField("持证人(脱敏)", max_length=120)
    issued_at = models.DateTimeField("签发时间")
    content_sm3 = models.CharField("文件SM3摘要", max_length=64)
    signature = models.CharField("SM2签名", max_length=128)
    signer_public_key = models.CharField("签名公钥", max_length=128)
    storage_key = models.CharField("存储键", max_length=64)
    issued_by = models.CharField("签发操作人", max_length=150)

    class Meta:
        verbose_name = "电子证照"
        verbose_name_plural = "电子证照"
        indexes = [models.Index(fields=["content_sm3"])]

    def __str__(self) -> str:
        return f"{self.get_kind_display()} {self.verification_code}"
