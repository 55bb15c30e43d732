from hypothesis import given, settings
from hypothesis import strategies as st

from posreturns.services.normalize import (
    barcode_key,
    email_key,
    gtin_check_digit_ok,
    name_tokens,
    number_key,
    number_key_candidates,
    phone_key,
)


def test_receipt_numbers_ignore_case_spaces_and_punctuation() -> None:
    assert number_key("pa01 - 000042") == number_key("PA01-000042") == "PA01000042"


def test_receipt_words_in_front_of_the_number_are_tolerated() -> None:
    assert "PA01000042" in number_key_candidates("Ticket n° PA01-000042")
    assert "1042" in number_key_candidates("Order #1042")


def test_phone_numbers_meet_on_their_last_nine_digits() -> None:
    assert phone_key("+33 6 12 34 56 78") == phone_key("06.12.34.56.78") == "612345678"


def test_names_are_folded_to_unaccented_lowercase_words() -> None:
    assert name_tokens("Hélène  DUPRÉ-Leroy") == ["dupre", "helene", "leroy"]


def test_emails_are_trimmed_and_lowercased() -> None:
    assert email_key("  Camille.Martin@Example.FR ") == "camille.martin@example.fr"


def test_gtins_are_stored_as_fourteen_digits_and_check_digits_are_verified() -> None:
    assert barcode_key("036000291452") == barcode_key("0036000291452") == "00036000291452"
    assert gtin_check_digit_ok("4006381333931")
    assert not gtin_check_digit_ok("4006381333932")
    assert barcode_key("abc-12") == "ABC-12"


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet=st.sampled_from("0123456789") | st.characters(categories=["Nd", "No"]), min_size=2,
               max_size=14))
def test_the_check_digit_is_biips(code: str) -> None:
    """Our GS1 mod-10 (biip is not imported for it: it builds all its tables on import) agrees with
    biip's, digit strings of any script included, and fails as it does on what is not a digit."""
    from biip.checksums import gs1_standard_check_digit

    try:
        expected: bool | None = gs1_standard_check_digit(code[:-1]) == int(code[-1])
    except ValueError:
        expected = None
    try:
        got: bool | None = gtin_check_digit_ok(code)
    except ValueError:
        got = None
    assert got == expected
