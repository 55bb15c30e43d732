// Medusa v2 test OMS for posreturns. Started by oms/harness.py on 127.0.0.1 only.
// Everything that differs between runs (database URL, secrets, CORS) comes from the environment.
import { loadEnv, defineConfig } from "@medusajs/framework/utils"

loadEnv(process.env.NODE_ENV || "development", process.cwd())

module.exports = defineConfig({
  projectConfig: {
    databaseUrl: process.env.DATABASE_URL,
    // No Redis: the fake redis, the local event bus and the in-memory workflow engine are enough here.
    http: {
      storeCors: process.env.STORE_CORS || "http://127.0.0.1:8000",
      adminCors: process.env.ADMIN_CORS || "http://127.0.0.1:9000",
      authCors: process.env.AUTH_CORS || "http://127.0.0.1:9000",
      jwtSecret: process.env.JWT_SECRET || "posreturns-test-only",
      cookieSecret: process.env.COOKIE_SECRET || "posreturns-test-only",
    },
  },
  // The admin dashboard is not needed (the Admin API is) and building it needs Vite.
  admin: { disable: true },
  // The till's batch route (oms/medusa-plugin), installed from its folder by oms/harness.py.
  plugins: [{ resolve: "@posreturns/medusa-plugin", options: {} }],
  // Several Node processes (`medusa start --cluster N`, POSRETURNS_OMS_WORKERS=N): Medusa's own locks
  // (an order's changes, inventory) in PostgreSQL, shared by the processes, instead of in each one's memory.
  modules: process.env.POSRETURNS_MEDUSA_LOCKING === "postgres" ? [{
    resolve: "@medusajs/medusa/locking",
    options: { providers: [{ resolve: "@medusajs/medusa/locking-postgres", id: "locking-postgres", is_default: true }] },
  }] : [],
})
