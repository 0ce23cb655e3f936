"""CalendarDay is registered in hrss/web/admin.py, where its edits can be audited."""
