// Learning pages' script (CSP: no inline script). Behaviour hangs off data- attributes.
(function () {
  "use strict";
  function countdown(root) {
    root.querySelectorAll("[data-countdown]").forEach(function (el) {
      if (el.dataset.started) { return; }
      el.dataset.started = "1";
      var left = parseInt(el.dataset.countdown, 10);
      var form = document.getElementById(el.dataset.form);
      var out = el.querySelector("[data-countdown-text]") || el;
      function show() {
        var m = Math.floor(left / 60), s = left % 60;
        out.textContent = m + ":" + (s < 10 ? "0" : "") + s;
      }
      show();
      var timer = setInterval(function () {
        left -= 1;
        if (left <= 0) {
          clearInterval(timer);
          out.textContent = "0:00";
          // Time is up: send what has been answered.
          if (form && !form.dataset.sent) { form.dataset.sent = "1"; form.submit(); }
          return;
        }
        show();
      }, 1000);
    });
  }
  function confirms(root) {
    root.querySelectorAll("form[data-confirm]").forEach(function (form) {
      if (form.dataset.bound) { return; }
      form.dataset.bound = "1";
      form.addEventListener("submit", function (e) {
        if (!window.confirm(form.dataset.confirm)) { e.preventDefault(); }
      });
    });
  }
  function init(root) { countdown(root); confirms(root); }
  document.addEventListener("DOMContentLoaded", function () { init(document); });
  document.addEventListener("htmx:afterSwap", function (e) { init(e.target); });
}());
