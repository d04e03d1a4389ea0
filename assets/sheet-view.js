// The sheet view: draws the data of `baocao::view::SheetView` (JSON) as a table,
// cells with findings marked; hover, focus or tap a marked cell to read what is
// wrong and how to fix it. Shared by the server's unit page and the offline page.
// Builds the DOM with textContent only: a cell's text is never read as HTML.
(function (global) {
  "use strict";

  function el(tag, cls, text) {
    var e = document.createElement(tag);
    if (cls) e.className = cls;
    if (text !== undefined && text !== null) e.textContent = text;
    return e;
  }

  function worst(marks) {
    for (var i = 0; i < marks.length; i++) if (marks[i].severity === "error") return "error";
    return "warning";
  }

  function markText(m) {
    return m.code + (m.cell ? " (" + m.cell + ")" : "") + ": " + m.message + (m.hint ? "\n→ " + m.hint : "");
  }

  // Shows the findings of one cell in the panel under the table.
  function show(panel, td, marks) {
    panel.textContent = "";
    marks.forEach(function (m) {
      var p = el("div", "sv-note sv-" + m.severity);
      p.appendChild(el("b", null, m.code + (m.cell ? " · " + m.cell : "")));
      p.appendChild(el("span", null, " " + m.message));
      if (m.hint) p.appendChild(el("div", "sv-hint", m.hint));
      panel.appendChild(p);
    });
    panel.hidden = false;
    var prev = td.ownerDocument.querySelectorAll(".sv-selected");
    for (var i = 0; i < prev.length; i++) prev[i].classList.remove("sv-selected");
    td.classList.add("sv-selected");
  }

  // Draws `view` into `container` (emptied first). `opts.labels` may carry the
  // words shown around the table: {truncated, sheet, other}.
  function render(container, view, opts) {
    opts = opts || {};
    var labels = opts.labels || {};
    container.textContent = "";
    if (!view) return;
    var wrap = el("div", "sv-wrap");
    var table = el("table", "sv-table");
    var head = el("tr");
    head.appendChild(el("th", "sv-corner", ""));
    view.columns.forEach(function (c) { head.appendChild(el("th", "sv-col", c)); });
    var thead = el("thead");
    thead.appendChild(head);
    table.appendChild(thead);

    // Cells covered by a merge (other than its top-left) are not drawn.
    var covered = {};
    var spans = {};
    view.merges.forEach(function (s) {
      spans[s.row + ":" + s.col] = s;
      for (var r = s.row; r < s.row + s.rows; r++)
        for (var c = s.col; c < s.col + s.cols; c++)
          if (r !== s.row || c !== s.col) covered[r + ":" + c] = true;
    });

    var panel = el("div", "sv-panel");
    panel.hidden = true;
    panel.setAttribute("aria-live", "polite");
    var tbody = el("tbody");
    view.rows.forEach(function (row, r) {
      var tr = el("tr");
      var h = el("th", "sv-row", String(row.number));
      tr.appendChild(h);
      var inHeader = row.number >= view.header_rows[0] && row.number <= view.header_rows[1];
      if (inHeader) tr.className = "sv-header";
      row.cells.forEach(function (cell, c) {
        var key = r + ":" + c;
        if (covered[key]) return;
        var td = el("td", null, cell.text);
        var s = spans[key];
        if (s) { td.rowSpan = s.rows; td.colSpan = s.cols; }
        var marks = cell.marks || [];
        if (marks.length) {
          td.className = "sv-mark sv-" + worst(marks);
          td.title = marks.map(markText).join("\n");
          td.tabIndex = 0;
          td.setAttribute("data-cell", view.columns[c] + row.number);
          var open = function () { show(panel, td, marks); };
          td.addEventListener("click", open);
          td.addEventListener("focus", open);
          td.addEventListener("mouseenter", open);
          var badge = el("span", "sv-badge", marks[0].code);
          td.appendChild(badge);
        }
        tr.appendChild(td);
      });
      tbody.appendChild(tr);
    });
    table.appendChild(tbody);
    var caption = el("div", "sv-caption", (labels.sheet || "Sheet") + ": " + view.sheet);
    container.appendChild(caption);
    wrap.appendChild(table);
    container.appendChild(wrap);
    container.appendChild(panel);
    if (view.truncated) container.appendChild(el("p", "sv-truncated", labels.truncated || "…"));
    if (view.unplaced && view.unplaced.length) {
      var ul = el("ul", "sv-unplaced");
      view.unplaced.forEach(function (m) {
        var li = el("li", "sv-" + m.severity, markText(m));
        ul.appendChild(li);
      });
      if (labels.other) container.appendChild(el("p", "sv-other", labels.other));
      container.appendChild(ul);
    }
    var first = container.querySelector(".sv-mark.sv-error") || container.querySelector(".sv-mark");
    if (first && opts.scrollToFirst !== false && first.scrollIntoView) {
      first.scrollIntoView({ block: "nearest", inline: "nearest" });
    }
  }

  global.BaocaoSheetView = { render: render };
})(typeof window !== "undefined" ? window : this);
