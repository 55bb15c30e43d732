"""Promises on days a store manager knows: cut-offs, weekends, Ascension, closing days; the words."""

from __future__ import annotations

from datetime import date, datetime, timedelta
from zoneinfo import ZoneInfo

import pytest

from posreturns.demo.network import demo_network
from posreturns.domain.business_days import (
    BusinessCalendar,
    HolidayRegion,
    NoWorkingDay,
    easter_sunday,
    public_holidays,
)
from posreturns.domain.delivery_network_toml import parse_network
from posreturns.domain.promise import Destination, Promise, promise, promises
from posreturns.domain.promise_wording import day_words, sentence, when

PARIS = ZoneInfo("Europe/Paris")
NETWORK = parse_network(demo_network(date(2026, 11, 26)))
STOCK = {"PARIS-01": 0, "PARIS-03": 1, "LYON-02": 3, "WAREHOUSE": 20}


def at(text: str) -> datetime:
    return datetime.fromisoformat(text).replace(tzinfo=PARIS)


def arrival(location: str, destination: Destination, now: str) -> Promise:
    source = NETWORK.source(location)
    assert source is not None
    found = promise(NETWORK, source, destination, at(now))
    assert found is not None
    return found


def test_the_french_holidays_of_2026_are_computed() -> None:
    assert sorted(public_holidays(2026, HolidayRegion.FRANCE)) == [
        date(2026, 1, 1), date(2026, 4, 6), date(2026, 5, 1), date(2026, 5, 8), date(2026, 5, 14), date(2026, 5, 25),
        date(2026, 7, 14), date(2026, 8, 15), date(2026, 11, 1), date(2026, 11, 11), date(2026, 12, 25)]
    assert easter_sunday(2027) == date(2027, 3, 28)
    alsace = public_holidays(2026, HolidayRegion.ALSACE_MOSELLE)
    good_friday = alsace[date(2026, 4, 3)]
    assert (str(good_friday), good_friday.in_language("fr")) == ("Good Friday", "Vendredi saint")
    assert date(2026, 12, 26) in alsace


def test_before_the_cut_off_the_warehouse_delivers_the_next_working_day() -> None:
    found = arrival("WAREHOUSE", Destination.HOME, "2026-11-26T13:59")  # a Thursday, cut-off 14:00
    assert (found.ordered_on, found.ships_on, found.arrives_on) == (date(2026, 11, 26), date(2026, 11, 26),
                                                                    date(2026, 11, 27))
    assert when(found, date(2026, 11, 26), "fr") == "demain avant 13:00"
    assert when(found, date(2026, 11, 26), "en") == "tomorrow before 13:00"


def test_after_the_friday_cut_off_the_warehouse_ships_on_monday() -> None:
    found = arrival("WAREHOUSE", Destination.STORE, "2026-11-27T14:00")
    assert (found.ordered_on, found.arrives_on) == (date(2026, 11, 30), date(2026, 12, 1))
    assert sentence(found, date(2026, 11, 27), "fr") == "Disponible en magasin le mardi 1er décembre avant 12:00."
    assert sentence(found, date(2026, 11, 27), "en") == "Ready in store on Tuesday 1 December before 12:00."


def test_ascension_thursday_is_skipped_by_the_warehouse_and_the_carrier() -> None:
    found = arrival("WAREHOUSE", Destination.HOME, "2026-05-13T15:00")  # Wednesday after the cut-off
    assert found.ordered_on == date(2026, 5, 15)  # Thursday 14 May is Ascension
    assert found.arrives_on == date(2026, 5, 16)  # the parcels deliver on Saturdays


def test_whit_monday_and_the_stores_closing_day_push_a_pickup_back() -> None:
    found = arrival("LYON-02", Destination.STORE, "2026-05-22T16:00")  # Friday after Lyon's cut-off
    # ordered Saturday 23, two parcel days: Tuesday 26 (Whit Monday 25 is off), Wednesday 27.
    assert (found.ordered_on, found.arrives_on) == (date(2026, 5, 23), date(2026, 5, 27))


