"""Business-day calendars: the days a store, a warehouse or a carrier works.

A calendar works on its weekdays, except on its public holidays and its closing days; an extra
opening day (a Sunday before Christmas) overrides all of that. French public holidays are computed
for any year: the fixed ones, and Easter Monday, Ascension (Easter + 39 days) and Whit Monday
(Easter + 50 days) from Easter Sunday, itself computed (Meeus/Jones/Butcher), never listed.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta
from enum import StrEnum
from functools import lru_cache

from posreturns.domain.errors import DomainError
from posreturns.domain.messages import Text, translate

WEEKDAYS = ("mon", "tue", "wed", "thu", "fri", "sat", "sun")
SEARCH_LIMIT_DAYS = 3 * 366  # a calendar with no working day in three years is a configuration error


class HolidayRegion(StrEnum):
    FRANCE = "fr"
    ALSACE_MOSELLE = "fr-alsace-moselle"  # also Good Friday and St Stephen's Day (26 December)
    NONE = "none"


class NoWorkingDay(DomainError):
    """A calendar never works (every weekday off, or closed for years): a configuration error."""


def easter_sunday(year: int) -> date:
    """Gregorian Easter Sunday (the 'anonymous' algorithm of Meeus, Jones and Butcher)."""
    a = year % 19
    b, c = divmod(year, 100)
    d, e = divmod(b, 4)
    f = (b + 8) // 25
    g = (b - f + 1) // 3
    h = (19 * a + b - d - g + 15) % 30
    i, k = divmod(c, 4)
    ell = (32 + 2 * e + 2 * i - h - k) % 7
    m = (a + 11 * h + 22 * ell) // 451
    month, day = divmod(h + ell - 7 * m + 114, 31)
    return date(year, month, day + 1)


@lru_cache(maxsize=64)
def public_holidays(year: int, region: HolidayRegion) -> dict[date, Text]:
    """The public holidays of `year` in `region`, with their names."""
    if region is HolidayRegion.NONE:
        return {}
    easter = easter_sunday(year)
    days = {
        date(year, 1, 1): translate("domain.business_days", "New Year's Day"),
        easter + timedelta(days=1): translate("domain.business_days", "Easter Monday"),
        date(year, 5, 1): translate("domain.business_days", "Labour Day"),
        date(year, 5, 8): translate("domain.business_days", "Victory in Europe Day"),
        easter + timedelta(days=39): translate("domain.business_days", "Ascension Day"),
        easter + timedelta(days=50): translate("domain.business_days", "Whit Monday"),
        date(year, 7, 14): translate("domain.business_days", "Bastille Day"),
        date(year, 8, 15): translate("domain.business_days", "Assumption"),
        date(year, 11, 1): translate("domain.business_days", "All Saints' Day"),
        date(year, 11, 11): translate("domain.business_days", "Armistice Day"),
        date(year, 12, 25): translate("domain.business_days", "Christmas Day"),
    }
    if region is HolidayRegion.ALSACE_MOSELLE:
        days[easter - timedelta(days=2)] = translate("domain.business_days", "Good Friday")
        days[date(year, 12, 26)] = translate("domain.business_days", "St Stephen's Day")
    return days


@dataclass(frozen=True, slots=True)
class BusinessCalendar:
    """When one place works. `weekdays` are 0 (Monday) to 6 (Sunday)."""

    name: str
    weekdays: frozenset[int]
    holidays: HolidayRegion = HolidayRegion.FRANCE
    closed: frozenset[date] = frozenset()
    extra_open: frozenset[date] = frozenset()

    def works(self, day: date) -> bool:
        if day in self.extra_open:
            return True
        if day in self.closed:
            return False
        return day.weekday() in self.weekdays and day not in public_holidays(day.year, self.holidays)

    def next_working_day(self, after: date) -> date:
        """The first working day strictly after `after`."""
        return self.first_working_day(after + timedelta(days=1))

    def first_working_day(self, start: date) -> date:
        """`start` if it is a working day, else the next one."""
        day = start
        for _ in range(SEARCH_LIMIT_DAYS):
            if self.works(day):
                return day
            day += timedelta(days=1)
        raise NoWorkingDay(f'The calendar "{self.name}" has no working day in the three years after {start}.')

    def add_working_days(self, start: date, count: int) -> date:
        """The `count`-th working day after `start` (`start` itself when `count` is 0)."""
        day = start
        for _ in range(count):
            day = self.next_working_day(day)
        return day


def everyday(name: str = "every day") -> BusinessCalendar:
    """A calendar that always works (a customer's home receives on any day the carrier delivers)."""
    return BusinessCalendar(name, frozenset(range(7)), HolidayRegion.NONE)
