/* Sign-in page: accepts demo / demo123 and sets the demo_session cookie. */
(function () {
  "use strict";
  var shop = window.DemoShop;
  var form = document.getElementById("login-form");
  if (!shop || !form) { return; }

  var VALID_USER = "demo";
  var VALID_PASSWORD = "demo123";

  form.addEventListener("submit", function (event) {
    event.preventDefault();
    var user = String(document.getElementById("username").value || "").trim();
    var password = String(document.getElementById("password").value || "");
    var error = document.getElementById("login-error");
    if (user === VALID_USER && password === VALID_PASSWORD) {
      if (error) { error.textContent = ""; }
      shop.setCookie("demo_session", user);
      window.location.href = "account.html";
    } else {
      if (error) { error.textContent = "Invalid username or password"; }
    }
  });
})();
