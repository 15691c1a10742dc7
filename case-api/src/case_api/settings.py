from datetime import date, time

from pydantic import Field

from tsunagu_services.settings import ServiceSettings


class Settings(ServiceSettings):
    service_name: str = "case-api"
    database_name: str = "tsunagu_case"
    # Office hours decide when a safety check (安否確認) is due: received while open → same day;
    # otherwise first thing the next business day. Env: TSUNAGU_OFFICE_OPENS=08:30 etc.
    office_timezone: str = "Asia/Tokyo"
    office_opens: time = time(8, 30)
    office_closes: time = time(17, 15)
    safety_check_same_day_minutes: int = Field(default=120, ge=1, le=24 * 60)
    safety_check_next_day_at: time = time(10, 0)
    # Closed days besides Saturday and Sunday (祝日・年末年始), e.g. TSUNAGU_OFFICE_HOLIDAYS='["2026-12-29"]'.
    office_holidays: list[date] = Field(default_factory=list)
    # How often the reminders look for 安否確認 due within the hour or overdue (safety_checks.reminders).
    safety_check_reminder_seconds: float = Field(default=30.0, gt=0)
