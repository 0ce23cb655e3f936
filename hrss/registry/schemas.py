"""API schemas of the registry. Identifiers leave masked unless a reveal was audited."""

from __future__ import annotations

from datetime import date

from ninja import Schema
from pydantic import Field

from hrss.core.masking import mask_name
from hrss.registry.models import Person


class PersonLookupIn(Schema):
    id_number: str = Field(description="公民身份号码(在请求体中传递,不出现在网址里)", max_length=32)
    reason: str = Field("", description="查询事由(记入审计日志)", max_length=200)


class PersonRegisterIn(Schema):
    id_number: str = Field(max_length=32)
    name: str = Field(max_length=60)
    gender: int = Field(description="1 男, 2 女")
    birth_date: date
    hukou_region: str = Field(max_length=6)
    residence_region: str = Field("", max_length=6)
    phone: str = Field("", max_length=20)
    address: str = Field("", max_length=200)


class RevealIn(Schema):
    reason: str = Field(description="查看完整信息的事由(必填,记入审计日志)", max_length=200)


class PersonOut(Schema):
    id: int
    id_number: str = Field(description="脱敏后的身份证号码")
    name: str = Field(description="脱敏后的姓名")
    gender: int
    birth_date: date
    hukou_region: str
    residence_region: str
    district: str
    phone: str = Field(description="脱敏后的手机号码")
    version: int

    @staticmethod
    def from_person(p: Person) -> PersonOut:
        return PersonOut(
            id=p.pk,
            id_number=p.id_number_masked,
            name=mask_name(p.name),
            gender=p.gender,
            birth_date=p.birth_date,
            hukou_region=p.hukou_region,
            residence_region=p.residence_region,
            district=p.district,
            phone=p.phone_masked,
            version=p.version,
        )


class IdentifiersOut(Schema):
    id_number: str
    phone: str
