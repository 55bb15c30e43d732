"""The returns-report fixture: the demo store with the incentive on, eight returns over two days and
two tills, and one unit graded for second hand. The report tests write the expected figures by hand
from this list:

| # | till | day | receipt | lines (reason, disposition) | refund | tenders | notes |
|---|------|-----|---------|-----------------------------|--------|---------|-------|
| 1 | T1 | 26 | PA01-000101 | 2 × TSH-NVY-M (WRONG_SIZE, RESTOCK) | 59.80 | card 59.80 | |
| 2 | T1 | 26 | PA01-000101 | JEAN-SLIM-40 (DEFECTIVE, INSPECT) | 89.00 | store credit 97.90 | bonus 8.90; graded B: 44.90 |
| 3 | T1 | 26 | W-100202 (web) | BASK-CUIR-43 (CHANGED_MIND, RESTOCK) | 139.00 | card 139.00 | cashier bob |
| 4 | T1 | 26 | none | TSH-WHT-S (CHANGED_MIND, RESTOCK) | 29.90 | store credit 32.89 | bonus 2.99 |
| 5 | T1 | 26 | PA01-000108 | MONTRE 329.00 + CASQ 199.20 (WRONG_SIZE, RESTOCK) | 528.20 | store credit 100.00, card 428.20 | approved by mgr1 |
| 6 | T1 | 26 | PA01-000102 | CHAUSS-PACK (DAMAGED_IN_TRANSIT, INSPECT) | 13.92 | card 13.92 | |
| 7 | T2 | 26 | PA01-000103 | TSH-WHT-L (WRONG_SIZE, RESTOCK) | 29.90 | cash 29.90 | |
| 8 | T1 | 25 | PA01-000104 | ENC-PORT (CHANGED_MIND, RESTOCK) | 79.90 | gift card 50.00, card 29.90 | |

and the demo's prior return RET-OMS-0001 (another till, pulled from the OMS: 29.90 on the 16th).
"""  # noqa: E501 (a row of the table is one line)

from __future__ import annotations

from datetime import datetime
from pathlib import Path
from zoneinfo import ZoneInfo

from helpers.restock import manager
from helpers.returns import CASHIER, MANAGER, PIN, SHIPPED_POLICY, line, open_shop, request
from posreturns.app import Till, open_restock
from posreturns.domain.resale import Grade
from posreturns.domain.users import Principal

BOB = Principal.vouched("bob", by="tests")
YESTERDAY = datetime(2026, 11, 25, 15, 0, tzinfo=ZoneInfo("Europe/Paris"))


def report_shop(folder: Path) -> Till:
    till = open_shop(folder)
    policy = SHIPPED_POLICY.read_text(encoding="utf-8").replace("enabled = false\npercent = 10",
                                                                 "enabled = true\npercent = 10")
    till.policies.install(policy.replace('version = "', 'version = "bonus-', 1), "bonus.toml")
    earlier = open_shop(folder, now=YESTERDAY, setup=False)
    try:
        earlier.returns.complete(request("PA01-000104", line("ENC-PORT", reason="CHANGED_MIND"), key="r8"), CASHIER)
    finally:
        earlier.close()
    done = till.returns.complete
    done(request("PA01-000101", line("TSH-NVY-M", 2), key="r1"), CASHIER)
    done(request("PA01-000101", line("JEAN-SLIM-40", reason="DEFECTIVE", condition="OPENED"), key="r2",
                 method="store_credit"), CASHIER)
    done(request("W-100202", line("BASK-CUIR-43", reason="CHANGED_MIND"), key="r3", cashier="bob"), BOB)
    done(request(None, line("TSH-WHT-S", reason="CHANGED_MIND"), key="r4", method="store_credit",
                 customer={"phone": "06 00 00 00 01"}), CASHIER)
    done(request("PA01-000108", line("MONTRE-CONN-42", serial="SN-MW-4201"), line("CASQ-BT-BLANC", serial="SN-CQ-0107"),
                 key="r5", approval={"manager": MANAGER, "pin": PIN}), CASHIER)
    done(request("PA01-000102", line("CHAUSS-PACK", reason="DAMAGED_IN_TRANSIT", condition="DAMAGED"), key="r6"),
         CASHIER)
    done(request("PA01-000103", line("TSH-WHT-L"), key="r7", till_id="T2"), CASHIER)
    restock = open_restock(till)
    jean = next(u for u in restock.queue() if u.sku == "JEAN-SLIM-40")
    restock.resell(manager(till), jean.id, Grade.B)
    return till


def strict_policy() -> str:
    """The shipped policy asking a manager from a customer's 3rd return in 30 days, or over 500.00
    refunded in them (the serial-returner tests' limit)."""
    text = SHIPPED_POLICY.read_text(encoding="utf-8").replace('version = "', 'version = "strict-', 1)
    start = text.index("[serial_returners]")
    rules = '[serial_returners]\nenabled = true\nmax_returns = 3\ndays = 30\nmax_amount = "500.00"\n'
    return text[:start] + rules + text[text.index("\n[", start + 1) + 1:]
