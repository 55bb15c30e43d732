"""Use cases (look up an order, import, quote, complete a return, …) and the ports they need."""
