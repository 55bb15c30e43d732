"""Persistence: SQLAlchemy 2 over SQLite (WAL, synchronous=FULL, BEGIN IMMEDIATE), Alembic migrations."""
