// Add the section the reader is looking at (#anchor) to the "Cite this page" addresses.
(function () {
  function update() {
    document.querySelectorAll("[data-cite-url]").forEach(function (box) {
      var base = box.getAttribute("data-cite-url");
      box.querySelectorAll("code").forEach(function (code) {
        if (!code.hasAttribute("data-text")) code.setAttribute("data-text", code.textContent);
        code.textContent = code.getAttribute("data-text").split(base).join(base + location.hash);
      });
    });
  }
  window.addEventListener("hashchange", update);
  document.addEventListener("DOMContentLoaded", update);
})();
