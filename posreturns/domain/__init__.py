"""The domain: pure Python (stdlib only) — orders, money, returns, policy, refunds, events."""
