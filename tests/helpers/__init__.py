"""Test helpers shared across the suite: builders of domain objects and of tills, scripted OMS
servers and proxies, command-line and packaging runners. Imported as `helpers.<module>` (tests/ is
on pytest's pythonpath)."""
