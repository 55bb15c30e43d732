"""Sync with the central OMS: outbox uploader, delta puller, the Medusa v2 connector (sync/medusa)."""
