"""The demo store's delivery network: where PARIS-01's exchanges come from, and when.

A nearby store (Paris Marais, closed on Sundays and Mondays and for a summer week) sends by same-day
courier before its noon cut-off; Lyon and the warehouse send by the parcel network. Closing days are
placed relative to the demo's anchor day, so the demo shows them whenever it is loaded.
"""

from __future__ import annotations

from datetime import date, timedelta


def _next(anchor: date, month: int, day: int) -> date:
    """The next `month`/`day` on or after `anchor`."""
    this_year = date(anchor.year, month, day)
    return this_year if this_year >= anchor else date(anchor.year + 1, month, day)


def demo_network(anchor: date | None = None) -> str:
    day = anchor or date.today()
    new_year = _next(day, 1, 2)
    inventory = new_year + timedelta(days=(7 - new_year.weekday()) % 7)  # first Monday from 2 January
    christmas = _next(day, 12, 25)
    last_sunday = christmas - timedelta(days=christmas.weekday() + 1)
    summer = _next(day, 8, 10)
    return f'''# Delivery network of PARIS-01 (demo): see docs/exchanges.md
store = "PARIS-01"
timezone = "Europe/Paris"
currency = "EUR"
calendar = "rivoli"

[calendars.rivoli]
weekdays = ["mon", "tue", "wed", "thu", "fri", "sat"]
holidays = "fr"
closed = ["{inventory}"]          # inventory
open = ["{last_sunday - timedelta(days=7)}", "{last_sunday}"]   # the Sundays before Christmas

[calendars.marais]
weekdays = ["tue", "wed", "thu", "fri", "sat"]
holidays = "fr"
closed = ["{summer}/{summer + timedelta(days=6)}"]   # summer week

[calendars.lyon]
weekdays = ["mon", "tue", "wed", "thu", "fri", "sat"]

[calendars.warehouse]
weekdays = ["mon", "tue", "wed", "thu", "fri"]

[calendars.parcels]               # home deliveries and transfers between sites
weekdays = ["mon", "tue", "wed", "thu", "fri", "sat"]

[calendars.courier]               # the same-day courier inside Paris
weekdays = ["tue", "wed", "thu", "fri", "sat"]

[[sources]]
location = "PARIS-01"
name = "Paris Rivoli (ce magasin)"
kind = "here"
calendar = "rivoli"
cutoff = "16:00"
home = {{ carrier = "parcels", transit_days = 1, before = "13:00", cost = "6.90" }}

[[sources]]
location = "PARIS-03"
name = "Paris Marais"
kind = "store"
calendar = "marais"
cutoff = "12:00"
home = {{ carrier = "parcels", transit_days = 1, before = "13:00", cost = "6.90" }}
store = {{ carrier = "courier", transit_days = 0, before = "19:00", cost = "12.00" }}

[[sources]]
location = "LYON-02"
name = "Lyon Bellecour"
kind = "store"
calendar = "lyon"
cutoff = "15:00"
home = {{ carrier = "parcels", transit_days = 2, before = "13:00", cost = "7.90" }}
store = {{ carrier = "parcels", transit_days = 2, before = "12:00", cost = "4.50" }}

[[sources]]
location = "WAREHOUSE"
name = "Entrepôt (Orléans)"
kind = "warehouse"
calendar = "warehouse"
cutoff = "14:00"
home = {{ carrier = "parcels", transit_days = 1, before = "13:00", cost = "5.50" }}
store = {{ carrier = "parcels", transit_days = 1, before = "12:00", cost = "3.20" }}
'''
