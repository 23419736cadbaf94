// Steps through the convolution animations of "What a convolution computes".
// The page holds everything: the SVG grids at frame 0 (what prints, and what a reader
// without JavaScript sees), the frames as JSON (snippets/animations.py) and the words of
// the controls in the page's language. Plain JavaScript, no network, works from file://.
(function () {
  "use strict";

  var DELAY = 900; // milliseconds per frame while playing
  var motion = window.matchMedia ? window.matchMedia("(prefers-reduced-motion: reduce)") : null;

  function lessMotion() {
    return !!(motion && motion.matches);
  }

  function Stepper(root) {
    this.root = root;
    this.frames = JSON.parse(root.querySelector('script[type="application/json"]').textContent);
    this.inputs = root.querySelectorAll(".cs-input rect");
    this.outputs = root.querySelectorAll(".cs-output rect");
    this.outputTexts = root.querySelectorAll(".cs-output text");
    this.count = root.querySelector(".cs-count");
    this.sum = root.querySelector(".cs-sum");
    this.status = root.querySelector(".cs-status");
    this.play = root.querySelector(".cs-play");
    this.lang = document.documentElement.lang || "en";
    this.index = 0;
    this.timer = null;
    var self = this;
    root.querySelector(".cs-prev").addEventListener("click", function () { self.stop(); self.show(self.index - 1); });
    root.querySelector(".cs-next").addEventListener("click", function () { self.stop(); self.show(self.index + 1); });
    this.play.addEventListener("click", function () { if (self.timer) self.stop(); else self.start(); });
    root.querySelector(".cs-controls").hidden = false;
    root.stepper = this;
    this.show(0);
  }

  Stepper.prototype.show = function (index) {
    var n = this.frames.length;
    this.index = (index % n + n) % n;
    var frame = this.frames[this.index], on = {};
    frame.t.forEach(function (i) { on[i] = true; });
    this.inputs.forEach(function (rect, i) { rect.classList.toggle("cs-on", !!on[i]); });
    var shown = {};
    this.frames.forEach(function (f, i) { if (i <= this.index) shown[f.o] = true; }, this);
    this.outputs.forEach(function (rect, i) {
      rect.classList.toggle("cs-on", i === frame.o);
      rect.classList.toggle("cs-done", !!shown[i] && i !== frame.o);
    });
    this.outputTexts.forEach(function (text, i) { text.style.visibility = shown[i] ? "" : "hidden"; });
    var words = this.root.dataset.step.replace("{n}", (this.index + 1).toLocaleString(this.lang))
      .replace("{total}", n.toLocaleString(this.lang));
    this.count.textContent = words;
    if (this.sum) this.sum.textContent = frame.s;
    this.root.dataset.frame = String(this.index);
  };

  Stepper.prototype.start = function () {
    var self = this;
    this.play.textContent = this.root.dataset.pause;
    this.play.setAttribute("aria-pressed", "true");
    this.status.setAttribute("aria-live", "off"); // no announcement every frame while playing
    this.timer = window.setInterval(function () { self.show(self.index + 1); }, DELAY);
  };

  Stepper.prototype.stop = function () {
    if (this.timer) window.clearInterval(this.timer);
    this.timer = null;
    this.play.textContent = this.root.dataset.play;
    this.play.setAttribute("aria-pressed", "false");
    this.status.setAttribute("aria-live", "polite");
  };

  function start() {
    var steppers = [];
    document.querySelectorAll(".conv-stepper").forEach(function (root) {
      if (!root.stepper) steppers.push(new Stepper(root));
    });
    // Play only what is on screen, and never on its own while the reader asks for less
    // motion (checked each time: the setting can change while the page is open).
    if (!("IntersectionObserver" in window)) return;
    var seen = new IntersectionObserver(function (entries) {
      entries.forEach(function (entry) {
        var stepper = entry.target.stepper;
        if (entry.isIntersecting && !stepper.timer && !stepper.touched && !lessMotion()) stepper.start();
        else if (!entry.isIntersecting && stepper.timer && !stepper.touched) stepper.stop();
      });
    }, { threshold: 0.6 });
    steppers.forEach(function (stepper) {
      stepper.root.querySelector(".cs-controls").addEventListener("click", function () { stepper.touched = true; });
      seen.observe(stepper.root);
    });
    if (motion && motion.addEventListener) {
      motion.addEventListener("change", function () {
        if (lessMotion()) steppers.forEach(function (s) { if (s.timer && !s.touched) s.stop(); });
      });
    }
  }
  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", start); else start();
})();
