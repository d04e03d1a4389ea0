// The pages of `baocao serve`: the unit page (check, see the sheet, submit, receipt)
// and the office page (login, roster, access codes, compile). Words come from the
// page's JSON block in its language; every POST carries X-Baocao: 1 (the server's
// cross-site guard). Text is set with textContent only.
(function () {
  "use strict";
  var W = JSON.parse(document.getElementById("words").textContent);
  var lang = document.body.getAttribute("data-lang");
  var page = document.body.getAttribute("data-page");
  var q = "lang=" + encodeURIComponent(lang);

  function w(key, vars) {
    var s = W[key] || key;
    if (vars) Object.keys(vars).forEach(function (k) { s = s.split("{" + k + "}").join(String(vars[k])); });
    return s;
  }
  // A date (YYYY-MM-DD) or time (RFC 3339) as people here write it: 15/11/2024.
  function when(s) {
    var m = /^(\d{4})-(\d{2})-(\d{2})(?:T(\d{2}:\d{2}(?::\d{2})?))?/.exec(s || "");
    if (!m) return s || "";
    var d = lang === "en" ? m[1] + "-" + m[2] + "-" + m[3] : m[3] + "/" + m[2] + "/" + m[1];
    return m[4] ? d + " " + m[4] : d;
  }
  function el(tag, cls, text) {
    var e = document.createElement(tag);
    if (cls) e.className = cls;
    if (text !== undefined && text !== null) e.textContent = text;
    return e;
  }
  function post(url, body, headers) {
    var h = { "X-Baocao": "1" };
    Object.keys(headers || {}).forEach(function (k) { h[k] = headers[k]; });
    return fetch(url, { method: "POST", body: body, headers: h, credentials: "same-origin" });
  }
  // The error sentence of a failed answer.
  function failure(res) {
    if (res.status === 413) return Promise.resolve(w("err.too_large"));
    return res.json().then(function (j) { return j.error || String(res.status); },
      function () { return String(res.status); });
  }

  // ---- unit page ----
  function unitPage() {
    var input = document.getElementById("file");
    var drop = document.getElementById("drop");
    var out = document.getElementById("result");
    var current = null;

    input.addEventListener("change", function () { if (input.files[0]) checkFile(input.files[0]); });
    ["dragenter", "dragover"].forEach(function (ev) {
      drop.addEventListener(ev, function (e) { e.preventDefault(); drop.classList.add("over"); });
    });
    ["dragleave", "drop"].forEach(function (ev) {
      drop.addEventListener(ev, function (e) { e.preventDefault(); drop.classList.remove("over"); });
    });
    drop.addEventListener("drop", function (e) {
      if (e.dataTransfer.files[0]) checkFile(e.dataTransfer.files[0]);
    });

    function checkFile(file) {
      current = file;
      out.textContent = "";
      out.appendChild(el("p", "busy", w("unit.checking")));
      post("/api/check?" + q + "&name=" + encodeURIComponent(file.name), file,
        { "Content-Type": "application/octet-stream" })
        .then(function (res) {
          if (!res.ok) return failure(res).then(function (m) { showError(m); });
          return res.json().then(showResult);
        }, function () { showError(w("err.network")); });
    }

    function showError(m) {
      out.textContent = "";
      out.appendChild(el("p", "error", m)).setAttribute("role", "alert");
    }

    function showResult(a) {
      out.textContent = "";
      var sum = el("section", "card summary");
      sum.appendChild(el("h2", null, current.name));
      if (a.unit) sum.appendChild(el("p", null, w("unit.of_unit") + ": " + (a.unit_name || a.unit) + " (" + a.unit + ")"));
      sum.appendChild(el("p", null, w("unit.rows") + ": " + a.rows));
      if (a.errors > 0) sum.appendChild(el("p", "error", w("unit.errors", { n: a.errors })));
      else sum.appendChild(el("p", "ok", w("unit.ok")));
      if (a.warnings > 0) sum.appendChild(el("p", "warn", w("unit.warnings", { n: a.warnings })));
      out.appendChild(sum);

      if (a.errors === 0 && a.unit) out.appendChild(submitForm());
      else if (a.errors === 0) out.appendChild(el("p", "warn", w("unit.no_unit")));

      if (a.file.findings.length) {
        var sec = el("section", "card");
        sec.appendChild(el("h2", null, w("unit.findings")));
        var t = el("table", "findings");
        var hr = el("tr");
        ["col.code", "col.cell", "col.message", "col.hint"].forEach(function (k) { hr.appendChild(el("th", null, w(k))); });
        t.appendChild(hr);
        a.file.findings.forEach(function (f) {
          var tr = el("tr", f.severity);
          tr.appendChild(el("td", "code", f.code));
          tr.appendChild(el("td", null, f.cell || ""));
          tr.appendChild(el("td", null, f.message));
          tr.appendChild(el("td", null, f.hint));
          t.appendChild(tr);
        });
        sec.appendChild(t);
        out.appendChild(sec);
      }
      if (a.view) {
        var vs = el("section", "card");
        vs.appendChild(el("h2", null, w("unit.sheet")));
        var box = el("div", "sheet-view");
        vs.appendChild(box);
        out.appendChild(vs);
        BaocaoSheetView.render(box, a.view, { labels: { sheet: w("sv.sheet"), truncated: w("sv.truncated"), other: w("sv.other") } });
      }
    }

    function submitForm() {
      var f = el("form", "card submit");
      f.id = "submit";
      var lab = el("label", null, w("unit.code") + " ");
      var code = el("input");
      code.id = "code";
      code.autocomplete = "off";
      code.required = true;
      code.setAttribute("autocapitalize", "characters");
      lab.appendChild(code);
      f.appendChild(lab);
      var b = el("button", null, w("unit.submit"));
      b.type = "submit";
      f.appendChild(document.createTextNode(" "));
      f.appendChild(b);
      var msg = el("p", "error");
      msg.setAttribute("role", "alert");
      f.appendChild(msg);
      f.addEventListener("submit", function (e) {
        e.preventDefault();
        b.disabled = true;
        msg.textContent = w("unit.submitting");
        post("/api/submit?" + q + "&name=" + encodeURIComponent(current.name), current,
          { "Content-Type": "application/octet-stream", "X-Access-Code": code.value })
          .then(function (res) {
            b.disabled = false;
            if (!res.ok) return failure(res).then(function (m) { msg.textContent = m; });
            return res.json().then(showReceipt);
          }, function () { b.disabled = false; msg.textContent = w("err.network"); });
      });
      return f;
    }

    function showReceipt(r) {
      out.textContent = "";
      var sec = el("section", "card receipt");
      sec.id = "receipt";
      sec.appendChild(el("h2", null, w("receipt.heading")));
      var dl = el("dl");
      [["receipt.id", r.id], ["receipt.unit", (r.unit_name || r.unit) + " (" + r.unit + ")"],
       ["receipt.at", when(r.at)], ["receipt.file", r.name],
       ["receipt.rows", r.rows], ["receipt.sha", r.sha256]].forEach(function (p) {
        dl.appendChild(el("dt", null, w(p[0])));
        dl.appendChild(el("dd", p[0] === "receipt.sha" ? "hash" : null, String(p[1])));
      });
      sec.appendChild(dl);
      sec.appendChild(el("p", "note", w("receipt.note")));
      var pr = el("button", "noprint", w("receipt.print"));
      pr.type = "button";
      pr.addEventListener("click", function () { window.print(); });
      sec.appendChild(pr);
      out.appendChild(sec);
    }
  }

  // ---- office ----
  function loginPage() {
    var f = document.getElementById("login");
    var err = document.getElementById("login-error");
    f.addEventListener("submit", function (e) {
      e.preventDefault();
      err.textContent = "";
      post("/office/login?" + q, JSON.stringify({ password: document.getElementById("password").value }),
        { "Content-Type": "application/json" })
        .then(function (res) {
          if (res.ok) { location.reload(); return; }
          return failure(res).then(function (m) { err.textContent = m; });
        }, function () { err.textContent = w("err.network"); });
    });
  }

  function days(n) {
    if (n > 0) return w("office.days_left", { n: n });
    if (n < 0) return w("office.days_over", { n: -n });
    return w("office.today");
  }

  function officePage() {
    document.getElementById("logout").addEventListener("click", function () {
      post("/office/logout?" + q, "").then(function () { location.reload(); });
    });
    document.getElementById("compile").addEventListener("submit", function (e) {
      e.preventDefault();
      compile(false);
    });
    load();

    function load() {
      fetch("/api/office/status?" + q, { credentials: "same-origin" }).then(function (res) {
        if (res.status === 401) { location.reload(); return; }
        return res.json().then(render);
      });
    }

    function render(s) {
      var d = document.getElementById("deadlines");
      d.textContent = "";
      d.appendChild(el("h2", null, w("office.deadlines")));
      d.appendChild(el("p", null, w("office.units_deadline") + ": " + when(s.deadlines.units_report) + " — " + days(s.deadlines.units_days_left)));
      d.appendChild(el("p", null, w("office.dept_deadline") + ": " + when(s.deadlines.department_report) + " — " + days(s.deadlines.department_days_left)));

      var box = document.getElementById("roster");
      box.textContent = "";
      var t = el("table", "roster");
      var hr = el("tr");
      ["office.unit", "office.status", "office.latest", "office.rows", "office.warnings", "office.code"].forEach(function (k) { hr.appendChild(el("th", null, w(k))); });
      t.appendChild(hr);
      s.units.forEach(function (u) {
        var tr = el("tr");
        tr.setAttribute("data-unit", u.code);
        var name = el("td");
        name.appendChild(el("b", null, u.code));
        name.appendChild(el("div", "small", u.name));
        tr.appendChild(name);
        tr.appendChild(el("td", null)).appendChild(el("span", "status " + u.status, u.label));
        var latest = el("td");
        if (u.latest) {
          latest.appendChild(el("div", null, when(u.latest.at.slice(0, 16))));
          if (u.history.length) {
            var det = el("details");
            det.appendChild(el("summary", null, w("office.history") + " (" + u.history.length + ")"));
            var ul = el("ul");
            u.history.forEach(function (h) {
              var li = el("li", null, when(h.at) + " · " + h.name + " · " + w("office.rows_n", { n: h.rows }) + " ");
              var a = el("a", null, w("office.download"));
              a.href = "/office/file/" + h.id;
              li.appendChild(a);
              ul.appendChild(li);
            });
            det.appendChild(ul);
            latest.appendChild(det);
          }
        }
        tr.appendChild(latest);
        tr.appendChild(el("td", "num", u.latest ? String(u.latest.rows) : ""));
        tr.appendChild(el("td", "num", u.latest ? String(u.latest.warnings) : ""));
        var codeTd = el("td");
        codeTd.appendChild(el("div", "small", w(u.has_code ? "office.has_code" : "office.no_code")));
        var b = el("button", "small-button", w(u.has_code ? "office.code_remake" : "office.code_make"));
        b.type = "button";
        b.addEventListener("click", function () {
          if (u.has_code && !confirm(w("office.code_confirm", { unit: u.code }))) return;
          post("/api/office/code?" + q + "&unit=" + encodeURIComponent(u.code), "").then(function (res) {
            if (!res.ok) return failure(res).then(alert);
            return res.json().then(function (j) {
              var n = document.getElementById("code-shown");
              n.textContent = w("office.code_shown", { unit: j.unit, code: j.code });
              n.hidden = false;
              load();
            });
          });
        });
        codeTd.appendChild(b);
        tr.appendChild(codeTd);
        t.appendChild(tr);
      });
      box.appendChild(t);
    }

    function compile(partial) {
      var out = document.getElementById("compile-result");
      out.textContent = "";
      var date = document.getElementById("date").value;
      post("/api/office/compile?" + q, JSON.stringify({ date: date || null, partial: partial }),
        { "Content-Type": "application/json" })
        .then(function (res) {
          if (res.ok) {
            var rows = res.headers.get("X-Rows-Included");
            var noReference = res.headers.get("X-Plan-Reference-Missing") === "1";
            var name = (res.headers.get("Content-Disposition") || "").replace(/.*filename="([^"]+)".*/, "$1") || "bao-cao.docx";
            return res.blob().then(function (b) {
              var a = el("a");
              a.href = URL.createObjectURL(b);
              a.download = name;
              document.body.appendChild(a);
              a.click();
              a.remove();
              out.appendChild(el("p", "ok", w("office.compiled", { rows: rows })));
              if (noReference) out.appendChild(el("p", "note", w("office.plan_reference_missing")));
            });
          }
          if (res.status === 409) return res.json().then(function (j) { blocked(out, j); });
          return failure(res).then(function (m) { out.appendChild(el("p", "error", m)); });
        });
    }

    function blocked(out, j) {
      out.appendChild(el("p", "error", w("office.blocked")));
      var ul = el("ul", "blockers");
      j.document.findings.forEach(function (f) {
        if (f.severity === "error") ul.appendChild(el("li", null, f.code + ": " + f.message + " → " + f.hint));
      });
      j.document.files.forEach(function (file) {
        file.findings.forEach(function (f) {
          if (f.severity === "error") ul.appendChild(el("li", null, (file.unit || file.path) + " · " + f.code + (f.cell ? " " + f.cell : "") + ": " + f.message));
        });
      });
      out.appendChild(ul);
      var b = el("button", null, w("office.partial"));
      b.type = "button";
      b.id = "partial";
      b.addEventListener("click", function () { compile(true); });
      out.appendChild(b);
    }
  }

  if (page === "unit") unitPage();
  else if (page === "login") loginPage();
  else if (page === "office") officePage();
})();
