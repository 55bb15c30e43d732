"""The built-in defaults of every policy key, as TOML.

A policy file is merged over this text: tables merge key by key, arrays (fees, dispositions,
extensions) replace the default array as a whole. posreturns/resources/policy/default.toml is the
same policy with comments for integrators; a unit test keeps the two equal.
"""

DEFAULT_POLICY_TOML = """
version = "builtin"
currency = "EUR"

[window]
days = 30
outside = "refused"
categories = {}
channels = {}
extensions = []

[final_sale]
action = "refused"

[sale_items]
enabled = true
min_discount_percent = 30
methods = ["store_credit", "exchange"]

[receiptless]
allowed = true
contact_required = true
methods = ["store_credit"]
approval_above = "50.00"
lowest_price_days = 30

[refusals]
paths = ["override", "goodwill"]
rules = ["window", "final_sale"]

[serial_returners]
enabled = true
max_returns = 4
days = 30

[approval]
enabled = true
refund_above = "500.00"

[[fees]]
name = "opened-electronics"
categories = ["electronics"]
conditions = ["OPENED"]
reasons = ["CHANGED_MIND", "WRONG_SIZE", "OTHER"]
percent = 10
en = "Opened electronics: {percent} restocking fee."
fr = "Électronique ouverte : frais de remise en stock de {percent}."

[offline]
return_above = "150.00"
till_day_above = "1000.00"
foreign_store_methods = ["store_credit"]
receiptless_methods = ["store_credit"]
max_cache_age_hours = 72
stale_cache_methods = ["store_credit"]

[incentive]
enabled = false
percent = 10
methods = ["store_credit"]

[cash]
allow_without_cash_tender = false

[cash_rounding]
CHF = { step = "0.05", mode = "nearest" }

[shipping]
reasons = ["WRONG_ITEM", "DEFECTIVE", "DAMAGED_IN_TRANSIT", "LATE_DELIVERY"]
channels = ["web"]

[tenders]
order = ["gift_card", "store_credit", "card", "cash"]

[alerts.notify_buyer]
en = "Defective item: notify the buyer."
fr = "Article défectueux : prévenir l'acheteur."

[alerts.carrier_claim]
en = "Damaged in transit: open a carrier claim."
fr = "Endommagé pendant le transport : ouvrir un litige transporteur."

[alerts.missing_parts]
en = "Parts are missing: list them on the inspection tag."
fr = "Pièces manquantes : les noter sur l'étiquette d'inspection."

[[dispositions]]
name = "defective"
reasons = ["DEFECTIVE"]
disposition = "INSPECT"
alerts = ["notify_buyer"]

[[dispositions]]
name = "damaged-in-transit"
reasons = ["DAMAGED_IN_TRANSIT"]
disposition = "INSPECT"
alerts = ["carrier_claim"]

[[dispositions]]
name = "damaged-electronics"
conditions = ["DAMAGED"]
categories = ["electronics"]
disposition = "RTV"

[[dispositions]]
name = "damaged"
conditions = ["DAMAGED"]
disposition = "SCRAP"

[[dispositions]]
name = "new-with-tags"
reasons = ["WRONG_SIZE", "CHANGED_MIND"]
conditions = ["NEW_WITH_TAGS"]
disposition = "RESTOCK"

[[dispositions]]
name = "opened-electronics"
conditions = ["OPENED"]
categories = ["electronics"]
disposition = "INSPECT"

[[dispositions]]
name = "missing-parts"
conditions = ["MISSING_PARTS"]
disposition = "INSPECT"
alerts = ["missing_parts"]

[disposition_default]
disposition = "INSPECT"

[resale]
grades = { A = 70, B = 50, C = 30 }
price_ending = "0.90"
ean_prefix = "2"
return_methods = ["store_credit", "exchange"]
sold_as_is = ["C"]

[costs]
handling = { RESTOCK = "0.50", INSPECT = "4.00", REFURBISH = "12.00", RESALE = "3.00", RTV = "6.00", SCRAP = "2.00" }
"""
