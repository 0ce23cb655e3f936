from django.contrib import admin

from hrss.core.models import CalendarDay


@admin.register(CalendarDay)
class CalendarDayAdmin(admin.ModelAdmin[CalendarDay]):
    list_display = ("day", "name", "is_working_day")
    list_filter = ("is_working_day",)
    date_hierarchy = "day"
