"""Sync with the central OMS: outbox uploader, delta puller, connectors (Medusa v2 first)."""
