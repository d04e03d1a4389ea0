// The offline page: a file chosen or dropped → checked by the embedded module with
// the embedded plan → the unit, the findings as `baocao check` words them, and the
// sheet with the cells in error marked (assets/sheet-view.js, shared with
// `baocao serve`). Nothing leaves the computer; text is set with textContent only.
(function () {
  "use strict";
  if (typeof document === "undefined") return;  // under node (tests/page): the checker only
  var planText = document.getElementById("plan").textContent;
  var vocabularyText = document.getElementById("vocabulary").textContent;
  var plan = JSON.parse(planText);
  var out = document.getElementById("result");
  var input = document.getElementById("file");
  var drop = document.getElementById("drop");
  var checker = null;
  var pending = null;
  var seq = 0;

  function el(tag, cls, text) {
    var e = document.createElement(tag);
    if (cls) e.className = cls;
    if (text !== undefined && text !== null) e.textContent = text;
    return e;
  }

  function unitName(code) {
    for (var i = 0; i < (plan.units || []).length; i++) if (plan.units[i].code === code) return plan.units[i].name;
    return code;
  }

  function showError(m) {
    out.textContent = "";
    out.appendChild(el("p", "error", m)).setAttribute("role", "alert");
  }

  function checkFile(file) {
    var my = ++seq;
    out.textContent = "";
    out.appendChild(el("p", "busy", "Đang kiểm tra " + file.name + "…"));
    var started = Date.now();
    file.arrayBuffer().then(function (buf) {
      return checker.check(file.name, new Uint8Array(buf), planText, vocabularyText, "vi");
    }).then(function (a) {
      if (my !== seq) return;  // a newer file replaced this one
      if (a.error) return showError("Kế hoạch trong trang này không dùng được: " + a.error);
      show(file.name, a, Date.now() - started);
    }, function (e) {
      if (my === seq) showError("Không kiểm tra được tệp: " + e);
    });
  }

  function show(name, a, ms) {
    var doc = a.document, f = doc.files[0], s = doc.summary;
    out.textContent = "";
    var sum = el("section", "card summary");
    sum.id = "summary";
    sum.setAttribute("data-ms", String(ms));
    sum.appendChild(el("h2", null, name));
    if (f.unit) sum.appendChild(el("p", "unit", "Đơn vị: " + unitName(f.unit) + " (" + f.unit + ")"));
    if (f.sheet) sum.appendChild(el("p", null, "Trang tính: " + f.sheet + " · Số dòng kết quả: " + f.rows));
    if (s.errors > 0) sum.appendChild(el("p", "error", "Tệp còn " + s.errors + " lỗi, cần sửa trước khi gửi."));
    else sum.appendChild(el("p", "ok", "Biểu hợp lệ, có thể gửi"));
    if (s.warnings > 0) sum.appendChild(el("p", "warn", s.warnings + " cảnh báo (không chặn việc gửi, nên xem lại)."));
    out.appendChild(sum);

    if (f.findings.length) {
      var sec = el("section", "card");
      sec.appendChild(el("h2", null, "Các lỗi và cảnh báo"));
      var t = el("table", "findings");
      t.id = "findings";
      var hr = el("tr");
      ["Mã", "Ô", "Nội dung", "Cách sửa"].forEach(function (h) { hr.appendChild(el("th", null, h)); });
      t.appendChild(hr);
      f.findings.forEach(function (x) {
        var tr = el("tr", x.severity);
        tr.appendChild(el("td", "code", x.code));
        tr.appendChild(el("td", "cell", x.cell ? (x.sheet && x.sheet !== f.sheet ? x.sheet + "!" : "") + x.cell : ""));
        tr.appendChild(el("td", null, x.message));
        tr.appendChild(el("td", null, x.hint));
        t.appendChild(tr);
      });
      sec.appendChild(t);
      out.appendChild(sec);
    }
    if (a.view) {
      var vs = el("section", "card");
      vs.appendChild(el("h2", null, "Vị trí trong trang tính (di chuột hoặc chạm vào ô được tô để xem lỗi)"));
      var box = el("div", "sheet-view");
      box.id = "sheet";
      vs.appendChild(box);
      out.appendChild(vs);
      BaocaoSheetView.render(box, a.view, { labels: {
        sheet: "Trang tính",
        truncated: "Trang tính dài hơn phần hiển thị; xem danh sách lỗi ở trên.",
        other: "Lỗi không gắn với ô hiển thị:"
      } });
    }
  }

  function take(file) {
    if (!file) return;
    if (checker) checkFile(file); else pending = file;
  }

  input.addEventListener("change", function () { take(input.files[0]); input.value = ""; });
  ["dragenter", "dragover"].forEach(function (ev) {
    drop.addEventListener(ev, function (e) { e.preventDefault(); drop.classList.add("over"); });
  });
  ["dragleave", "drop"].forEach(function (ev) {
    drop.addEventListener(ev, function (e) { e.preventDefault(); drop.classList.remove("over"); });
  });
  drop.addEventListener("drop", function (e) { take(e.dataTransfer.files[0]); });
  // A file dropped beside the box must not make the browser open it.
  ["dragover", "drop"].forEach(function (ev) {
    window.addEventListener(ev, function (e) { e.preventDefault(); });
  });

  var wasm;
  try {
    wasm = BaocaoModule.fromBase64(document.getElementById("module").textContent);
  } catch (e) {
    showError("Trang bị hỏng (không đọc được bộ kiểm tra): " + e);
    return;
  }
  BaocaoModule.load(wasm).then(function (c) {
    checker = c;
    var loading = document.getElementById("loading");
    if (loading) loading.remove();
    document.body.setAttribute("data-ready", "1");
    if (pending) checkFile(pending);
  }, function (e) {
    showError("Trình duyệt này không chạy được bộ kiểm tra (cần Edge, Chrome, Firefox hoặc Cốc Cốc bản mới): " + e);
  });
})();