def test_a_pickup_waits_for_this_store_to_open() -> None:
    # The demo store closes for inventory on Monday 4 January 2027; the warehouse parcel arrives that day.
    found = arrival("WAREHOUSE", Destination.STORE, "2026-12-31T15:00")
    assert found.arrives_on == date(2027, 1, 5)
    assert when(found, date(2026, 12, 31), "fr") == "mardi 5 janvier 2027 avant 12:00"


def test_the_best_promise_comes_first_and_ties_go_to_the_cheapest() -> None:
    now = at("2026-11-26T10:00")
    home = promises(NETWORK, STOCK, Destination.HOME, now)
    assert [(p.source.location, p.arrives_on, str(p.cost)) for p in home] == [
        ("WAREHOUSE", date(2026, 11, 27), "5.50"), ("PARIS-03", date(2026, 11, 27), "6.90"),
        ("LYON-02", date(2026, 11, 28), "7.90")]
    pickup = promises(NETWORK, STOCK, Destination.STORE, now)
    assert [p.source.location for p in pickup] == ["PARIS-03", "WAREHOUSE", "LYON-02"]
    assert when(pickup[0], now.date(), "en") == "today before 19:00"


def test_stock_here_is_handed_over_at_once_for_a_pickup_and_shipped_for_home() -> None:
    now = at("2026-11-26T17:30")
    here = promises(NETWORK, {"PARIS-01": 2}, Destination.STORE, now)
    assert here[0].immediate and sentence(here[0], now.date(), "fr") == "En stock ici : à remettre tout de suite."
    shipped = promises(NETWORK, {"PARIS-01": 2}, Destination.HOME, now)
    assert not shipped[0].immediate and shipped[0].arrives_on == date(2026, 11, 28)  # after the 16:00 cut-off


def test_a_source_without_stock_or_route_promises_nothing() -> None:
    assert promises(NETWORK, {"PARIS-03": 0, "NOWHERE": 5}, Destination.HOME, at("2026-11-26T10:00")) == []
    here = NETWORK.source("PARIS-01")
    assert here is not None and Destination.STORE not in here.routes


@pytest.mark.parametrize("day, fr, en", [
    (date(2026, 11, 26), "aujourd'hui", "today"), (date(2026, 11, 27), "demain", "tomorrow"),
    (date(2026, 12, 2), "mercredi 2 décembre", "Wednesday 2 December"),
    (date(2026, 8, 1), "samedi 1er août", "Saturday 1 August"),
    (date(2027, 2, 1), "lundi 1er février 2027", "Monday 1 February 2027")])
def test_days_are_written_in_both_languages(day: date, fr: str, en: str) -> None:
    assert day_words(day, date(2026, 11, 26), "fr") == fr
    assert day_words(day, date(2026, 11, 26), "en") == en


def test_a_calendar_that_never_works_is_named_in_the_error() -> None:
    three_years = frozenset(date(2026, 1, 1) + timedelta(days=n) for n in range(1200))
    closed = BusinessCalendar("never", frozenset({0}), HolidayRegion.NONE, closed=three_years)
    with pytest.raises(NoWorkingDay, match='"never"'):
        closed.first_working_day(date(2026, 1, 1))


def test_the_cut_off_is_read_on_the_sources_own_clock() -> None:
    london = parse_network(demo_network(date(2026, 11, 26)).replace(
        'kind = "warehouse"', 'kind = "warehouse"\ntimezone = "Europe/London"'))
    warehouse = london.source("WAREHOUSE")
    assert warehouse is not None
    # 14:30 in Paris is 13:30 in London: still before the warehouse's 14:00 cut-off.
    found = promise(london, warehouse, Destination.HOME, at("2026-11-26T14:30"))
    assert found is not None and found.ordered_on == date(2026, 11, 26)
    assert arrival("WAREHOUSE", Destination.HOME, "2026-11-26T14:30").ordered_on == date(2026, 11, 27)
