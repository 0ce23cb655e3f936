"""一库: the registry of persons, employers and what links them.

Personal identifiers are never stored in clear: ``id_number_enc`` and
``phone_enc`` hold SM4-GCM ciphertext, ``*_index`` a keyed HMAC-SM3 blind index
for exact lookup, ``*_masked`` the display form (``420106********123X``).
"""

from __future__ import annotations

from django.db import models

from hrss.core.identifiers import IdNumberKind


class Gender(models.IntegerChoices):
    MALE = 1, "男"
    FEMALE = 2, "女"


class Region(models.Model):
    """GB/T 2260 code, dated; seeded from the bundled table, extended by administrators."""

    code = models.CharField("代码", max_length=6, primary_key=True)
    name = models.CharField("名称", max_length=40)
    level = models.CharField("级别", max_length=12)
    parent = models.ForeignKey("self", null=True, blank=True, on_delete=models.PROTECT)
    valid_from = models.DateField("启用日期")
    valid_to = models.DateField("停用日期", null=True, blank=True)

    class Meta:
        ordering = ["code"]
        verbose_name = "行政区划"
        verbose_name_plural = "行政区划"

    def __str__(self) -> str:
        return f"{self.code} {self.name}"


class Person(models.Model):
    id_number_enc = models.BinaryField()
    id_number_index = models.CharField(max_length=64)
    id_number_masked = models.CharField("身份证号码", max_length=18)
    id_kind = models.CharField(max_length=20, choices=[(k.value, k.value) for k in IdNumberKind])
    name = models.CharField("姓名", max_length=60)
    gender = models.PositiveSmallIntegerField("性别", choices=Gender.choices)
    birth_date = models.DateField("出生日期")
    hukou_region = models.CharField("户籍地", max_length=6)
    residence_region = models.CharField("常住地", max_length=6, blank=True)
    district = models.CharField("管辖地", max_length=6)
    phone_enc = models.BinaryField(null=True, blank=True)
    phone_index = models.CharField(max_length=64, blank=True)
    phone_masked = models.CharField("手机号码", max_length=11, blank=True)
    address = models.CharField("住址", max_length=200, blank=True)
    version = models.PositiveIntegerField(default=1)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = "人员"
        verbose_name_plural = "人员"
        # The indexes queries use, each compared byte by byte (PostgreSQL
        # ``varchar_pattern_ops``: equality, IN and prefix LIKE without locale collation;
        # other engines ignore the opclass). Django's defaults would add a second
        # ``*_like`` index per column; ``phone_index`` has no index until a lookup by
        # phone exists. Every insert pays for every index (ADR 0011).
        constraints = [
            models.UniqueConstraint(
                fields=["id_number_index"],
                name="person_id_number_index_unique",
                opclasses=["varchar_pattern_ops"],
            )
        ]
        indexes = [
            models.Index(
                fields=["district"], name="person_district", opclasses=["varchar_pattern_ops"]
            ),
        ]

    def __str__(self) -> str:
        from hrss.core.masking import mask_name

        return f"{mask_name(self.name)} {self.id_number_masked}"


class Employer(models.Model):
    uscc = models.CharField("统一社会信用代码", max_length=18, unique=True)
    name = models.CharField("单位名称", max_length=120)
    industry = models.CharField("行业大类", max_length=2, help_text="GB/T 4754-2017")
    section = models.CharField("行业门类", max_length=1)
    region = models.CharField("所在地", max_length=6, db_index=True)
    risk_class = models.PositiveSmallIntegerField("工伤风险类别")
    registered_on = models.DateField("参保登记日期")
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = "用人单位"
        verbose_name_plural = "用人单位"

    def __str__(self) -> str:
        return self.name


