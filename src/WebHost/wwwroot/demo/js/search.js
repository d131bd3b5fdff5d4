/* Search page: filter the catalogue by ?q= and sort the results in place. */
(function () {
  "use strict";
  var shop = window.DemoShop;
  if (!shop) { return; }

  var rawQuery = shop.queryParam("q");
  var query = typeof rawQuery === "string" ? rawQuery.trim() : "";
  var needle = query.toLowerCase();

  var heading = document.getElementById("results-heading");
  var countEl = document.getElementById("results-count");
  var grid = document.getElementById("results");
  var empty = document.getElementById("no-results");
  var sortSelect = document.getElementById("sort");
  var searchInput = document.getElementById("q");

  if (searchInput) { searchInput.value = query; }
  if (heading) {
    heading.textContent = query ? "Results for \u201c" + query + "\u201d" : "All products";
  }
  document.title = (query ? "Results for \u201c" + query + "\u201d" : "All products") + " - Demo Shop";

  /* Relevance: name matches first, then category-only matches, each in catalogue order. */
  var matches = [];
  shop.catalogue().forEach(function (product, index) {
    var inName = String(product.name).toLowerCase().indexOf(needle) !== -1;
    var inCategory = String(product.category).toLowerCase().indexOf(needle) !== -1;
    if (!needle || inName || inCategory) {
      matches.push({ product: product, score: inName ? 0 : 1, index: index });
    }
  });

  function sorted(mode) {
    var copy = matches.slice();
    copy.sort(function (a, b) {
      var pa = shop.cents(a.product.price), pb = shop.cents(b.product.price);
      if (mode === "price-asc" && pa !== pb) { return pa - pb; }
      if (mode === "price-desc" && pa !== pb) { return pb - pa; }
      if (a.score !== b.score) { return a.score - b.score; }
      return a.index - b.index;
    });
    return copy;
  }

  function render() {
    if (!grid) { return; }
    var mode = sortSelect ? sortSelect.value : "relevance";
    while (grid.firstChild) { grid.removeChild(grid.firstChild); }
    sorted(mode).forEach(function (match) {
      grid.appendChild(shop.productCard(match.product, 2));
    });
    if (countEl) { countEl.textContent = matches.length + (matches.length === 1 ? " product" : " products"); }
    if (empty) { empty.hidden = matches.length !== 0; }
  }

  var requestedSort = shop.queryParam("sort");
  if (sortSelect && (requestedSort === "price-asc" || requestedSort === "price-desc" || requestedSort === "relevance")) {
    sortSelect.value = requestedSort;
  }
  if (sortSelect) { sortSelect.addEventListener("change", render); }
  render();
})();
