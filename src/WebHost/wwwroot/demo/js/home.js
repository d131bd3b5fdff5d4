/* Home page: render the featured product grid. */
(function () {
  "use strict";
  var shop = window.DemoShop;
  var grid = document.getElementById("featured");
  if (!shop || !grid) { return; }
  shop.catalogue().forEach(function (product) {
    grid.appendChild(shop.productCard(product, 3));
  });
})();
