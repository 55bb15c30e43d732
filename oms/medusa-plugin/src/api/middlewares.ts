import { defineMiddlewares } from "@medusajs/framework/http"

// A batch of a few hundred events is larger than the default 100 kB body limit.
export default defineMiddlewares({
  routes: [{ matcher: "/admin/posreturns/events", methods: ["POST"], bodyParser: { sizeLimit: "10mb" } }],
})
