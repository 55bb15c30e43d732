"""The text of a return's SMS receipt, in the customer's language, from the return as it was stored:
short (one or two SMS), the store's name, the return number, what the customer gets, and for an
exchange delivered from the network, its promise."""

from __future__ import annotations

from typing import Any

from posreturns.domain.messages import translate
from posreturns.domain.money import display


def sms_text(result: dict[str, Any], store: str, language: str) -> str:
    currency = str(result.get("currency") or "EUR")
    amount = display(str(result.get("refund_total") or "0"), currency, language)
    number, method = str(result.get("return_number") or ""), result.get("refund_method")
    if method == "exchange":
        text = translate("services.sms_text", "{0}: your exchange {1} is recorded.").format(store, number)
        sentence = ((result.get("delivery") or {}).get("promise") or {}).get("sentence") or {}
        words = text.in_language(language)
        return f"{words} {sentence.get(language) or sentence.get('en') or ''}".strip()
    if method == "store_credit":
        voucher = result.get("voucher") or {}
        text = translate("services.sms_text", "{0}: your return {1} is recorded. Your store credit: {2}, "
                                              "voucher {3}.").format(store, number,
                                                                    display(str(voucher.get("amount") or "0"),
                                                                            currency, language),
                                                                    voucher.get("code") or "")
        return text.in_language(language)
    return translate("services.sms_text", "{0}: your return {1} is recorded. {2} is refunded to your "
                                          "payment.").format(store, number, amount).in_language(language)
