import type { PlanStep } from "./types";

/** The demo shop's recorded checkout (the same plan `./rpa up` runs). */
export const demoCheckoutPlan: PlanStep[] = [
  { action: "type", target: { label: "Search products" }, value: "headphones", submit: true, description: "Search for headphones" },
  { action: "click", target: { role: "link", name: "Pulse Studio Headphones" }, description: "Open the product" },
  { action: "click", target: { role: "button", name: "Add to cart" }, description: "Add it to the cart" },
  { action: "wait", value: "Added to cart", description: "Wait for the confirmation" },
  { action: "click", target: { css: "#cart-link" }, description: "Open the cart" },
  { action: "extract", target: { css: ".cart-total" }, field: "total", description: "Read the cart total" },
  { action: "click", target: { role: "link", name: "Proceed to checkout" }, description: "Go to checkout" },
  { action: "type", target: { label: "Full name" }, value: "Ada Lovelace" },
  { action: "type", target: { label: "Email" }, value: "ada@example.com" },
  { action: "type", target: { label: "Address" }, value: "12 Analytical Row" },
  { action: "type", target: { label: "City" }, value: "London" },
  { action: "select", target: { label: "Country" }, value: "Germany" },
  { action: "type", target: { label: "Delivery date" }, value: "2030-05-17" },
  { action: "click", target: { role: "button", name: "Continue to options" } },
  { action: "check", target: { label: "Gift wrap" } },
  { action: "check", target: { label: "Invoice" } },
  { action: "click", target: { role: "button", name: "Continue to review" } },
  { action: "click", target: { role: "button", name: "Place order" } },
  { action: "extract", target: { css: "#order-number" }, field: "orderNumber", description: "Read the order number" },
];

export const demoOrderSchema = {
  type: "object",
  required: ["orderNumber", "total"],
  properties: {
    orderNumber: { type: "string", pattern: "^ORD-[0-9]{6}$" },
    total: { type: "string" },
  },
};
