// pamong's only page script: CSP forbids inline script, so pages pass data with json_script.
(function () {
  "use strict";
  if (window.htmx) { htmx.config.includeIndicatorStyles = false; }
  function drawCharts(root) {
    if (!window.Chart) { return; }
    root.querySelectorAll("canvas[data-chart]").forEach(function (canvas) {
      if (canvas.dataset.drawn) { return; }
      var source = document.getElementById(canvas.dataset.chart);
      if (!source) { return; }
      var data = JSON.parse(source.textContent);
      canvas.dataset.drawn = "1";
      new Chart(canvas, {
        type: canvas.dataset.type || "bar",
        data: { labels: data.labels, datasets: [{ label: data.label || "", data: data.values, backgroundColor: "#7a1f1f" }] },
        options: { indexAxis: canvas.dataset.axis || "x", responsive: true, maintainAspectRatio: false,
                   locale: document.documentElement.lang === "en" ? "en-GB" : "id-ID",
                   plugins: { legend: { display: false } } }
      });
    });
  }
  function setWidths(root) {
    // Progress bars carry their width in data-width; inline style attributes would break the CSP.
    root.querySelectorAll("[data-width]").forEach(function (el) { el.style.width = el.dataset.width + "%"; });
  }
  function init(root) { drawCharts(root); setWidths(root); }
  document.addEventListener("DOMContentLoaded", function () { init(document); });
  document.addEventListener("htmx:afterSwap", function (e) { init(e.target); });
}());
