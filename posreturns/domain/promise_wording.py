"""A promise in the customer's words, French or English: "tomorrow before 12:00",
"mardi 2 décembre", "delivered to your home on Tuesday 2 December before 12:00".

Names of days and months come from the message catalogue, not from the system locale, so a till shows
the same words on Windows and Linux whatever its regional settings.
"""

from __future__ import annotations

from datetime import date, time, timedelta

from posreturns.domain.messages import Text, in_language, translate
from posreturns.domain.promise import Destination, Promise

DAYS = (translate("domain.promise_wording", "Monday"),
        translate("domain.promise_wording", "Tuesday"),
        translate("domain.promise_wording", "Wednesday"),
        translate("domain.promise_wording", "Thursday"),
        translate("domain.promise_wording", "Friday"),
        translate("domain.promise_wording", "Saturday"),
        translate("domain.promise_wording", "Sunday"))
MONTHS = (translate("domain.promise_wording", "January"),
          translate("domain.promise_wording", "February"),
          translate("domain.promise_wording", "March"),
          translate("domain.promise_wording", "April"),
          translate("domain.promise_wording", "May"),
          translate("domain.promise_wording", "June"),
          translate("domain.promise_wording", "July"),
          translate("domain.promise_wording", "August"),
          translate("domain.promise_wording", "September"),
          translate("domain.promise_wording", "October"),
          translate("domain.promise_wording", "November"),
          translate("domain.promise_wording", "December"))
WORDS: dict[str | Destination, Text] = {
    "today": translate("domain.promise_wording", "today"),
    "tomorrow": translate("domain.promise_wording", "tomorrow"),
    "before": translate("domain.promise_wording", "before"),
    "immediate": translate("domain.promise_wording", "in stock here: hand it over now"),
    Destination.HOME: translate("domain.promise_wording", "delivered to your home"),
    Destination.STORE: translate("domain.promise_wording", "ready in store"),
}


def _lang(language: str) -> str:
    return "fr" if language.startswith("fr") else "en"


def day_words(day: date, today: date, language: str) -> str:
    """'today', 'tomorrow', else 'Tuesday 2 December' (with the year when it is not this year's)."""
    lang = _lang(language)
    if day == today:
        return WORDS["today"].in_language(lang)
    if day == today + timedelta(days=1):
        return WORDS["tomorrow"].in_language(lang)
    return calendar_day(day, lang, with_year=day.year != today.year)


def calendar_day(day: date, language: str, with_year: bool = False) -> str:
    """'Tuesday 1 December', 'mardi 1er décembre' (and the year when asked)."""
    lang = _lang(language)
    number = "1er" if lang == "fr" and day.day == 1 else str(day.day)  # French writes the first of a month 1er
    text = f"{DAYS[day.weekday()].in_language(lang)} {number} {MONTHS[day.month - 1].in_language(lang)}"
    return f"{text} {day.year}" if with_year else text


def time_words(moment: time) -> str:
    return f"{moment.hour:02d}:{moment.minute:02d}"


def when(found: Promise, today: date, language: str) -> str:
    """The date part: 'tomorrow before 12:00', 'mardi 2 décembre'."""
    lang = _lang(language)
    if found.immediate:
        return WORDS["immediate"].in_language(lang)
    text = day_words(found.arrives_on, today, lang)
    if found.before is not None:
        text += f" {WORDS['before'].in_language(lang)} {time_words(found.before)}"
    return text


def sentence(found: Promise, today: date, language: str) -> str:
    """The whole promise: 'Delivered to your home tomorrow before 12:00.'"""
    lang = _lang(language)
    if found.immediate:
        text = WORDS["immediate"].in_language(lang)
    else:
        on = "" if found.arrives_on - today <= timedelta(days=1) else translate("domain.promise_wording", " on")
        text = f"{WORDS[found.destination].in_language(lang)}{in_language(on, lang)} {when(found, today, lang)}"
    return text[0].upper() + text[1:] + "."
