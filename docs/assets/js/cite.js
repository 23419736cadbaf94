// "Cite this page" (cnn_site/pages/citation.py): when the reader opens the box, fill in today as the
// retrieval date, in the page's calendar (Intl.DateTimeFormat; Solar Hijri on Persian
// pages), ISO in BibTeX's urldate; and add the section the reader is looking at (#anchor)
// to the addresses.
(function () {
  function pad(n) { return (n < 10 ? "0" : "") + n; }

  function today(form, locale) {
    var now = new Date();  // the reader's own day, in their time zone
    if (form === "iso") return now.getFullYear() + "-" + pad(now.getMonth() + 1) + "-" + pad(now.getDate());
    return new Intl.DateTimeFormat(locale, { year: "numeric", month: "long", day: "numeric" }).format(now);
  }

  function update(box) {
    var base = box.getAttribute("data-cite-url");
    box.querySelectorAll("code[data-cite-date]").forEach(function (code) {
      if (!code.hasAttribute("data-text")) code.setAttribute("data-text", code.textContent);
      var text = code.getAttribute("data-text").split(base).join(base + location.hash);
      if (box.open) {
        var date = today(code.getAttribute("data-cite-date"), box.getAttribute("data-cite-locale"));
        text = text.split(code.getAttribute("data-cite-placeholder")).join(date);
      }
      code.textContent = text;
    });
  }

  function updateAll() { document.querySelectorAll("details[data-cite-url]").forEach(update); }

  window.addEventListener("hashchange", updateAll);
  document.addEventListener("DOMContentLoaded", function () {
    updateAll();
    document.querySelectorAll("details[data-cite-url]").forEach(function (box) {
      box.addEventListener("toggle", function () { update(box); });
    });
  });
})();
