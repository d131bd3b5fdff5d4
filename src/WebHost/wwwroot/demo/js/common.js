/* Shared helpers for the Demo Shop: cart storage, cookies, formatting and header state. */
(function () {
  "use strict";

  var CART_KEY = "demo-cart";
  var SESSION_COOKIE = "demo_session";

  function catalogue() {
    return Array.isArray(window.DEMO_CATALOGUE) ? window.DEMO_CATALOGUE : [];
  }

  function findProduct(id) {
    var n = Number(id);
    var list = catalogue();
    for (var i = 0; i < list.length; i++) {
      if (list[i].id === n) { return list[i]; }
    }
    return null;
  }

  function cents(price) {
    return Math.round(Number(price) * 100) || 0;
  }

  function money(centsValue) {
    var v = Math.round(Number(centsValue) || 0);
    var sign = v < 0 ? "-" : "";
    v = Math.abs(v);
    var whole = String(Math.floor(v / 100)).replace(/\B(?=(\d{3})+(?!\d))/g, ",");
    var frac = String(v % 100);
    if (frac.length < 2) { frac = "0" + frac; }
    return sign + "$" + whole + "." + frac;
  }

  function storageGet(key) {
    try { return window.localStorage.getItem(key); } catch (e) { return null; }
  }

  function storageSet(key, value) {
    try { window.localStorage.setItem(key, value); return true; } catch (e) { return false; }
  }

  function storageRemove(key) {
    try { window.localStorage.removeItem(key); } catch (e) { /* ignore */ }
  }

  /* Cart lines are stored as [{ id: number, qty: number }]. Anything malformed is dropped. */
  function getCart() {
    var raw = storageGet(CART_KEY);
    if (!raw) { return []; }
    var parsed;
    try { parsed = JSON.parse(raw); } catch (e) { return []; }
    if (!Array.isArray(parsed)) { return []; }
    var lines = [];
    parsed.forEach(function (line) {
      if (!line || typeof line !== "object") { return; }
      var id = Number(line.id);
      var qty = Math.floor(Number(line.qty));
      if (!findProduct(id) || !(qty > 0)) { return; }
      lines.push({ id: id, qty: qty });
    });
    return lines;
  }

  function saveCart(lines) {
    storageSet(CART_KEY, JSON.stringify(lines || []));
    updateHeader();
  }

  function clearCart() {
    storageRemove(CART_KEY);
    updateHeader();
  }

  function addToCart(id, qty) {
    var lines = getCart();
    var n = Number(id);
    var q = Math.floor(Number(qty)) || 1;
    var existing = null;
    for (var i = 0; i < lines.length; i++) {
      if (lines[i].id === n) { existing = lines[i]; }
    }
    if (existing) { existing.qty += q; } else { lines.push({ id: n, qty: q }); }
    saveCart(lines);
    return lines;
  }

  function removeFromCart(id) {
    var n = Number(id);
    saveCart(getCart().filter(function (line) { return line.id !== n; }));
  }

  function cartCount() {
    return getCart().reduce(function (sum, line) { return sum + line.qty; }, 0);
  }

  function cartTotalCents() {
    return getCart().reduce(function (sum, line) {
      var p = findProduct(line.id);
      return sum + (p ? cents(p.price) * line.qty : 0);
    }, 0);
  }

  function getCookie(name) {
    var parts;
    try { parts = (document.cookie || "").split(";"); } catch (e) { return null; }
    for (var i = 0; i < parts.length; i++) {
      var part = parts[i].replace(/^\s+/, "");
      var eq = part.indexOf("=");
      if (eq < 0) { continue; }
      if (part.substring(0, eq) === name) {
        var value = part.substring(eq + 1);
        try { return decodeURIComponent(value); } catch (e) { return value; }
      }
    }
    return null;
  }

  function setCookie(name, value) {
    document.cookie = name + "=" + encodeURIComponent(value) + "; path=/; SameSite=Lax";
  }

  function deleteCookie(name) {
    document.cookie = name + "=; path=/; expires=Thu, 01 Jan 1970 00:00:00 GMT; SameSite=Lax";
  }

  function currentUser() {
    var user = getCookie(SESSION_COOKIE);
    return user ? user : null;
  }

  function queryParam(name) {
    try {
      var value = new URLSearchParams(window.location.search).get(name);
      return value === null ? null : value;
    } catch (e) {
      return null;
    }
  }

  function el(tag, attrs, text) {
    var node = document.createElement(tag);
    if (attrs) {
      Object.keys(attrs).forEach(function (key) {
        if (key === "className") { node.className = attrs[key]; }
        else { node.setAttribute(key, attrs[key]); }
      });
    }
    if (text !== undefined && text !== null) { node.textContent = String(text); }
    return node;
  }

  /* Builds the product card used on the home and search pages. */
  function productCard(product, headingLevel) {
    var card = el("article", { className: "product", "data-testid": "product-card" });
    var thumb = el("div", { className: "product-thumb cat-" + String(product.category).toLowerCase(), "aria-hidden": "true" },
      String(product.name).charAt(0));
    var heading = el("h" + (headingLevel || 2), { className: "product-heading" });
    heading.appendChild(el("a", { className: "product-name", href: "product.html?id=" + product.id }, product.name));
    var meta = el("p", { className: "product-meta" });
    meta.appendChild(el("span", { className: "category" }, product.category));
    meta.appendChild(el("span", { className: "rating", title: "Rated " + product.rating + " out of 5" },
      "\u2605 " + Number(product.rating).toFixed(1)));
    card.appendChild(thumb);
    card.appendChild(heading);
    card.appendChild(meta);
    card.appendChild(el("span", { className: "price" }, money(cents(product.price))));
    return card;
  }

  function updateHeader() {
    var cartLink = document.getElementById("cart-link");
    if (cartLink) { cartLink.textContent = "Cart (" + cartCount() + ")"; }

    var auth = document.getElementById("auth-area");
    if (!auth) { return; }
    var user = currentUser();
    while (auth.firstChild) { auth.removeChild(auth.firstChild); }
    if (user) {
      auth.appendChild(el("span", { className: "signed-in" }, "Signed in as " + user));
      var button = el("button", { type: "button", id: "sign-out", className: "link-button" }, "Sign out");
      button.addEventListener("click", function () {
        deleteCookie(SESSION_COOKIE);
        window.location.href = "index.html";
      });
      auth.appendChild(button);
    } else {
      auth.appendChild(el("a", { href: "login.html", id: "sign-in-link" }, "Sign in"));
    }
  }

  window.DemoShop = {
    catalogue: catalogue,
    findProduct: findProduct,
    cents: cents,
    money: money,
    getCart: getCart,
    saveCart: saveCart,
    clearCart: clearCart,
    addToCart: addToCart,
    removeFromCart: removeFromCart,
    cartCount: cartCount,
    cartTotalCents: cartTotalCents,
    getCookie: getCookie,
    setCookie: setCookie,
    deleteCookie: deleteCookie,
    currentUser: currentUser,
    queryParam: queryParam,
    storageGet: storageGet,
    storageSet: storageSet,
    el: el,
    productCard: productCard,
    updateHeader: updateHeader
  };

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", updateHeader);
  } else {
    updateHeader();
  }
  /* Keep the header in sync when the page is restored from the back/forward cache. */
  window.addEventListener("pageshow", updateHeader);
})();
