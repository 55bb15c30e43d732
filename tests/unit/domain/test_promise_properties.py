"""The promise engine over a year of "now" values, against an oracle written here from the rules.

The oracle shares no code with `posreturns.domain.business_days` or `promise`: it has its own
Easter (Gauss's algorithm, checked against published dates), its own list of French public
holidays, and finds the dates by counting working days in intervals rather than by stepping.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from functools import cache
from zoneinfo import ZoneInfo

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from posreturns.domain.business_days import BusinessCalendar, HolidayRegion, NoWorkingDay
from posreturns.domain.money import Money
from posreturns.domain.promise import (
    DeliveryNetwork,
    Destination,
    Route,
    Source,
    SourceKind,
    promise,
    promises,
)

PARIS = ZoneInfo("Europe/Paris")


# ---- the oracle -------------------------------------------------------------------------------------------

def gauss_easter(year: int) -> date:
    a, b, c = year % 19, year % 4, year % 7
    k = year // 100
    p = (13 + 8 * k) // 25
    q = k // 4
    m = (15 - p + k - q) % 30
    n = (4 + k - q) % 7
    d = (19 * a + m) % 30
    e = (2 * b + 4 * c + 6 * d + n) % 7
    if d == 29 and e == 6:
        return date(year, 4, 19)
    if d == 28 and e == 6 and (11 * m + 11) % 30 < 19:
        return date(year, 4, 18)
    return date(year, 3, 22) + timedelta(days=d + e)


@cache
def oracle_holidays(year: int, region: str) -> frozenset[date]:
    if region == "none":
        return frozenset()
    easter = gauss_easter(year)
    days = {date(year, month, day)
            for month, day in ((1, 1), (5, 1), (5, 8), (7, 14), (8, 15), (11, 1), (11, 11), (12, 25))}
    days |= {easter + timedelta(days=n) for n in (1, 39, 50)}  # Easter Monday, Ascension, Whit Monday
    if region == "fr-alsace-moselle":
        days |= {easter - timedelta(days=2), date(year, 12, 26)}
    return frozenset(days)


@dataclass(frozen=True)
class Rules:
    """One calendar as the oracle reads it."""

    weekdays: frozenset[int]
    region: str
    closed: frozenset[date]
    extra_open: frozenset[date]

    def works(self, day: date) -> bool:
        if day in self.extra_open:
            return True
        return (day.weekday() in self.weekdays and day not in self.closed
                and day not in oracle_holidays(day.year, self.region))

    def count(self, after: date, upto: date) -> int:
        """Working days in (after, upto]."""
        return sum(self.works(after + timedelta(days=n)) for n in range(1, (upto - after).days + 1))


def oracle_arrival(now: datetime, source: Rules, zone: ZoneInfo, cutoff: time, preparation: int, carrier: Rules,
                   transit: int, store: Rules | None) -> date | None:
    """None when the carrier and the store never work on the same day."""
    local = now.astimezone(zone)
    ordered = next(d for d in (local.date() + timedelta(days=n) for n in range(2000))
                   if source.works(d) and (d > local.date() or local.time() < cutoff))
    ships = next(d for d in (ordered + timedelta(days=n) for n in range(2000))
                 if source.works(d) and source.count(ordered, d) == preparation)
    return next((d for d in (ships + timedelta(days=n) for n in range(2000))
                 if carrier.works(d) and (store is None or store.works(d))
                 and carrier.count(ships, d) >= transit), None)


# ---- strategies -------------------------------------------------------------------------------------------

def in_year(n: int) -> date:
    return date(2026, 1, 1) + timedelta(days=n)


@st.composite
def calendars(draw: st.DrawFn) -> Rules:
    weekdays = frozenset(draw(st.sets(st.integers(0, 6), min_size=1)))
    days = st.integers(0, 400).map(in_year)
    return Rules(weekdays, draw(st.sampled_from(["fr", "fr-alsace-moselle", "none"])),
                 frozenset(draw(st.sets(days, max_size=12))), frozenset(draw(st.sets(days, max_size=3))))


def to_calendar(name: str, rules: Rules) -> BusinessCalendar:
    return BusinessCalendar(name, rules.weekdays, HolidayRegion(rules.region), rules.closed, rules.extra_open)


clock_times = st.builds(time, st.integers(0, 23), st.sampled_from([0, 15, 30, 45]))
# Any moment of the year, often exactly on a quarter hour: where cut-offs are.
moments = st.builds(lambda day, moment: datetime.combine(in_year(day), moment, PARIS),
                    st.integers(0, 375), st.one_of(clock_times, st.times()))


# ---- the properties ---------------------------------------------------------------------------------------

@pytest.mark.parametrize("year, easter", [(2024, date(2024, 3, 31)), (2025, date(2025, 4, 20)),
                                          (2026, date(2026, 4, 5)), (2027, date(2027, 3, 28)),
                                          (2038, date(2038, 4, 25)), (1981, date(1981, 4, 19)),
                                          (1954, date(1954, 4, 18)), (2285, date(2285, 3, 22))])
def test_the_oracle_easter_matches_published_dates(year: int, easter: date) -> None:
    assert gauss_easter(year) == easter


@settings(max_examples=400, deadline=None)
@given(rules=calendars(), day=st.integers(-3650, 36500).map(in_year))
def test_a_calendar_works_exactly_on_the_days_the_rules_say(rules: Rules, day: date) -> None:
    assert to_calendar("c", rules).works(day) is rules.works(day)


@settings(max_examples=600, deadline=None)
@given(now=moments, source=calendars(), carrier=calendars(), store=calendars(), cutoff=clock_times,
       preparation=st.integers(0, 3), transit=st.integers(0, 4), pickup=st.booleans(),
       zone=st.sampled_from([PARIS, ZoneInfo("Europe/London"), ZoneInfo("America/Martinique")]))
def test_the_arrival_day_is_the_one_the_calendar_rules_give(now: datetime, source: Rules, carrier: Rules, store: Rules,
                                                            cutoff: time, preparation: int, transit: int, pickup: bool,
                                                            zone: ZoneInfo) -> None:
    destination = Destination.STORE if pickup else Destination.HOME
    route = Route(to_calendar("carrier", carrier), transit, Money.parse("4.00", "EUR"), time(12, 0))
    site = Source("WH", "Warehouse", SourceKind.WAREHOUSE, to_calendar("source", source), zone, cutoff, preparation,
                  {destination: route})
    network = DeliveryNetwork("S1", PARIS, "EUR", to_calendar("store", store), (site,))

    expected = oracle_arrival(now, source, zone, cutoff, preparation, carrier, transit, store if pickup else None)

    if expected is None:
        with pytest.raises(NoWorkingDay):
            promise(network, site, destination, now)
        return
    found = promise(network, site, destination, now)
    assert found is not None
    assert found.arrives_on == expected
    assert found.arrives_on >= now.astimezone(zone).date()


@settings(max_examples=300, deadline=None)
@given(now=moments, later=st.timedeltas(timedelta(0), timedelta(days=20)), source=calendars(), carrier=calendars(),
       cutoff=clock_times, transit=st.integers(0, 3))
def test_asking_later_never_promises_earlier(now: datetime, later: timedelta, source: Rules, carrier: Rules,
                                             cutoff: time, transit: int) -> None:
    route = Route(to_calendar("carrier", carrier), transit, Money.parse("4.00", "EUR"))
    site = Source("WH", "W", SourceKind.WAREHOUSE, to_calendar("source", source), PARIS, cutoff, 0,
                  {Destination.HOME: route})
    network = DeliveryNetwork("S1", PARIS, "EUR", to_calendar("store", source), (site,))
    first = promise(network, site, Destination.HOME, now)
    second = promise(network, site, Destination.HOME, (now + later).astimezone(PARIS))
    assert first is not None and second is not None
    assert second.arrives_on >= first.arrives_on


@settings(max_examples=300, deadline=None)
@given(now=moments, data=st.data())
def test_promises_come_best_first_with_ties_broken_by_cost(now: datetime, data: st.DataObject) -> None:
    every_day = BusinessCalendar("all", frozenset(range(7)), HolidayRegion.NONE)
    sources = []
    for index in range(data.draw(st.integers(1, 5))):
        route = Route(every_day, data.draw(st.integers(0, 3)), Money.from_minor(data.draw(st.integers(0, 2000)), "EUR"),
                      data.draw(st.sampled_from([None, time(12, 0), time(18, 0)])))
        sources.append(Source(f"L{index}", f"Site {index}", SourceKind.STORE, every_day, PARIS,
                              data.draw(clock_times), 0, {Destination.HOME: route}))
    network = DeliveryNetwork("S1", PARIS, "EUR", every_day, tuple(sources))
    stock = {s.location: data.draw(st.integers(0, 3)) for s in sources}

    found = promises(network, stock, Destination.HOME, now)

    assert {p.source.location for p in found} == {loc for loc, qty in stock.items() if qty > 0}
    keys = [(p.deadline(PARIS), p.cost.minor) for p in found]
    assert keys == sorted(keys)
