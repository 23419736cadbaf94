// Put the search query into the normal form of the search index (cnn_site/site/search_index.py,
// `normalise`; a browser test compares the two): Arabic keyboard letters, ئ/ی, هٔ / ه‌ی / ه,
// a ZWNJ or nothing inside a word, Persian or Arabic-Indic digits, thousands separators.
// The query is rewritten on its way to Material's search worker, so the search box keeps
// what the student typed.
(function () {
  var letters = { "ي": "ی", "ى": "ی", "ئ": "ی", "ك": "ک", "ة": "ه", "ۀ": "ه", "أ": "ا", "إ": "ا",
                  "ٱ": "ا", "ؤ": "و", "٫": ".", "ـ": "", "\u200d": "", "\u200e": "", "\u200f": "",
                  "\ufeff": "" };
  for (var d = 0; d < 10; d++) {
    letters[String.fromCharCode(0x06f0 + d)] = String(d);
    letters[String.fromCharCode(0x0660 + d)] = String(d);
  }
  var letter = new RegExp("[" + Object.keys(letters).join("") + "]", "g");
  var diacritics = /[\u064b-\u065f\u0670]/g;
  var ezafe = /ه[\u200c ]ی(?=[\s.,،؛:!?؟»)]|$)/g;
  var thousands = /(?<=\d)(?:[,٬،]|\{,\})(?=\d{3}(?!\d))/g;
  var spellings = { "جستجو": "جستوجو" };

  window.normaliseSearchText = function (text) {
    text = text.replace(letter, function (ch) { return letters[ch]; }).replace(diacritics, "");
    text = text.replace(ezafe, "ه").replace(thousands, "").replace(/\u200c/g, "");
    for (var variant in spellings) text = text.split(variant).join(spellings[variant]);
    return text;
  };

  // Material posts {type: 2 (query), data: "the query"} to its worker (a Worker, or
  // iframe-worker's shim under file://) whenever the search box changes.
  var post = window.Worker.prototype.postMessage;
  window.Worker.prototype.postMessage = function (message) {
    if (message && message.type === 2 && typeof message.data === "string") {
      message = { type: 2, data: window.normaliseSearchText(message.data) };
    }
    return post.apply(this, arguments.length > 1 ? [message].concat([].slice.call(arguments, 1)) : [message]);
  };
})();
