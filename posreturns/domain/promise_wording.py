"""A promise in the customer's words, French or English: "tomorrow before 12:00",
"mardi 2 décembre", "delivered to your home on Tuesday 2 December before 12:00".

Names of days and months are written here, not taken from the system locale, so a till shows the
same words on Windows and Linux whatever its regional settings.
"""

from __future__ import annotations

from datetime import date, time, timedelta

from posreturns.domain.promise import Destination, Promise

DAYS = {"en": ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"),
        "fr": ("lundi", "mardi", "mercredi", "jeudi", "vendredi", "samedi", "dimanche")}
MONTHS = {"en": ("January", "February", "March", "April", "May", "June", "July", "August", "September",
                 "October", "November", "December"),
          "fr": ("janvier", "février", "mars", "avril", "mai", "juin", "juillet", "août", "septembre", "octobre",
                 "novembre", "décembre")}
WORDS = {
    "today": {"en": "today", "fr": "aujourd'hui"},
    "tomorrow": {"en": "tomorrow", "fr": "demain"},
    "before": {"en": "before", "fr": "avant"},
    "immediate": {"en": "in stock here: hand it over now", "fr": "en stock ici : à remettre tout de suite"},
    Destination.HOME: {"en": "delivered to your home", "fr": "livré à domicile"},
    Destination.STORE: {"en": "ready in store", "fr": "disponible en magasin"},
}


def _lang(language: str) -> str:
    return "fr" if language.startswith("fr") else "en"


def day_words(day: date, today: date, language: str) -> str:
    """'today', 'tomorrow', else 'Tuesday 2 December' (with the year when it is not this year's)."""
    lang = _lang(language)
    if day == today:
        return WORDS["today"][lang]
    if day == today + timedelta(days=1):
        return WORDS["tomorrow"][lang]
    return calendar_day(day, lang, with_year=day.year != today.year)


def calendar_day(day: date, language: str, with_year: bool = False) -> str:
    """'Tuesday 1 December', 'mardi 1er décembre' (and the year when asked)."""
    lang = _lang(language)
    number = "1er" if lang == "fr" and day.day == 1 else str(day.day)
    text = f"{DAYS[lang][day.weekday()]} {number} {MONTHS[lang][day.month - 1]}"
    return f"{text} {day.year}" if with_year else text


def time_words(moment: time) -> str:
    return f"{moment.hour:02d}:{moment.minute:02d}"


def when(found: Promise, today: date, language: str) -> str:
    """The date part: 'tomorrow before 12:00', 'mardi 2 décembre'."""
    lang = _lang(language)
    if found.immediate:
        return WORDS["immediate"][lang]
    text = day_words(found.arrives_on, today, lang)
    if found.before is not None:
        text += f" {WORDS['before'][lang]} {time_words(found.before)}"
    return text


def sentence(found: Promise, today: date, language: str) -> str:
    """The whole promise: 'Delivered to your home tomorrow before 12:00.'"""
    lang = _lang(language)
    if found.immediate:
        text = WORDS["immediate"][lang]
    else:
        on = "" if found.arrives_on - today <= timedelta(days=1) else (" le" if lang == "fr" else " on")
        text = f"{WORDS[found.destination][lang]}{on} {when(found, today, lang)}"
    return text[0].upper() + text[1:] + "."
