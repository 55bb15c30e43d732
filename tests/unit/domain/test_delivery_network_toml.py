"""The delivery network file: the demo's parses whole; each mistake is named by its key."""

from __future__ import annotations

from datetime import date, time

import pytest

from posreturns.demo.network import demo_network
from posreturns.domain.business_days import HolidayRegion
from posreturns.domain.delivery_network_toml import NetworkError, parse_network
from posreturns.domain.promise import Destination, SourceKind

DEMO = demo_network(date(2026, 11, 26))


def test_the_demo_network_reads_with_its_calendars_sources_and_routes() -> None:
    network = parse_network(DEMO)
    assert (network.store_id, str(network.zone), network.currency) == ("PARIS-01", "Europe/Paris", "EUR")
    assert [(s.location, s.kind) for s in network.sources] == [
        ("PARIS-01", SourceKind.HERE), ("PARIS-03", SourceKind.STORE), ("LYON-02", SourceKind.STORE),
        ("WAREHOUSE", SourceKind.WAREHOUSE)]
    marais = network.source("PARIS-03")
    assert marais is not None and marais.cutoff == time(12, 0) and marais.preparation_days == 0
    courier = marais.routes[Destination.STORE]
    assert (courier.transit_days, courier.before, str(courier.cost)) == (0, time(19, 0), "12.00")
    assert marais.calendar.closed == {date(2027, 8, 10 + n) for n in range(7)}
    assert network.store_calendar.holidays is HolidayRegion.FRANCE
    assert network.store_calendar.works(date(2026, 12, 20))  # an extra opening Sunday
    assert not network.store_calendar.works(date(2027, 1, 4))  # inventory


@pytest.mark.parametrize("change, message", [
    (('cutoff = "14:00"', 'cutoff = "2pm"'), "'sources[3].cutoff' must be a time of day written \"HH:MM\""),
    (('transit_days = 1, before = "12:00"', 'transit_days = -1, before = "12:00"'),
     "'sources[3].store.transit_days' must be a whole number of at least 0"),
    (('calendar = "warehouse"', 'calendar = "entrepot"'), "'sources[3].calendar' must be the name of a calendar"),
    (('[calendars.marais]\nweekdays = ["tue"', '[calendars.marais]\nweekdays = ["mer"'),
     "'calendars.marais.weekdays' must be a non-empty list of \"mon\""),
    (('holidays = "fr"', 'holidays = "be"'), "'calendars.rivoli.holidays' must be one of"),
    (('closed = ["2027-08-10/2027-08-16"]', 'closed = ["2027-08-16/2027-08-10"]'), "'calendars.marais.closed' must be"),
    (('timezone = "Europe/Paris"', 'timezone = "Europe/Lutece"'), "'timezone' must be a time zone name"),
    (('kind = "warehouse"', 'kind = "depot"'), "'sources[3].kind' must be one of \"here\", \"store\", \"warehouse\""),
    (('kind = "warehouse"', 'kind = "warehouse"\nlead_days = 2'), "'sources[3].lead_days' is not known"),
    (('location = "LYON-02"', 'location = "PARIS-03"'), "'sources[2].location' repeats \"PARIS-03\""),
    (('location = "PARIS-01"', 'location = "PARIS-09"'), "is \"here\" but the source is \"PARIS-09\""),
    (('cost = "3.20"', 'cost = "3.205"'), "'sources[3].store.cost' must be an amount in EUR"),
])
def test_a_mistake_is_named_by_its_key(change: tuple[str, str], message: str) -> None:
    old, new = change
    assert old in DEMO
    with pytest.raises(NetworkError, match="Delivery network key") as raised:
        parse_network(DEMO.replace(old, new, 1))
    assert message in str(raised.value)


def test_a_file_that_is_not_toml_says_so() -> None:
    with pytest.raises(NetworkError, match="not valid TOML"):
        parse_network("store = ")


def test_a_source_needs_a_route() -> None:
    text = DEMO.replace('home = { carrier = "parcels", transit_days = 1, before = "13:00", cost = "5.50" }\n'
                        'store = { carrier = "parcels", transit_days = 1, before = "12:00", cost = "3.20" }\n', "")
    with pytest.raises(NetworkError, match=r"'sources\[3\].home' must be a route table"):
        parse_network(text)
