// The convolution explorer of "What a convolution computes": choose or type a kernel,
// a stride and a padding, and see the output on the photograph and on a 5x5 matrix.
// Plain JavaScript, no network, works from file://. Output sizes come from the shape
// calculator's outputLength (shape-calculator.js, the rule of snippets/shapes.py);
// tests/test_explorer.py holds convolve() to a Keras Conv2D and to cv2.filter2D.
(function () {
  "use strict";

  var MAX_KERNEL = 7;

  // Zeros before the first row (or column): Keras' "same" puts the odd one after.
  function padBefore(size, kernel, stride, padding) {
    if (padding !== "same") return 0;
    var out = window.shapeCalculator.outputLength(size, kernel, stride, "same", 1);
    return Math.floor(Math.max((out - 1) * stride + kernel - size, 0) / 2);
  }

  // Cross-correlation of a matrix (array of rows) with a square kernel: what Conv2D computes.
  function convolve(matrix, kernel, stride, padding) {
    var rows = matrix.length, cols = matrix[0].length, k = kernel.length;
    var length = window.shapeCalculator.outputLength;
    var outRows = length(rows, k, stride, padding, 1), outCols = length(cols, k, stride, padding, 1);
    if (outRows <= 0 || outCols <= 0) return null;
    var top = padBefore(rows, k, stride, padding), left = padBefore(cols, k, stride, padding);
    var out = [];
    for (var r = 0; r < outRows; r++) {
      var row = [];
      for (var c = 0; c < outCols; c++) {
        var sum = 0;
        for (var i = 0; i < k; i++) {
          var y = r * stride + i - top;
          if (y < 0 || y >= rows) continue; // a padding zero adds nothing
          for (var j = 0; j < k; j++) {
            var x = c * stride + j - left;
            if (x >= 0 && x < cols) sum += matrix[y][x] * kernel[i][j];
          }
        }
        row.push(sum);
      }
      out.push(row);
    }
    return out;
  }

  // "1 0 -1" lines, or "1/9" fractions, to a square kernel; an error with .code otherwise.
  function parseKernel(text) {
    var lines = text.trim().split(/\n+/).map(function (line) { return line.trim().split(/[\s,]+/); });
    var kernel = lines.map(function (cells) {
      return cells.map(function (cell) {
        var parts = cell.split("/");
        var value = parts.length === 2 ? Number(parts[0]) / Number(parts[1]) : Number(cell);
        if (parts.length > 2 || cell === "" || !isFinite(value)) {
          var error = new Error("number"); error.code = "number"; error.value = cell; throw error;
        }
        return value;
      });
    });
    var k = kernel.length;
    if (k < 1 || k > MAX_KERNEL || !kernel.every(function (row) { return row.length === k; })) {
      var error = new Error("square"); error.code = "square"; throw error;
    }
    return kernel;
  }

  function photoMatrix(photo) {
    var bytes = atob(photo.data), rows = [];
    for (var r = 0; r < photo.height; r++) {
      var row = new Array(photo.width);
      for (var c = 0; c < photo.width; c++) row[c] = bytes.charCodeAt(r * photo.width + c);
      rows.push(row);
    }
    return rows;
  }

  // Grey levels when nothing is negative (black 0, white the largest); else red/white/blue.
  function draw(canvas, matrix) {
    var rows = matrix.length, cols = matrix[0].length, low = Infinity, high = -Infinity;
    matrix.forEach(function (row) { row.forEach(function (v) { low = Math.min(low, v); high = Math.max(high, v); }); });
    var signed = low < -1e-9, scale = Math.max(Math.abs(low), Math.abs(high)) || 1;
    canvas.width = cols; canvas.height = rows;
    var context = canvas.getContext("2d"), image = context.createImageData(cols, rows);
    for (var r = 0; r < rows; r++) {
      for (var c = 0; c < cols; c++) {
        var v = matrix[r][c], p = 4 * (r * cols + c), rgb;
        if (signed) {
          var t = Math.round(255 * (1 - Math.min(Math.abs(v) / scale, 1)));
          rgb = v >= 0 ? [255, t, t] : [t, t, 255];
        } else {
          var g = Math.round(255 * Math.max(v, 0) / scale);
          rgb = [g, g, g];
        }
        image.data[p] = rgb[0]; image.data[p + 1] = rgb[1]; image.data[p + 2] = rgb[2]; image.data[p + 3] = 255;
      }
    }
    context.putImageData(image, 0, 0);
    return signed;
  }

  function number(v) {
    var rounded = Math.round(v * 1000) / 1000;
    return String(rounded === 0 ? 0 : rounded); // no "-0"
  }

  function table(matrix, className) {
    var node = document.createElement("table");
    node.className = className;
    matrix.forEach(function (row) {
      var tr = node.insertRow();
      row.forEach(function (v) { tr.insertCell().textContent = number(v); });
    });
    return node;
  }

  function Explorer(root) {
    this.root = root;
    this.presets = JSON.parse(root.dataset.presets);
    this.messages = JSON.parse(root.dataset.messages);
    this.matrix = JSON.parse(root.dataset.matrix);
    this.photo = window.convExplorerPhoto ? photoMatrix(window.convExplorerPhoto) : null;
    this.weights = root.querySelector(".ce-weights");
    this.lang = document.documentElement.lang || "en";
    var self = this;
    root.querySelectorAll('input[name="ce-kernel"]').forEach(function (radio) {
      radio.addEventListener("change", function () { self.choose(radio.value); });
    });
    this.weights.addEventListener("input", function () {
      root.querySelector('input[value="custom"]').checked = true;
      self.update();
    });
    root.querySelectorAll("select").forEach(function (select) {
      select.addEventListener("change", function () { self.update(); });
    });
    if (this.photo) draw(root.querySelector(".ce-photo-in"), this.photo);
    root.explorer = this;
    var wanted = /^#explorer-(.+)$/.exec(window.location.hash);
    if (wanted && this.presets[wanted[1]]) {
      root.querySelector('input[value="' + wanted[1] + '"]').checked = true;
      this.choose(wanted[1]);
    } else {
      this.update();
    }
  }

  Explorer.prototype.choose = function (name) {
    if (this.presets[name] !== undefined) this.weights.value = this.presets[name];
    this.update();
  };

  Explorer.prototype.words = function (key, values) {
    var text = this.messages[key], lang = this.lang;
    Object.keys(values || {}).forEach(function (name) {
      var v = values[name];
      text = text.replace("{" + name + "}", typeof v === "number" ? v.toLocaleString(lang) : v);
    });
    return text;
  };

  Explorer.prototype.update = function () {
    var root = this.root, error = root.querySelector(".ce-error");
    var stride = Number(root.querySelector(".ce-stride").value), padding = root.querySelector(".ce-padding").value;
    var kernel;
    try {
      kernel = parseKernel(this.weights.value);
    } catch (e) {
      return this.fail(this.words(e.code, { value: e.value }));
    }
    var numbers = convolve(this.matrix, kernel, stride, padding);
    if (!numbers) return this.fail(this.words("large"));
    error.textContent = "";
    this.weights.setAttribute("aria-invalid", "false");
    root.classList.remove("ce-failed");
    var matrices = root.querySelector(".ce-matrices");
    matrices.textContent = "";
    matrices.appendChild(table(this.matrix, "ce-input"));
    matrices.appendChild(table(numbers, "ce-output"));
    root.querySelector(".ce-matrix-shape").textContent = this.words("shape", { rows: numbers.length, cols: numbers[0].length });
    if (this.photo) {
      var out = convolve(this.photo, kernel, stride, padding);
      var signed = draw(root.querySelector(".ce-photo-out"), out);
      root.querySelector(".ce-shape").textContent = this.words("shape", { rows: out.length, cols: out[0].length });
      root.querySelector(".ce-legend").textContent = this.words(signed ? "signed" : "grey");
    }
  };

  Explorer.prototype.fail = function (message) {
    this.root.querySelector(".ce-error").textContent = message;
    this.weights.setAttribute("aria-invalid", "true");
    this.root.classList.add("ce-failed");
  };

  window.convExplorer = { convolve: convolve, parseKernel: parseKernel };

  function start() {
    document.querySelectorAll(".conv-explorer").forEach(function (root) {
      if (!root.explorer) new Explorer(root);
    });
  }
  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", start); else start();
})();
