/* Account page: requires the demo_session cookie, otherwise redirects to the sign-in page. */
(function () {
  "use strict";
  var shop = window.DemoShop;
  var user = shop ? shop.currentUser() : null;
  if (!user) {
    window.location.replace("login.html");
    return;
  }
  var welcome = document.getElementById("welcome");
  if (welcome) { welcome.textContent = "Welcome, " + user; }
  var view = document.getElementById("account-view");
  if (view) { view.hidden = false; }
})();
