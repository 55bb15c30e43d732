"""OMS connectors: each implements `OmsGateway` (services/sync_ports.py) for one OMS."""
