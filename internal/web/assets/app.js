// The wizard works without this script; it only keeps the preview live:
// when the answers change in another tab or window, the document is
// fetched again and replaced, with the open "Waarom staat dit hier?"
// panels kept open.
(function () {
  "use strict";
  var box = document.getElementById("voorbeeld");
  if (!box || !window.fetch) {
    return;
  }
  var url = box.getAttribute("data-fragment");
  var last = null;
  function openPanels() {
    var open = [];
    box.querySelectorAll("details[open]").forEach(function (d) {
      var h = d.previousElementSibling;
      if (h && h.id) {
        open.push(h.id);
      }
    });
    return open;
  }
  function refresh() {
    fetch(url, { credentials: "same-origin" }).then(function (r) {
      return r.text();
    }).then(function (html) {
      if (html === last) {
        return;
      }
      var first = last === null;
      last = html;
      if (first) {
        return; // the page already shows it
      }
      var open = openPanels();
      box.innerHTML = html;
      open.forEach(function (id) {
        var h = document.getElementById(id);
        var d = h && h.nextElementSibling;
        if (d && d.tagName === "DETAILS") {
          d.open = true;
        }
      });
    }).catch(function () {});
  }
  refresh();
  document.addEventListener("visibilitychange", function () {
    if (!document.hidden) {
      refresh();
    }
  });
  window.addEventListener("focus", refresh);
  window.setInterval(refresh, 2000);
})();
