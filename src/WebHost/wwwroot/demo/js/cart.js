/* Cart page: list the lines stored in localStorage "demo-cart". */
(function () {
  "use strict";
  var shop = window.DemoShop;
  if (!shop) { return; }

  var body = document.getElementById("cart-lines");
  var contents = document.getElementById("cart-contents");
  var empty = document.getElementById("cart-empty");
  var totalEl = document.getElementById("cart-total");

  function render() {
    var lines = shop.getCart();
    if (body) { while (body.firstChild) { body.removeChild(body.firstChild); } }
    if (empty) { empty.hidden = lines.length !== 0; }
    if (contents) { contents.hidden = lines.length === 0; }

    lines.forEach(function (line) {
      var product = shop.findProduct(line.id);
      if (!product || !body) { return; }
      var unit = shop.cents(product.price);
      var row = shop.el("tr", { "data-product-id": String(product.id), className: "cart-line" });

      var nameCell = shop.el("td", { className: "line-name" });
      nameCell.appendChild(shop.el("a", { href: "product.html?id=" + product.id }, product.name));
      row.appendChild(nameCell);
      row.appendChild(shop.el("td", { className: "num line-qty" }, line.qty));
      var priceCell = shop.el("td", { className: "num" });
      priceCell.appendChild(shop.el("span", { className: "price" }, shop.money(unit)));
      row.appendChild(priceCell);
      row.appendChild(shop.el("td", { className: "num line-total" }, shop.money(unit * line.qty)));

      var actionCell = shop.el("td", { className: "line-actions" });
      var remove = shop.el("button", { type: "button", className: "button-small button-secondary" }, "Remove");
      remove.addEventListener("click", function () {
        shop.removeFromCart(product.id);
        render();
      });
      actionCell.appendChild(remove);
      row.appendChild(actionCell);
      body.appendChild(row);
    });

    if (totalEl) { totalEl.textContent = "Total: " + shop.money(shop.cartTotalCents()); }
  }

  render();
  window.addEventListener("pageshow", render);
})();
