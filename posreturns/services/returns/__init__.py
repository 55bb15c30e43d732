"""The returns use cases: `service` (quote, complete, show on typed requests), what they read and
record (`ports`), the request and its resolution to a draft (`request`, `resolver`), their answers
(`results`), the outbox events they write (`events`) and the JSON edge of the command line and host
integrations (`json_edge`)."""
