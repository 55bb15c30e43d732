"""The store manager's workspace beside the cashier's screen: restock queue, second hand, alerts."""
