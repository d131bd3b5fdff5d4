/* Product page: show one product by ?id= and add it to the cart. */
(function () {
  "use strict";
  var shop = window.DemoShop;
  if (!shop) { return; }

  var rawId = shop.queryParam("id");
  var product = null;
  if (typeof rawId === "string" && /^\s*\d{1,6}\s*$/.test(rawId)) {
    product = shop.findProduct(parseInt(rawId, 10));
  }

  var view = document.getElementById("product-view");
  var notFound = document.getElementById("not-found");

  if (!product) {
    if (notFound) { notFound.hidden = false; }
    document.title = "Product not found - Demo Shop";
    return;
  }

  function setText(id, text) {
    var node = document.getElementById(id);
    if (node) { node.textContent = text; }
  }

  document.title = product.name + " - Demo Shop";
  setText("product-name", product.name);
  setText("product-category", product.category);
  setText("product-rating", "\u2605 " + Number(product.rating).toFixed(1) + " / 5");
  setText("product-price", shop.money(shop.cents(product.price)));
  setText("product-description", product.description);

  var thumb = document.getElementById("product-thumb");
  if (thumb) {
    thumb.textContent = String(product.name).charAt(0);
    thumb.className += " cat-" + String(product.category).toLowerCase();
  }
  var categoryLink = document.getElementById("category-link");
  if (categoryLink) {
    categoryLink.textContent = product.category;
    categoryLink.setAttribute("href", "search.html?q=" + encodeURIComponent(product.category));
  }
  if (view) { view.hidden = false; }

  var form = document.getElementById("add-form");
  var qtyInput = document.getElementById("quantity");
  var status = document.getElementById("status");
  var error = document.getElementById("quantity-error");

  if (form) {
    form.addEventListener("submit", function (event) {
      event.preventDefault();
      var raw = qtyInput ? String(qtyInput.value).trim() : "1";
      var qty = /^\d+$/.test(raw) ? parseInt(raw, 10) : NaN;
      if (!(qty >= 1 && qty <= 99)) {
        if (error) { error.textContent = "Enter a quantity between 1 and 99"; }
        if (status) { status.textContent = ""; }
        if (qtyInput) { qtyInput.setAttribute("aria-invalid", "true"); qtyInput.focus(); }
        return;
      }
      if (error) { error.textContent = ""; }
      if (qtyInput) { qtyInput.removeAttribute("aria-invalid"); }
      shop.addToCart(product.id, qty);
      if (status) { status.textContent = "Added to cart"; }
    });
  }
})();
