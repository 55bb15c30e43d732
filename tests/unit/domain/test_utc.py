from __future__ import annotations

from datetime import UTC, datetime, timedelta, timezone

from hypothesis import given
from hypothesis import strategies as st

from posreturns.domain.utc import format_utc, parse_utc

MOMENTS = st.datetimes(min_value=datetime(1970, 1, 2), max_value=datetime(2999, 12, 30), timezones=st.just(UTC))


def test_a_moment_is_written_in_utc_to_the_second_below() -> None:
    paris = timezone(timedelta(hours=1))
    assert format_utc(datetime(2026, 11, 26, 10, 0, 0, 999_999, tzinfo=paris)) == "2026-11-26T09:00:00Z"


def test_ceil_writes_the_second_above_unless_the_moment_is_whole() -> None:
    assert format_utc(datetime(2026, 11, 26, 9, 0, 0, 1, tzinfo=UTC), ceil=True) == "2026-11-26T09:00:01Z"
    assert format_utc(datetime(2026, 11, 26, 9, 0, 0, tzinfo=UTC), ceil=True) == "2026-11-26T09:00:00Z"


def test_epoch_seconds_and_moments_before_1970_in_utc() -> None:
    assert format_utc(1.5) == "1970-01-01T00:00:01Z"
    assert format_utc(1.5, ceil=True) == "1970-01-01T00:00:02Z"
    assert format_utc(datetime(1970, 1, 1, tzinfo=timezone(timedelta(hours=1)))) == "1969-12-31T23:00:00Z"


@given(MOMENTS)
def test_what_is_written_reads_back_as_the_same_second(moment: datetime) -> None:
    assert parse_utc(format_utc(moment)) == moment.replace(microsecond=0)


@given(MOMENTS, MOMENTS)
def test_the_text_sorts_as_the_moments_do(a: datetime, b: datetime) -> None:
    assert (format_utc(a) <= format_utc(b)) == (a.replace(microsecond=0) <= b.replace(microsecond=0))


@given(st.one_of(st.text(alphabet="0123456789-T:Z ", min_size=18, max_size=22),
                 MOMENTS.map(lambda moment: format_utc(moment))))
def test_any_text_reads_as_strptime_reads_it_or_is_refused_as_it_refuses_it(text: str) -> None:
    try:
        expected: datetime | None = datetime.strptime(text, "%Y-%m-%dT%H:%M:%SZ").replace(tzinfo=UTC)
    except ValueError:
        expected = None
    try:
        read: datetime | None = parse_utc(text)
    except ValueError:
        read = None
    assert read == expected
