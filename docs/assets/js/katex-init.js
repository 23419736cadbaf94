// Render math with the vendored KaTeX: Arithmatex spans on Markdown pages,
// $...$ in notebook Markdown cells on lab pages. Math always reads left to right.
document.addEventListener("DOMContentLoaded", function () {
  var options = {
    delimiters: [
      { left: "$$", right: "$$", display: true },
      { left: "\\[", right: "\\]", display: true },
      { left: "$", right: "$", display: false },
      { left: "\\(", right: "\\)", display: false }
    ],
    throwOnError: false
  };
  document.querySelectorAll(".arithmatex, .jp-RenderedMarkdown").forEach(function (el) {
    renderMathInElement(el, options);
  });
});
