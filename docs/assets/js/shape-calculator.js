// Shape and parameter calculator for the page "Output shapes and parameters".
// Plain JavaScript, no network, works from file://. The arithmetic follows
// snippets/shapes.py rule for rule, with the same error codes; tests/test_calculator.py
// checks it against Keras' own answers for a few hundred random layer stacks.
(function () {
  "use strict";

  // ---- The arithmetic (pure functions; the page's form below only calls compute) ----

  var KINDS = {
    Conv1D: ["conv", 1], Conv2D: ["conv", 2], Conv3D: ["conv", 3],
    LocallyConnected2D: ["local", 2], Flatten: ["flatten", 0], Dense: ["dense", 0], Dropout: ["dropout", 0]
  };
  [1, 2, 3].forEach(function (n) {
    KINDS["MaxPooling" + n + "D"] = ["pool", n];
    KINDS["AveragePooling" + n + "D"] = ["pool", n];
    KINDS["GlobalMaxPooling" + n + "D"] = ["global", n];
    KINDS["GlobalAveragePooling" + n + "D"] = ["global", n];
  });

  function fail(code, details) {
    var error = new Error(code);
    error.code = code;
    error.details = details || {};
    throw error;
  }

  function isPositiveInt(v) {
    return typeof v === "number" && Number.isInteger(v) && v > 0;
  }

  // An int, or a list of n ints (one per spatial axis), as a list of n positive ints.
  function axes(value, n, field) {
    var values = Array.isArray(value) ? value.slice() : Array(n).fill(value);
    if (values.length !== n || !values.every(isPositiveInt)) fail("value", { field: field, count: n });
    return values;
  }

  function positive(spec, field) {
    if (!isPositiveInt(spec[field])) fail("value", { field: field, count: 1 });
    return spec[field];
  }

  // Output length along one axis (Dumoulin & Visin 2016, relationships 6 and 15; Keras' "same").
  function outputLength(size, kernel, stride, padding, dilation) {
    if (padding === "same") return Math.ceil(size / stride);
    var pad = padding === "valid" ? 0 : padding;
    var effective = kernel + (kernel - 1) * (dilation - 1);
    return Math.floor((size + 2 * pad - effective) / stride) + 1;
  }

  function product(values) {
    return values.reduce(function (a, b) { return a * b; }, 1);
  }

  function paddingOf(spec, kind) {
    var padding = spec.padding === undefined || spec.padding === null ? "valid" : spec.padding;
    var explicit = typeof padding === "number" && Number.isInteger(padding) && padding >= 0;
    if (padding !== "valid" && padding !== "same" && !explicit) fail("value", { field: "padding", count: 1 });
    if (kind === "local" && padding === "same") fail("padding", {});
    return padding;
  }

  function windowsOf(spec, kind, n) {
    var key = kind === "pool" ? "pool_size" : "kernel_size";
    var kernel = axes(spec[key], n, key);
    var strides = spec.strides === undefined || spec.strides === null ? (kind === "pool" ? kernel : 1) : spec.strides;
    strides = axes(strides, n, "strides");
    var dilation = axes(spec.dilation_rate === undefined || spec.dilation_rate === null ? 1 : spec.dilation_rate, n, "dilation_rate");
    if (kind === "local" && Math.max.apply(null, dilation) > 1) fail("value", { field: "dilation_rate", count: 1 });
    if (Math.max.apply(null, strides) > 1 && Math.max.apply(null, dilation) > 1) fail("dilation-stride", {});
    return { kernel: kernel, strides: strides, dilation: dilation, padding: paddingOf(spec, kind) };
  }

  // Output shape (no batch axis) and parameter count of one layer; throws an error with .code.
  function layerOutput(spec, shape) {
    var entry = KINDS[spec.layer];
    if (!entry) fail("value", { field: "layer", count: 1 });
    var kind = entry[0], n = entry[1];
    if (kind === "dense") {
      var units = positive(spec, "units");
      return { shape: shape.slice(0, -1).concat([units]), params: (shape[shape.length - 1] + 1) * units };
    }
    if (kind === "flatten") return { shape: [product(shape)], params: 0 };
    if (kind === "dropout") return { shape: shape.slice(), params: 0 };
    var filters = kind === "conv" || kind === "local" ? positive(spec, "filters") : 0;
    var rank = function () {
      if (shape.length !== n + 1) fail("rank", { layer: spec.layer, expected: n + 1, got: shape.length });
    };
    if (kind === "global") {
      rank();
      return { shape: [shape[shape.length - 1]], params: 0 };
    }
    var w = windowsOf(spec, kind, n);
    rank();
    var out = [];
    for (var i = 0; i < n; i++) {
      out.push(outputLength(shape[i], w.kernel[i], w.strides[i], w.padding, kind === "pool" ? 1 : w.dilation[i]));
    }
    var worst = out.indexOf(Math.min.apply(null, out));
    if (out[worst] <= 0) fail("nonpositive", { axis: worst, size: out[worst] });
    var channels = shape[shape.length - 1];
    if (kind === "pool") return { shape: out.concat([channels]), params: 0 };
    var convParams = (product(w.kernel) * channels + 1) * filters;
    return { shape: out.concat([filters]), params: kind === "local" ? product(out) * convParams : convParams };
  }

  // Each layer's result in turn: {shape, params}, or {error, details} for the first impossible one.
  function compute(layers, inputShape) {
    if (!Array.isArray(inputShape) || !inputShape.length || !inputShape.every(isPositiveInt)) {
      throw new Error("inputShape must be a list of positive integers");
    }
    var results = [], shape = inputShape.slice();
    for (var i = 0; i < layers.length; i++) {
      try {
        var result = layerOutput(layers[i], shape);
      } catch (error) {
        if (!error.code) throw error;
        results.push({ error: error.code, details: error.details });
        break;
      }
      results.push(result);
      shape = result.shape;
    }
    return results;
  }

  // ---- Reading what a student types ----

  // "3", "3,5", "3x5", "۳×۵" -> 3 or [3, 5]; anything else stays a string (and fails the checks).
  function parseNumbers(text) {
    var ascii = String(text).replace(/[\u06F0-\u06F9]/g, function (d) { return d.charCodeAt(0) - 0x06F0; })
      .replace(/[\u0660-\u0669]/g, function (d) { return d.charCodeAt(0) - 0x0660; })
      .replace(/[\u066B\u066C\u060C]/g, ",").trim();
    if (ascii === "") return undefined;
    var parts = ascii.replace(/^[(\[]|[)\]]$/g, "").split(/\s*[,x×*]\s*|\s+/);
    var numbers = parts.map(function (p) { return /^-?\d+(\.\d+)?$/.test(p) ? Number(p) : NaN; });
    if (numbers.some(isNaN)) return ascii;
    return numbers.length === 1 ? numbers[0] : numbers;
  }

  function parseShape(text) {
    var value = parseNumbers(text);
    var values = Array.isArray(value) ? value : [value];
    return values.every(isPositiveInt) ? values : null;
  }

  // ---- The form on the page ----

  var TEXT = {
    en: {
      kind: { conv: "Convolution", pool: "Pooling", global: "Global pooling", local: "Unshared weights", other: "Other" },
      field: {
        filters: "filters", kernel_size: "kernel size", pool_size: "pool size", strides: "strides",
        dilation_rate: "dilation", padding: "padding", explicit: "zeros per side", units: "units", layer: "layer"
      },
      padding: { valid: "valid", same: "same", explicit: "explicit" },
      stridesHint: "blank: pool size",
      remove: "Remove layer", output: "output", params: "params",
      total: "Total parameters: ", totalBlocked: "Fix the first error to see the total.",
      inputError: "Type the input shape as positive whole numbers, e.g. 28, 28, 1.",
      errors: {
        value: function (d) {
          return "\u201c" + TEXT.en.field[d.field] + "\u201d must be a positive whole number" +
            (d.field === "padding" ? " (0 or more) or valid / same." : d.count > 1 ? ", or one per axis (e.g. 3,5)." : ".");
        },
        nonpositive: function (d) {
          return "Impossible: the output would have size " + d.size + " along axis " + (d.axis + 1) +
            ". The window does not fit in the input: use a smaller kernel, dilation or stride, add padding, or a larger input.";
        },
        "dilation-stride": function () { return "Keras does not allow strides > 1 together with dilation > 1."; },
        rank: function (d) {
          return d.layer + " needs an input with " + d.expected + " axes (spatial axes + channels), but it gets " +
            d.got + ". Add Flatten before Dense, or pick the layer of the right dimension.";
        },
        padding: function () { return "LocallyConnected2D works with padding valid (or explicit zeros) only."; }
      }
    },
    fa: {
      kind: { conv: "کانولوشن", pool: "ادغام", global: "ادغام سراسری", local: "اتصال محلی", other: "سایر" },
      field: {
        filters: "تعداد فیلتر", kernel_size: "اندازهٔ کرنل", pool_size: "اندازهٔ پنجره", strides: "گام",
        dilation_rate: "اتساع", padding: "لایه‌گذاری", explicit: "تعداد صفر در هر طرف", units: "تعداد نورون", layer: "لایه"
      },
      padding: { valid: "valid (بدون صفر)", same: "same", explicit: "صریح (صفر)" },
      stridesHint: "خالی: برابر پنجره",
      remove: "حذف لایه", output: "خروجی", params: "پارامترها",
      total: "مجموع پارامترها: ", totalBlocked: "برای دیدن مجموع، نخستین خطا را برطرف کنید.",
      inputError: "شکل ورودی را با عددهای صحیح مثبت بنویسید، مثلاً 28, 28, 1.",
      errors: {
        value: function (d) {
          return "«" + TEXT.fa.field[d.field] + "» باید عدد صحیح مثبت باشد" +
            (d.field === "padding" ? " (صفر یا بیشتر) یا valid / same." : d.count > 1 ? "، یا یک عدد برای هر محور (مثلاً 3,5)." : ".");
        },
        nonpositive: function (d) {
          // The size may be negative: isolate it so that its minus sign stays on its left.
          return "ناممکن: اندازهٔ خروجی در محور " + (d.axis + 1) + " برابر \u2066" + d.size + "\u2069" +
            " می‌شود. پنجره در ورودی جا نمی‌شود: کرنل، اتساع یا گام کوچک‌تر، لایه‌گذاری، یا ورودی بزرگ‌تر لازم است.";
        },
        "dilation-stride": function () { return "Keras گام بزرگ‌تر از ۱ را هم‌زمان با اتساع بزرگ‌تر از ۱ نمی‌پذیرد."; },
        rank: function (d) {
          return "لایهٔ " + d.layer + " ورودی با " + d.expected + " محور (محورهای مکانی + کانال) می‌خواهد، اما ورودی‌اش " +
            d.got + " محور دارد. پیش از Dense از Flatten استفاده کنید یا لایهٔ هم‌بعد را برگزینید.";
        },
        padding: function () { return "LocallyConnected2D فقط با لایه‌گذاری valid (یا صفرهای صریح) کار می‌کند."; }
      }
    }
  };

  var FIELDS = {
    conv: ["filters", "kernel_size", "strides", "padding", "dilation_rate"],
    local: ["filters", "kernel_size", "strides", "padding"],
    pool: ["pool_size", "strides", "padding"],
    dense: ["units"], global: [], flatten: [], dropout: []
  };
  var DEFAULTS = { filters: "8", kernel_size: "3", pool_size: "2", strides: "", dilation_rate: "1",
    padding: "valid", explicit: "1", units: "10" };
  var SEED = [
    { layer: "Conv2D", filters: "20", kernel_size: "7" }, { layer: "MaxPooling2D", pool_size: "2", strides: "2" },
    { layer: "Conv2D", filters: "10", kernel_size: "5" }, { layer: "LocallyConnected2D", filters: "2", kernel_size: "3" },
    { layer: "Flatten" }, { layer: "Dense", units: "10" }
  ];

  function element(tag, attributes, children) {
    var node = document.createElement(tag);
    Object.keys(attributes || {}).forEach(function (k) {
      if (k === "text") node.textContent = attributes[k]; else node.setAttribute(k, attributes[k]);
    });
    (children || []).forEach(function (child) { node.appendChild(child); });
    return node;
  }

  function shapeText(shape) {
    return "(" + shape.join(", ") + ")";
  }

  function Calculator(root) {
    this.root = root;
    this.text = TEXT[(document.documentElement.lang || "en").slice(0, 2)] || TEXT.en;
    this.layers = SEED.map(function (l) { return Object.assign({}, DEFAULTS, l); });
    this.list = root.querySelector(".sc-layers");
    this.inputShape = root.querySelector(".sc-input-shape");
    this.newType = root.querySelector(".sc-new-type");
    this.fillTypes(this.newType, "Conv2D");
    var self = this;
    this.inputShape.addEventListener("input", function () { self.update(); });
    root.querySelector(".sc-add").addEventListener("click", function () {
      self.layers.push(Object.assign({}, DEFAULTS, { layer: self.newType.value }));
      self.render();
    });
    root.querySelector(".sc-seed").addEventListener("click", function () {
      self.inputShape.value = "28, 28, 1";
      self.layers = SEED.map(function (l) { return Object.assign({}, DEFAULTS, l); });
      self.render();
    });
    root.querySelector(".sc-clear").addEventListener("click", function () { self.layers = []; self.render(); });
    this.render();
  }

  Calculator.prototype.fillTypes = function (select, chosen) {
    var groups = {}, text = this.text;
    select.textContent = "";
    Object.keys(KINDS).sort().forEach(function (name) {
      var kind = KINDS[name][0], group = kind in text.kind ? kind : "other";
      if (!groups[group]) groups[group] = element("optgroup", { label: text.kind[group] });
      groups[group].appendChild(element("option", { value: name, text: name }));
    });
    ["conv", "pool", "global", "local", "other"].forEach(function (g) { if (groups[g]) select.appendChild(groups[g]); });
    select.value = chosen;
  };

  Calculator.prototype.field = function (layer, name) {
    var self = this, text = this.text, kind = KINDS[layer.layer][0];
    var label = element("label", { "class": "sc-field" }, [element("span", { text: text.field[name] })]);
    if (name === "padding") {
      var select = element("select", { "data-field": "padding" });
      (kind === "global" ? [] : ["valid", "same", "explicit"]).forEach(function (p) {
        select.appendChild(element("option", { value: p, text: text.padding[p] }));
      });
      select.value = layer.padding;
      var amount = element("input", { "data-field": "explicit", dir: "ltr", inputmode: "numeric", size: "3",
        "aria-label": text.field.explicit, title: text.field.explicit, value: layer.explicit });
      amount.hidden = layer.padding !== "explicit";
      select.addEventListener("change", function () {
        layer.padding = select.value;
        amount.hidden = select.value !== "explicit";
        self.update();
      });
      amount.addEventListener("input", function () { layer.explicit = amount.value; self.update(); });
      label.appendChild(select);
      label.appendChild(amount);
      return label;
    }
    var input = element("input", { "data-field": name, dir: "ltr", inputmode: "numeric", size: "5", value: layer[name] });
    if (name === "strides" && kind === "pool") input.setAttribute("placeholder", text.stridesHint);
    if (name === "strides" && kind !== "pool") input.setAttribute("placeholder", "1");
    input.addEventListener("input", function () { layer[name] = input.value; self.update(); });
    label.appendChild(input);
    return label;
  };

  Calculator.prototype.render = function () {
    var self = this, text = this.text;
    this.list.textContent = "";
    this.layers.forEach(function (layer, index) {
      var type = element("select", { "class": "sc-type", "aria-label": text.field.layer });
      self.fillTypes(type, layer.layer);
      type.addEventListener("change", function () { layer.layer = type.value; self.render(); });
      var remove = element("button", { type: "button", "class": "sc-remove", title: text.remove, "aria-label": text.remove, text: "×" });
      remove.addEventListener("click", function () { self.layers.splice(index, 1); self.render(); });
      var fields = element("div", { "class": "sc-fields" },
        FIELDS[KINDS[layer.layer][0]].map(function (name) { return self.field(layer, name); }));
      var item = element("li", { "class": "sc-layer" }, [
        element("div", { "class": "sc-head" }, [type, remove]), fields,
        element("div", { "class": "sc-result", "aria-live": "polite" })
      ]);
      self.list.appendChild(item);
    });
    this.update();
  };

  // The spec that compute() reads, from what is typed; bad text stays bad and is reported.
  Calculator.prototype.spec = function (layer) {
    var spec = { layer: layer.layer };
    FIELDS[KINDS[layer.layer][0]].forEach(function (name) {
      if (name === "padding") {
        spec.padding = layer.padding === "explicit" ? parseNumbers(layer.explicit) : layer.padding;
        if (spec.padding === undefined) spec.padding = "";
      } else {
        spec[name] = parseNumbers(layer[name]);
        if (spec[name] === undefined && name !== "strides" && name !== "dilation_rate") spec[name] = "";
      }
    });
    return spec;
  };

  Calculator.prototype.update = function () {
    var text = this.text, shape = parseShape(this.inputShape.value);
    var rows = this.list.querySelectorAll(".sc-result");
    var inputError = this.root.querySelector(".sc-input-error");
    inputError.textContent = shape ? "" : text.inputError;
    this.inputShape.setAttribute("aria-invalid", shape ? "false" : "true");
    var results = shape ? compute(this.layers.map(this.spec, this), shape) : [];
    var total = 0, blocked = !shape;
    rows.forEach(function (row, i) {
      var result = results[i];
      row.textContent = "";
      row.className = "sc-result";
      if (!result) {
        row.classList.add("sc-skipped");
        row.textContent = "…";
        return;
      }
      if (result.error) {
        blocked = true;
        row.classList.add("sc-error");
        row.setAttribute("role", "alert");
        row.textContent = text.errors[result.error](result.details);
        return;
      }
      row.removeAttribute("role");
      total += result.params;
      row.appendChild(element("span", { text: text.output + " " }));
      row.appendChild(element("bdi", { "class": "sc-shape", dir: "ltr", text: shapeText(result.shape) }));
      row.appendChild(element("span", { text: " · " + text.params + " " }));
      row.appendChild(element("bdi", { "class": "sc-params", dir: "ltr", text: result.params.toLocaleString("en-US") }));
    });
    var totalNode = this.root.querySelector(".sc-total");
    totalNode.textContent = "";
    if (blocked) {
      totalNode.textContent = text.totalBlocked;
    } else {
      totalNode.appendChild(element("span", { text: text.total }));
      totalNode.appendChild(element("bdi", { "class": "sc-total-params", dir: "ltr", text: total.toLocaleString("en-US") }));
    }
  };

  window.shapeCalculator = { compute: compute, layerOutput: layerOutput, outputLength: outputLength,
    parseNumbers: parseNumbers, kinds: KINDS };

  function start() {
    document.querySelectorAll(".shape-calculator").forEach(function (root) {
      if (!root.calculator) root.calculator = new Calculator(root);
    });
  }
  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", start); else start();
})();
