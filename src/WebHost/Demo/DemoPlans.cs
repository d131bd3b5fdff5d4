namespace RpaOrleans.WebHost.Demo;

/// <summary>Recorded plans for the bundled demo shop, used by the quick start and the tests.</summary>
public static class DemoPlans
{
    public const string OrderSchema = """
        {
          "type": "object",
          "required": ["orderNumber", "total"],
          "properties": {
            "orderNumber": { "type": "string", "pattern": "^ORD-[0-9]{6}$" },
            "total": { "type": "string" }
          }
        }
        """;

    /// <summary>Search → product → add to cart → three-step checkout → read the order number.</summary>
    public static SessionSpec Checkout(string baseUrl) => new(
        Goal: "Buy the Pulse Studio Headphones and return the order number",
        Plan:
        [
            new(ActionKind.Type, Label("Search products"), Value: "headphones", Submit: true, Description: "Search for headphones"),
            new(ActionKind.Click, new TargetDescriptor(Role: "link", Name: "Pulse Studio Headphones"), Description: "Open the product"),
            new(ActionKind.Click, new TargetDescriptor(Role: "button", Name: "Add to cart"), Description: "Add it to the cart"),
            new(ActionKind.Wait, Value: "Added to cart", Description: "Wait for the confirmation"),
            new(ActionKind.Click, new TargetDescriptor(Css: "#cart-link"), Description: "Open the cart"),
            new(ActionKind.Extract, new TargetDescriptor(Css: ".cart-total"), Field: "total", Description: "Read the cart total"),
            new(ActionKind.Click, new TargetDescriptor(Role: "link", Name: "Proceed to checkout"), Description: "Go to checkout"),
            new(ActionKind.Type, Label("Full name"), Value: "Ada Lovelace"),
            new(ActionKind.Type, Label("Email"), Value: "ada@example.com"),
            new(ActionKind.Type, Label("Address"), Value: "12 Analytical Row"),
            new(ActionKind.Type, Label("City"), Value: "London"),
            new(ActionKind.Select, Label("Country"), Value: "Germany"),
            new(ActionKind.Type, Label("Delivery date"), Value: "2030-05-17"),
            new(ActionKind.Click, new TargetDescriptor(Role: "button", Name: "Continue to options")),
            new(ActionKind.Check, Label("Gift wrap")),
            new(ActionKind.Check, Label("Invoice")),
            new(ActionKind.Click, new TargetDescriptor(Role: "button", Name: "Continue to review")),
            new(ActionKind.Click, new TargetDescriptor(Role: "button", Name: "Place order")),
            new(ActionKind.Extract, new TargetDescriptor(Css: "#order-number"), Field: "orderNumber", Description: "Read the order number"),
        ],
        StartUrl: $"{baseUrl.TrimEnd('/')}/demo/index.html",
        ResultSchema: OrderSchema,
        AllowedDomains: null,
        Budgets: new SessionBudgets(MaxSteps: 40, MaxDurationSeconds: 300));

    private static TargetDescriptor Label(string label) => new(Label: label);
}
