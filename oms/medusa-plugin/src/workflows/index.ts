export * from "./apply-till-events"
