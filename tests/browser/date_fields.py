"""The app's own date, month and time fields (selects for 年・月・日 and 時・分), driven as a user would:
each part chosen in turn, never a native date input filled with an ISO string."""

from playwright.async_api import Locator, Page


async def choose_date(scope: Page | Locator, label: str, value: str) -> None:
    """A DateField: 年, 月 and 日 from "YYYY-MM-DD"."""
    year, month, day = value.split("-")
    field = scope.get_by_role("group", name=label)
    await field.get_by_label("年", exact=True).select_option(year)
    await field.get_by_label("月", exact=True).select_option(month)
    await field.get_by_label("日", exact=True).select_option(day)


async def choose_month(scope: Page | Locator, label: str, value: str) -> None:
    """A MonthField: 年 and 月 from "YYYY-MM"."""
    year, month = value.split("-")
    field = scope.get_by_role("group", name=label)
    await field.get_by_label("年", exact=True).select_option(year)
    await field.get_by_label("月", exact=True).select_option(month)


async def choose_time(scope: Page | Locator, label: str, value: str) -> None:
    """A TimeField (24-hour): 時 and 分 from "HH:MM"."""
    hour, minute = value.split(":")
    field = scope.get_by_role("group", name=label)
    await field.get_by_label("時", exact=True).select_option(hour)
    await field.get_by_label("分", exact=True).select_option(minute)
