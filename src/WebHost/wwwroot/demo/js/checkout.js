/* Checkout page: three steps (Shipping, Options, Review) in one form. */
(function () {
  "use strict";
  var shop = window.DemoShop;
  var form = document.getElementById("checkout-form");
  if (!shop || !form) { return; }

  var steps = [
    document.getElementById("step-shipping"),
    document.getElementById("step-options"),
    document.getElementById("step-review")
  ];
  var progress = document.getElementById("progress");
  var errorsBox = document.getElementById("shipping-errors");
  var current = 0;

  var COUNTRIES = { US: "United States", DE: "Germany", FR: "France", JP: "Japan" };

  var required = [
    { id: "full-name", label: "Full name" },
    { id: "email", label: "Email" },
    { id: "address", label: "Address" },
    { id: "city", label: "City" },
    { id: "country", label: "Country" },
    { id: "delivery-date", label: "Delivery date" }
  ];

  function field(id) { return document.getElementById(id); }

  function value(id) {
    var node = field(id);
    return node ? String(node.value || "").trim() : "";
  }

  function checked(id) {
    var node = field(id);
    return !!(node && node.checked);
  }

  function setText(id, text) {
    var node = field(id);
    if (node) { node.textContent = text; }
  }

  function focusFirst(step) {
    if (!step) { return; }
    var target = step.querySelector("input, select") || step.querySelector(".button-primary");
    if (target) { try { target.focus(); } catch (e) { /* ignore */ } }
  }

  function show(index) {
    current = index;
    steps.forEach(function (step, i) { if (step) { step.hidden = i !== index; } });
    if (progress) { progress.textContent = "Step " + (index + 1) + " of " + steps.length; }
    focusFirst(steps[index]);
  }

  function clearErrors() {
    if (errorsBox) { while (errorsBox.firstChild) { errorsBox.removeChild(errorsBox.firstChild); } }
    required.forEach(function (f) {
      var node = field(f.id);
      if (node) { node.removeAttribute("aria-invalid"); }
    });
  }

  function validateShipping() {
    clearErrors();
    var problems = [];
    var firstBad = null;
    required.forEach(function (f) {
      var v = value(f.id);
      var message = null;
      if (!v) {
        message = f.label + " is required";
      } else if (f.id === "email" && !/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(v)) {
        message = "Email must be a valid email address";
      } else if (f.id === "country" && !COUNTRIES[v]) {
        message = "Country is required";
      }
      if (message) {
        problems.push(message);
        var node = field(f.id);
        if (node) {
          node.setAttribute("aria-invalid", "true");
          if (!firstBad) { firstBad = node; }
        }
      }
    });
    if (problems.length && errorsBox) {
      errorsBox.appendChild(shop.el("p", null, "Please fix the following:"));
      var list = shop.el("ul");
      problems.forEach(function (p) { list.appendChild(shop.el("li", null, p)); });
      errorsBox.appendChild(list);
    }
    if (firstBad) { try { firstBad.focus(); } catch (e) { /* ignore */ } }
    return problems.length === 0;
  }

  function formatDate(iso) {
    var m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
    if (!m) { return iso; }
    var months = ["January", "February", "March", "April", "May", "June", "July",
      "August", "September", "October", "November", "December"];
    var month = months[parseInt(m[2], 10) - 1];
    return month ? parseInt(m[3], 10) + " " + month + " " + m[1] + " (" + iso + ")" : iso;
  }

  function payment() {
    var selected = form.querySelector("input[name='payment']:checked");
    return selected ? selected.value : "Credit card";
  }

  function fillReview() {
    setText("review-name", value("full-name"));
    setText("review-email", value("email"));
    setText("review-address", value("address") + ", " + value("city"));
    setText("review-country", COUNTRIES[value("country")] || value("country"));
    setText("review-delivery-date", formatDate(value("delivery-date")));
    var options = [];
    if (checked("gift-wrap")) { options.push("Gift wrap"); }
    if (checked("express-delivery")) { options.push("Express delivery"); }
    setText("review-options", options.length ? options.join(", ") : "None");
    setText("review-payment", payment());
    setText("review-total", shop.money(shop.cartTotalCents()));
  }

  function placeOrder() {
    var number = "ORD-" + String(100000 + Math.floor(Math.random() * 900000));
    shop.clearCart();
    var view = document.getElementById("checkout-view");
    var confirmation = document.getElementById("confirmation");
    if (view) { view.hidden = true; }
    setText("order-number", number);
    if (confirmation) { confirmation.hidden = false; }
    document.title = "Order confirmed - Demo Shop";
  }

  form.addEventListener("submit", function (event) {
    event.preventDefault();
    if (current === 0) {
      if (validateShipping()) { show(1); }
    } else if (current === 1) {
      fillReview();
      show(2);
    } else {
      placeOrder();
    }
  });

  var back1 = document.getElementById("back-to-shipping");
  if (back1) { back1.addEventListener("click", function () { show(0); }); }
  var back2 = document.getElementById("back-to-options");
  if (back2) { back2.addEventListener("click", function () { show(1); }); }

  /* Initial state without stealing focus from the header. */
  steps.forEach(function (step, i) { if (step) { step.hidden = i !== 0; } });
})();
