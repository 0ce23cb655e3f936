"""Forms of the service hall's pages. Every form that changes an application carries the
``version`` the person saw; the submit form also carries an idempotency key made when
the page was drawn, so a double click cannot create two submissions."""

from __future__ import annotations

import uuid
from collections.abc import Iterable
from datetime import date, timedelta
from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

from hrss.core import clock
from hrss.service_hall.form_fields import FieldSpec

MAX_NOTICE_ITEMS = 20
KPI_MAX_DAYS = 366
KPI_DEFAULT_DAYS = 90


class AccessibleForm(forms.Form):
    """Ties each error to its field for screen readers (aria-invalid, aria-describedby)."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        for name, field in self.fields.items():
            if field.help_text:
                field.widget.attrs["aria-describedby"] = f"{self.add_prefix(name)}-help"

    def full_clean(self) -> None:
        super().full_clean()
        self.mark_errors()

    def mark_errors(self) -> None:
        """Mark each field in error (call again after ``add_error`` outside ``clean``)."""
        for name in self.errors:
            if name in self.fields:
                attrs = self.fields[name].widget.attrs
                attrs["aria-invalid"] = "true"
                ids = {*attrs.get("aria-describedby", "").split(), f"{self.add_prefix(name)}-error"}
                attrs["aria-describedby"] = " ".join(sorted(ids))


class VersionForm(AccessibleForm):
    version = forms.IntegerField(min_value=1, widget=forms.HiddenInput)


class SubmitForm(VersionForm):
    idempotency_key = forms.CharField(max_length=64, widget=forms.HiddenInput)

    @classmethod
    def fresh(cls, version: int) -> SubmitForm:
        """The form as drawn: the key is made now, once per rendering of the page."""
        return cls(initial={"version": version, "idempotency_key": uuid.uuid4().hex})


class UploadForm(AccessibleForm):
    file = forms.FileField(
        label=_("选择文件"), error_messages={"required": _("请选择要上传的文件")}
    )


def _widget(spec: FieldSpec, *, required: bool) -> forms.Widget:
    if spec.kind == "choice":
        blank = [] if required else [("", _("不选择"))]
        return forms.RadioSelect(choices=[*blank, *spec.choices])
    if spec.kind == "bool":
        return forms.CheckboxInput(check_test=lambda v: str(v).lower() in ("1", "true", "on"))
    attrs = {
        "month": {"type": "month", "placeholder": "YYYY-MM"},
        "date": {"type": "date"},
        "region": {"inputmode": "numeric", "maxlength": "6", "autocomplete": "off"},
        "uscc": {"maxlength": "18", "autocomplete": "off", "spellcheck": "false"},
    }.get(spec.kind, {"maxlength": "200"})
    return forms.TextInput(attrs)


class ApplicationDataForm(VersionForm):
    """申请信息: the item's form fields (:mod:`hrss.service_hall.form_fields`), drawn as
    plain inputs. The page does not check them: the service does, and its errors are put
    next to each field (all at once)."""

    def __init__(
        self, *args: Any, specs: Iterable[FieldSpec], gender: int | None = None, **kwargs: Any
    ) -> None:
        super().__init__(*args, **kwargs)
        self.specs = tuple(specs)
        for spec in self.specs:
            required = spec.is_required(gender)
            label = _("{label}(必填)").format(label=spec.label) if required else spec.label
            field = forms.CharField(
                label=str(label),
                required=False,
                help_text=str(spec.help_text),
                widget=_widget(spec, required=required),
            )
            if spec.help_text:
                field.widget.attrs["aria-describedby"] = f"{spec.name}-help"
            self.fields[spec.name] = field

    @classmethod
    def drawn(
        cls, specs: Iterable[FieldSpec], form: dict[str, Any], version: int, gender: int | None
    ) -> ApplicationDataForm:
        """The form as drawn: the stored values and the version seen."""
        initial = {name: ("on" if value is True else value) for name, value in form.items()}
        return cls(initial={**initial, "version": version}, specs=specs, gender=gender)

    def raw(self) -> dict[str, str]:
        """What the person posted for each field, as text (an unticked box is '')."""
        return {spec.name: str(self.data.get(spec.name, "")) for spec in self.specs}


class WithdrawForm(VersionForm):
    reason = forms.CharField(
        label=_("撤回原因(选填)"),
        required=False,
        max_length=500,
        widget=forms.Textarea({"rows": 2}),
    )


class NoteForm(VersionForm):
    note = forms.CharField(
        label=_("办理意见(选填)"),
        required=False,
        max_length=2000,
        widget=forms.Textarea({"rows": 2}),
    )


class CompleteForm(VersionForm):
    result = forms.CharField(
        label=_("办理结果(告知申请人,选填)"),
        required=False,
        max_length=2000,
        widget=forms.Textarea({"rows": 2}),
    )


class RejectForm(VersionForm):
    reason = forms.CharField(
        label=_("不予批准的理由(告知申请人)"),
        max_length=2000,
        error_messages={"required": _("请写明不予批准的理由,申请人将看到这段文字")},
        widget=forms.Textarea({"rows": 3}),
    )


class ReturnForm(VersionForm):
    """退回补正: everything to fix, at once — ticked materials and free lines."""

    materials = forms.MultipleChoiceField(
        label=_("需重新提交的材料"), required=False, widget=forms.CheckboxSelectMultiple
    )
    items = forms.CharField(
        label=_("其他需补正的内容(每行一项)"),
        required=False,
        max_length=5000,
        widget=forms.Textarea({"rows": 4}),
    )

    def __init__(self, *args: Any, material_names: Iterable[str] = (), **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        field = self.fields["materials"]
        assert isinstance(field, forms.MultipleChoiceField)
        field.choices = [(name, name) for name in material_names]

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        notice = [str(_("请重新提交:{name}")).format(name=n) for n in data.get("materials", [])]
        notice += [line.strip() for line in data.get("items", "").splitlines() if line.strip()]
        if not notice:
            self.add_error("items", _("请至少列出一项需要补正的内容(可勾选材料或逐行填写)"))
        elif len(notice) > MAX_NOTICE_ITEMS:
            self.add_error("items", _("一次性告知最多 20 项,请合并相近的内容"))
        data["notice"] = notice
        return data


class RevealForm(AccessibleForm):
    reason = forms.CharField(
        label=_("查看事由"),
        max_length=200,
        help_text=_("如“核对申请人身份”。查看记录将写入审计日志。"),
        error_messages={"required": _("请填写查看完整信息的事由")},
    )


class QueueForm(forms.Form):
    item = forms.ChoiceField(label=_("事项"), required=False)
    district = forms.ChoiceField(label=_("办理地"), required=False)
    status = forms.ChoiceField(label=_("状态"), required=False)

    def __init__(
        self,
        *args: Any,
        items: list[tuple[str, str]],
        districts: list[tuple[str, str]],
        statuses: list[tuple[str, str]],
        **kwargs: Any,
    ) -> None:
        super().__init__(*args, **kwargs)
        for name, choices in (("item", items), ("district", districts), ("status", statuses)):
            field = self.fields[name]
            assert isinstance(field, forms.ChoiceField)
            field.choices = [("", _("全部")), *choices]


class SearchForm(forms.Form):
    q = forms.CharField(label=_("搜索事项"), required=False, max_length=40)


def _default_since() -> date:
    return clock.today() - timedelta(days=KPI_DEFAULT_DAYS - 1)


class KpiForm(AccessibleForm):
    since = forms.DateField(
        label=_("开始日期"), required=False, widget=forms.DateInput({"type": "date"})
    )
    until = forms.DateField(
        label=_("结束日期"), required=False, widget=forms.DateInput({"type": "date"})
    )
    district = forms.ChoiceField(label=_("办理地"), required=False)

    def __init__(self, *args: Any, districts: list[tuple[str, str]], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        field = self.fields["district"]
        assert isinstance(field, forms.ChoiceField)
        field.choices = [("", _("全部(本人辖区)")), *districts]

    @staticmethod
    def defaults() -> dict[str, Any]:
        return {"since": _default_since(), "until": clock.today(), "district": ""}

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        since = data.get("since") or _default_since()
        until = data.get("until") or clock.today()
        if until < since:
            self.add_error("until", _("结束日期不能早于开始日期"))
        elif (until - since).days >= KPI_MAX_DAYS:
            self.add_error("until", _("统计期间最长一年,请缩短日期范围"))
        data["since"], data["until"] = since, until
        return data
