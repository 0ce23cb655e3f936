"""政务服务事项目录: the standard catalog of service items and their required materials.

An item's code is the same everywhere in the province (同一事项、同一标准、同一编码):
GB/T 39554 基本编码 = 2-letter 事项类型 + 5-digit 主项 + 3-digit 子项, e.g. ``GG00101001``.
Time limits are counted in Chinese working days (:mod:`hrss.core.workdays`).
"""

from __future__ import annotations

import re
from decimal import Decimal

from django.core.exceptions import ValidationError
from django.db import models

from hrss.service_hall.executors import check_registered

ITEM_CODE_RE = re.compile(r"^[A-Z]{2}\d{5}\d{3}$")
ACCEPTED_TYPES = frozenset({"application/pdf", "image/jpeg", "image/png"})
DEFAULT_ACCEPTED = "application/pdf,image/jpeg,image/png"
DEFAULT_MAX_BYTES = 10 * 1024 * 1024


class ItemType(models.TextChoices):
    """事项类型 (the first two characters of the code)."""

    XK = "XK", "行政许可"
    JF = "JF", "行政给付"
    QR = "QR", "行政确认"
    QT = "QT", "其他行政权力"
    GG = "GG", "公共服务"


class Category(models.TextChoices):
    EMPLOYMENT = "employment", "就业创业"
    SOCIAL_INSURANCE = "social_insurance", "社会保险"
    CARD = "card", "社会保障卡"
    LABOUR_RELATIONS = "labour_relations", "劳动关系"
    TALENT = "talent", "人才人事"


class ApplicantKind(models.TextChoices):
    PERSON = "person", "个人"
    EMPLOYER = "employer", "单位"


class Channel(models.TextChoices):
    WEB = "web", "网上办(门户网站)"
    APP = "app", "掌上办(APP/小程序)"
    WINDOW = "window", "窗口办"
    SELF_SERVICE = "self_service", "自助办(自助终端)"
    HOTLINE = "hotline", "12333电话"


def split_list(value: str) -> list[str]:
    """'a, b;c  d' → ['a', 'b', 'c', 'd'] (comma, semicolon, 、 or whitespace separated)."""
    return [part for part in re.split(r"[,,;;、\s]+", value) if part]


def validate_item_code(value: str) -> None:
    if not ITEM_CODE_RE.match(value) or value[:2] not in ItemType.values:
        raise ValidationError("事项编码须为事项类型(XK/JF/QR/QT/GG)+5位主项+3位子项,如 GG00101001")


def validate_channels(value: str) -> None:
    unknown = set(split_list(value)) - set(Channel.values)
    if unknown:
        raise ValidationError(f"未知的办理渠道: {', '.join(sorted(unknown))}")


def validate_accepted_types(value: str) -> None:
    types = split_list(value)
    if not types or set(types) - ACCEPTED_TYPES:
        raise ValidationError(f"可接受的文件类型只能是: {', '.join(sorted(ACCEPTED_TYPES))}")


class ServiceItem(models.Model):
    code = models.CharField("事项编码", max_length=10, unique=True, validators=[validate_item_code])
    name = models.CharField("事项名称", max_length=100)
    category = models.CharField("事项类别", max_length=20, choices=Category.choices)
    applicant = models.CharField(
        "服务对象", max_length=10, choices=ApplicantKind.choices, default=ApplicantKind.PERSON
    )
    legal_basis = models.TextField("设定依据", blank=True)
    conditions = models.TextField("申请条件", blank=True)
    legal_limit_days = models.PositiveSmallIntegerField("法定办结时限(工作日)")
    promised_limit_days = models.PositiveSmallIntegerField("承诺办结时限(工作日)")
    fee = models.DecimalField("收费标准(元)", max_digits=10, decimal_places=2, default=Decimal("0"))
    channels = models.CharField(
        "办理渠道",
        max_length=100,
        default="web,app,window",
        validators=[validate_channels],
        help_text="逗号分隔: " + ", ".join(f"{c.value}={c.label}" for c in Channel),
    )
    steps = models.TextField("办理流程", blank=True, help_text="每行一个环节")
    executor = models.CharField(
        "办结程序",
        max_length=200,
        blank=True,
        help_text="审核通过后调用的业务服务(须在允许清单中);可为空",
    )
    condition_check = models.CharField(
        "条件预审程序", max_length=200, blank=True, help_text="自动预审申请条件(须在允许清单中)"
    )
    needs_second_review = models.BooleanField("需复核", default=False)
    fully_online = models.BooleanField("全程网办", default=False)
    instant = models.BooleanField("即办件", default=False)
    keywords = models.CharField(
        "关键词/别名", max_length=300, blank=True, help_text="用于搜索,逗号或空格分隔"
    )
    active = models.BooleanField("在用", default=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["code"]
        verbose_name = "服务事项"
        verbose_name_plural = "服务事项目录"
        constraints = [
            models.CheckConstraint(
                condition=models.Q(promised_limit_days__lte=models.F("legal_limit_days")),
                name="service_item_promise_within_legal_limit",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.code} {self.name}"

    @property
    def keyword_list(self) -> list[str]:
        return split_list(self.keywords)

    @property
    def channel_list(self) -> list[str]:
        return split_list(self.channels)

    @property
    def step_list(self) -> list[str]:
        return [line.strip() for line in self.steps.splitlines() if line.strip()]

    @property
    def limit_days(self) -> int:
        """The limit that runs from acceptance: the promise (承诺时限)."""
        return self.promised_limit_days

    def clean(self) -> None:
        errors = check_registered(executor=self.executor, condition_check=self.condition_check)
        if self.promised_limit_days > self.legal_limit_days:
            errors["promised_limit_days"] = "承诺时限不能超过法定时限"
        if errors:
            raise ValidationError(errors)


class RequiredMaterial(models.Model):
    item = models.ForeignKey(ServiceItem, on_delete=models.CASCADE, related_name="materials")
    code = models.CharField("材料编码", max_length=16)
    name = models.CharField("材料名称", max_length=100)
    description = models.TextField("材料说明", blank=True)
    accepted_types = models.CharField(
        "可接受的文件类型",
        max_length=120,
        default=DEFAULT_ACCEPTED,
        validators=[validate_accepted_types],
        help_text="逗号分隔,如 application/pdf,image/jpeg,image/png",
    )
    max_bytes = models.PositiveIntegerField("文件大小上限(字节)", default=DEFAULT_MAX_BYTES)
    optional = models.BooleanField("非必需", default=False)
    reusable_kind = models.CharField(
        "可复用材料类型",
        max_length=40,
        blank=True,
        help_text="如 id_copy(身份证件)、person_insurance_proof(参保证明电子证照);"
        "已有同类材料时免提交",
    )
    position = models.PositiveSmallIntegerField("顺序", default=0)

    class Meta:
        ordering = ["item", "position", "code"]
        verbose_name = "申请材料"
        verbose_name_plural = "申请材料"
        constraints = [
            models.UniqueConstraint(fields=["item", "code"], name="required_material_code_unique")
        ]

    def __str__(self) -> str:
        return f"{self.code} {self.name}"

    @property
    def accepted_type_list(self) -> list[str]:
        return split_list(self.accepted_types)
