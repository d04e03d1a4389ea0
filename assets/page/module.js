// The offline page's checker: runs `baocao`'s WebAssembly module (page/src/lib.rs)
// on one file's bytes. Works in a browser and under node (the tests). Each check
// gets a fresh instance of the compiled module, so a reader that aborts (a trap:
// the browser has no unwinding) leaves nothing behind; the fresh instance is then
// asked for the E001 the command line gives for a reader that panicked.
(function (global) {
  "use strict";
  var NAME = 0, FILE = 1, PLAN = 2, VOCABULARY = 3;

  // The module links a few imports it never calls when reading (wasm-bindgen's
  // placeholders, through `zip`'s getrandom); each is a stub that throws.
  function stubs(module) {
    var imports = {};
    WebAssembly.Module.imports(module).forEach(function (imp) {
      if (imp.kind !== "function") return;
      (imports[imp.module] = imports[imp.module] || {})[imp.name] = function () {
        throw new Error("unsupported import " + imp.module + "." + imp.name);
      };
    });
    return imports;
  }

  function utf8(s) { return new TextEncoder().encode(s); }

  function put(ex, slot, bytes) {
    var at = ex.page_buffer(slot, bytes.length);
    new Uint8Array(ex.memory.buffer, at, bytes.length).set(bytes);
  }

  function answer(ex, len) {
    var bytes = new Uint8Array(ex.memory.buffer, ex.page_output(), len);
    return JSON.parse(new TextDecoder().decode(bytes));
  }

  // `wasm`: the module's bytes. Resolves to a checker with
  // `check(name, bytes, planText, vocabularyText, lang)` → Promise of
  // {document, view} | {error}; `lang` is "vi" (default) or "en".
  function load(wasm) {
    return WebAssembly.compile(wasm).then(function (module) {
      var imports = stubs(module);
      function fresh() {
        return WebAssembly.instantiate(module, imports).then(function (i) { return i.exports; });
      }
      function check(name, bytes, planText, vocabularyText, lang) {
        var code = lang === "en" ? 1 : 0;
        var nameBytes = utf8(name), planBytes = utf8(planText);
        var vocabularyBytes = utf8(vocabularyText);
        return fresh().then(function (ex) {
          try {
            put(ex, NAME, nameBytes);
            put(ex, PLAN, planBytes);
            put(ex, VOCABULARY, vocabularyBytes);
            put(ex, FILE, bytes);
            return answer(ex, ex.page_check(code));
          } catch (e) {
            return fresh().then(function (ex2) {
              put(ex2, NAME, nameBytes);
              var a = answer(ex2, ex2.page_aborted(code));
              a.aborted = String(e);
              return a;
            });
          }
        });
      }
      return { check: check };
    });
  }

  // The module's bytes from base64 (the page embeds them so).
  function fromBase64(text) {
    var bin = atob(text.replace(/\s+/g, ""));
    var out = new Uint8Array(bin.length);
    for (var i = 0; i < bin.length; i++) out[i] = bin.charCodeAt(i);
    return out;
  }

  global.BaocaoModule = { load: load, fromBase64: fromBase64 };
})(typeof window !== "undefined" ? window : globalThis);
