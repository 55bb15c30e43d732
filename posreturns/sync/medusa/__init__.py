"""The Medusa v2 connector: `gateway.MedusaGateway` implements `OmsGateway` (services/sync_ports.py).

Pulls: `pull`, `stock_pull`, `mapping`. Pushes: `push` sends each event to `returns` (and `exchange`,
`receiving`, `returned_units`), `stock` or `notes`; all of them get the one `reference.ReferenceData`
(stores, reasons) and read what an earlier attempt left with `state` and `markers`. `plugin` batches
through the posreturns Medusa plugin when the OMS has it; `repair` unlocks orders left locked."""
