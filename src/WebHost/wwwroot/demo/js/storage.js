/* Storage page: shows localStorage "demo-note" and document.cookie; saves a note to both. */
(function () {
  "use strict";
  var shop = window.DemoShop;
  if (!shop) { return; }
  var dump = document.getElementById("storage-dump");
  var form = document.getElementById("note-form");
  var input = document.getElementById("note");

  function render() {
    if (!dump) { return; }
    var note = shop.storageGet("demo-note");
    var cookies = "";
    try { cookies = document.cookie || ""; } catch (e) { cookies = ""; }
    dump.textContent =
      "localStorage[\"demo-note\"]: " + (note === null ? "(not set)" : note) + "\n" +
      "document.cookie: " + (cookies ? cookies : "(empty)");
  }

  if (form) {
    form.addEventListener("submit", function (event) {
      event.preventDefault();
      var value = input ? String(input.value) : "";
      shop.storageSet("demo-note", value);
      shop.setCookie("demo_note", value);
      render();
    });
  }
  render();
})();