class EndReason(models.TextChoices):
    CONTRACT_END = "contract_end", "劳动合同期满"
    DISMISSAL = "dismissal", "用人单位解除"
    RESIGNATION = "resignation", "本人辞职"
    EMPLOYER_CLOSED = "employer_closed", "单位关闭破产"
    RETIREMENT = "retirement", "退休"
    DEATH = "death", "死亡"


INVOLUNTARY_END_REASONS = frozenset(
    {EndReason.CONTRACT_END, EndReason.DISMISSAL, EndReason.EMPLOYER_CLOSED}
)


class Employment(models.Model):
    """用工备案: one person's employment at one employer."""

    person = models.ForeignKey(Person, on_delete=models.PROTECT, related_name="employments")
    employer = models.ForeignKey(Employer, on_delete=models.PROTECT, related_name="employments")
    start_date = models.DateField("入职日期")
    end_date = models.DateField("离职日期", null=True, blank=True)
    end_reason = models.CharField("离职原因", max_length=20, choices=EndReason.choices, blank=True)
    occupation = models.CharField("职业", max_length=12, blank=True)
    filed_at = models.DateTimeField("备案时间", auto_now_add=True)

    class Meta:
        verbose_name = "用工备案"
        verbose_name_plural = "用工备案"
        constraints = [
            models.UniqueConstraint(
                fields=["person", "employer", "start_date"], name="employment_unique_start"
            ),
            models.CheckConstraint(
                condition=models.Q(end_date__isnull=True)
                | models.Q(end_date__gte=models.F("start_date")),
                name="employment_end_after_start",
            ),
        ]

    def __str__(self) -> str:
        return f"employment #{self.pk}"


class LifeEventKind(models.TextChoices):
    DEATH = "death", "死亡"
    IMPRISONMENT = "imprisonment", "服刑"
    RELEASE = "release", "刑满释放"
    EMIGRATION = "emigration", "出国(境)定居"


class LifeEventSource(models.TextChoices):
    PUBLIC_SECURITY = "public_security", "公安"
    CIVIL_AFFAIRS = "civil_affairs", "民政"
    HEALTH = "health", "卫生健康"
    COURT = "court", "法院"
    PRISON = "prison", "监狱"


class LifeEvent(models.Model):
    """A fact reported by a partner agency: death, imprisonment, release, emigration."""

    person = models.ForeignKey(Person, on_delete=models.PROTECT, related_name="life_events")
    event = models.CharField("事件", max_length=16, choices=LifeEventKind.choices)
    event_date = models.DateField("发生日期")
    source = models.CharField("来源", max_length=20, choices=LifeEventSource.choices)
    recorded_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = "人员状态事件"
        verbose_name_plural = "人员状态事件"
        constraints = [
            models.UniqueConstraint(
                fields=["person", "event", "event_date"], name="life_event_unique"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.event} {self.event_date}"


class KeyGroup(models.TextChoices):
    GRADUATE_UNEMPLOYED = "graduate_unemployed", "离校未就业高校毕业生"
    HARD_TO_EMPLOY = "hard_to_employ", "就业困难人员"
    MIGRANT_WORKER = "migrant_worker", "农民工"
    VETERAN = "veteran", "退役军人"
    DISABLED = "disabled", "残疾人"
    LOW_INCOME = "low_income", "城乡低保对象"
    LAND_EXPROPRIATED = "land_expropriated", "被征地农民"


class KeyGroupTag(models.Model):
    person = models.ForeignKey(Person, on_delete=models.PROTECT, related_name="key_groups")
    group = models.CharField("重点群体", max_length=24, choices=KeyGroup.choices)
    valid_from = models.DateField("认定日期")
    valid_to = models.DateField("截止日期", null=True, blank=True)
    source = models.CharField("认定来源", max_length=40, blank=True)

    class Meta:
        verbose_name = "重点群体标识"
        verbose_name_plural = "重点群体标识"
        constraints = [
            models.UniqueConstraint(
                fields=["person", "group", "valid_from"], name="key_group_unique"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.group} {self.valid_from}"
