/* Slow page: a counter that ticks every 500 ms, plus a click counter. */
(function () {
  "use strict";
  var ticksEl = document.getElementById("ticks");
  var clicksEl = document.getElementById("clicks");
  var button = document.getElementById("do-nothing");
  var ticks = 0;
  var clicks = 0;
  window.setInterval(function () {
    ticks += 1;
    if (ticksEl) { ticksEl.textContent = String(ticks); }
  }, 500);
  if (button) {
    button.addEventListener("click", function () {
      clicks += 1;
      if (clicksEl) { clicksEl.textContent = String(clicks); }
    });
  }
})();
