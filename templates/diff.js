// reportkit diff page: filters and sorting. Everything works on the page as written; nothing is fetched.
(function () {
  "use strict";
  var body = document.body;
  var only = document.getElementById("only-changed");
  if (only) {
    only.addEventListener("change", function () { body.classList.toggle("only-changed", only.checked); });
  }
  var toggle = document.getElementById("view-toggle");
  if (toggle) {
    toggle.addEventListener("click", function () {
      // The button names the other view; its two labels come from the page, in the report's language.
      body.classList.toggle("unified");
      var other = toggle.getAttribute("data-other");
      toggle.setAttribute("data-other", toggle.textContent);
      toggle.textContent = other;
    });
  }
  function key(cell) {
    var raw = cell.getAttribute("data-sort");
    if (raw !== null) {
      var n = parseFloat(raw);
      return isNaN(n) ? { num: false, v: "" } : { num: true, v: n };
    }
    return { num: false, v: cell.textContent.trim() };
  }
  function compare(a, b) {
    if (a.num && b.num) { return a.v - b.v; }
    if (a.num !== b.num) { return a.num ? -1 : 1; }
    return a.v.localeCompare(b.v, "zh-CN");
  }
  Array.prototype.forEach.call(document.querySelectorAll("table.sortable"), function (table) {
    var heads = table.querySelectorAll("thead th");
    Array.prototype.forEach.call(heads, function (th, col) {
      th.addEventListener("click", function () {
        var desc = th.classList.contains("asc");
        Array.prototype.forEach.call(heads, function (h) { h.classList.remove("asc", "desc"); });
        th.classList.add(desc ? "desc" : "asc");
        var tbody = table.tBodies[0];
        var rows = Array.prototype.slice.call(tbody.rows);
        rows.sort(function (r1, r2) {
          var c = compare(key(r1.cells[col] || r1.cells[0]), key(r2.cells[col] || r2.cells[0]));
          return desc ? -c : c;
        });
        rows.forEach(function (r) { tbody.appendChild(r); });
      });
    });
  });
})();
