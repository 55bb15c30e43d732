"""The return policy: its data (`model`), its TOML file format (`toml`, `toml_rules`, `reader`,
`defaults`) and its evaluation (`rules`, `limits`, `engine`)."""
