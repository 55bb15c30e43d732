"""Tools around the test OMS (a real Medusa v2): harness.py runs it, seed.py fills it."""
