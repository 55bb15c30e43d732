"""Devices: adapters from the application's ports to the drivers (printer, scanner, drawer, labels)."""
