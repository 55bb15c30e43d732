"""Parse a store's delivery network file (TOML) into a `DeliveryNetwork`.

The file names this store and its zone, the calendars (opening weekdays, public holidays,
closing days and ranges, extra opening days), and the sources with their cut-off time,
preparation days and one route per destination. Unknown keys and wrong types are refused with
the key's name, as the policy file does; see docs/exchanges.md for the format.
"""

from __future__ import annotations

import tomllib
from datetime import date, time, timedelta
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from posreturns.domain.business_days import WEEKDAYS, BusinessCalendar, HolidayRegion
from posreturns.domain.errors import DomainError
from posreturns.domain.money import Money
from posreturns.domain.policy.reader import Table
from posreturns.domain.promise import DeliveryNetwork, Destination, Route, Source, SourceKind

MAX_RANGE_DAYS = 366
MAX_DAYS = 60  # preparation or transit: more is a typo, not a route


class NetworkError(DomainError):
    """A delivery network file is malformed; the message names the key that is wrong."""


class NetworkTable(Table):
    KEY = "Delivery network key"
    FILE = "the delivery network file"
    GUIDE = "docs/exchanges.md"
    ERROR = NetworkError


def parse_network(text: str | bytes) -> DeliveryNetwork:
    try:
        data = tomllib.loads(text.decode("utf-8") if isinstance(text, bytes) else text)
    except (tomllib.TOMLDecodeError, UnicodeDecodeError) as exc:
        raise NetworkError(f"The delivery network file is not valid TOML ({exc}); fix it and load it again.") from None
    root = NetworkTable(data, "")
    zone = _zone(root, "timezone")
    currency = root.text("currency") if root.has("currency") else "EUR"
    if len(currency) != 3 or not currency.isalpha() or not currency.isupper():
        raise root.fail("currency", 'an ISO 4217 code such as "EUR"')
    calendars_table = root.table("calendars")
    calendars = {name: _calendar(calendars_table.table(name), name) for name in calendars_table.data}
    calendars_table.finish()
    store_calendar = _named(root, "calendar", calendars)
    sources = tuple(_source(t, calendars, zone, currency) for t in root.tables("sources"))
    seen: set[str] = set()
    for index, source in enumerate(sources):
        if source.location in seen:
            raise NetworkError(f"Delivery network key 'sources[{index}].location' repeats \"{source.location}\"; "
                               "list each source once.")
        seen.add(source.location)
    network = DeliveryNetwork(root.text("store"), zone, currency, store_calendar, sources)
    for index, source in enumerate(sources):
        if source.kind is SourceKind.HERE and source.location != network.store_id:
            raise NetworkError(f"Delivery network key 'sources[{index}].kind' is \"here\" but the source is "
                               f"\"{source.location}\", not this store \"{network.store_id}\"; use \"store\" for "
                               "another store.")
    root.finish()
    return network


def _zone(table: Table, key: str) -> ZoneInfo:
    name = table.text(key)
    try:
        return ZoneInfo(name)
    except (ZoneInfoNotFoundError, ValueError):
        raise table.fail(key, 'a time zone name such as "Europe/Paris"') from None


def _clock(table: Table, key: str) -> time:
    value = table.raw(key)
    if isinstance(value, time):
        return value
    try:
        if not isinstance(value, str) or len(value) != 5:
            raise ValueError
        return time.fromisoformat(value)
    except ValueError:
        raise table.fail(key, 'a time of day written "HH:MM", such as "16:00"') from None


def _days(table: Table, key: str, default: int | None = None) -> int:
    if default is not None and not table.has(key):
        return default
    count = table.integer(key)
    if count > MAX_DAYS:
        raise table.fail(key, f"a number of days between 0 and {MAX_DAYS}")
    return count


def _named(table: Table, key: str, calendars: dict[str, BusinessCalendar]) -> BusinessCalendar:
    name = table.text(key)
    if name not in calendars:
        known = ", ".join(f'"{n}"' for n in calendars) or "none yet"
        raise table.fail(key, f"the name of a calendar of [calendars] ({known})")
    return calendars[name]


def _calendar(t: Table, name: str) -> BusinessCalendar:
    names = t.strings("weekdays")
    unknown = [n for n in names if n not in WEEKDAYS]
    if unknown or not names:
        raise t.fail("weekdays", 'a non-empty list of "mon", "tue", "wed", "thu", "fri", "sat", "sun"')
    calendar = BusinessCalendar(
        name=name,
        weekdays=frozenset(WEEKDAYS.index(n) for n in names),
        holidays=t.choice("holidays", HolidayRegion) if t.has("holidays") else HolidayRegion.FRANCE,
        closed=_dates(t, "closed") if t.has("closed") else frozenset(),
        extra_open=_dates(t, "open") if t.has("open") else frozenset(),
    )
    t.finish()
    return calendar


def _dates(t: Table, key: str) -> frozenset[date]:
    """Days written "2026-12-26", and ranges written "2026-08-10/2026-08-23" (both days included)."""
    expected = 'a list of days "2026-12-26" and ranges "2026-08-10/2026-08-23" (at most a year long)'
    days: set[date] = set()
    for item in t.strings(key):
        try:
            first, _, last = item.partition("/")
            start = date.fromisoformat(first.strip())
            end = date.fromisoformat(last.strip()) if last else start
        except ValueError:
            raise t.fail(key, expected) from None
        if end < start or (end - start).days >= MAX_RANGE_DAYS:
            raise t.fail(key, expected)
        days.update(start + timedelta(days=n) for n in range((end - start).days + 1))
    return frozenset(days)


def _source(t: Table, calendars: dict[str, BusinessCalendar], zone: ZoneInfo, currency: str) -> Source:
    routes = {}
    for destination in Destination:
        if t.has(destination.value):
            routes[destination] = _route(t.table(destination.value), calendars, currency)
    source = Source(
        location=t.text("location"),
        name=t.text("name"),
        kind=t.choice("kind", SourceKind),
        calendar=_named(t, "calendar", calendars),
        zone=_zone(t, "timezone") if t.has("timezone") else zone,
        cutoff=_clock(t, "cutoff"),
        preparation_days=_days(t, "preparation_days", default=0),
        routes=routes,
    )
    if not routes and source.kind is not SourceKind.HERE:
        raise t.fail("home", "a route table (a source needs a [home] or a [store] route)")
    t.finish()
    return source


def _route(t: Table, calendars: dict[str, BusinessCalendar], currency: str) -> Route:
    route = Route(
        carrier=_named(t, "carrier", calendars),
        transit_days=_days(t, "transit_days"),
        cost=t.money("cost", currency) if t.has("cost") else Money.zero(currency),
        before=_clock(t, "before") if t.has("before") else None,
    )
    t.finish()
    return route
