// Put the search query into the normal form of the search index (hooks/search_normalize.py):
// Arabic letter variants become Persian letters, Persian and Arabic-Indic digits Latin ones.
(function () {
  var map = { "ي": "ی", "ى": "ی", "ك": "ک", "ة": "ه", "ۀ": "ه", "ـ": "" };
  for (var d = 0; d < 10; d++) {
    map[String.fromCharCode(0x06f0 + d)] = String(d);
    map[String.fromCharCode(0x0660 + d)] = String(d);
  }
  var pattern = new RegExp("[" + Object.keys(map).join("") + "]", "g");
  window.normaliseSearchText = function (text) {
    return text.replace(pattern, function (ch) { return map[ch]; });
  };
  // Capture phase: runs before Material reads the field.
  ["input", "keyup"].forEach(function (type) {
    document.addEventListener(type, function (event) {
      var field = event.target;
      if (!field.matches || !field.matches(".md-search__input")) return;
      var normal = window.normaliseSearchText(field.value);
      if (normal !== field.value) {
        var caret = field.selectionStart - (field.value.length - normal.length);
        field.value = normal;
        field.setSelectionRange(caret, caret);
      }
    }, true);
  });
})();
