// The workbench page: re-score after every change, undo, save, warn before leaving.
// No framework and no inline script (the Content-Security-Policy allows neither).
"use strict";

(function () {
  const form = document.getElementById("assessment");
  if (!form) return;
  const panel = document.getElementById("panel");
  const status = document.getElementById("status");
  const undoButton = document.getElementById("undo");
  const conflict = document.getElementById("conflict");
  let base = form.dataset.base;
  let dirty = false;
  let timer = null;
  let pending = null;
  const undo = [];
  const before = new Map();

  function valuesOf(name) {
    return Array.from(form.elements).filter((el) => el.name === name);
  }

  function snapshot(name) {
    return valuesOf(name).map((el) =>
      el.type === "checkbox" || el.type === "radio" ? el.checked : el.value
    );
  }

  function restore(name, values) {
    valuesOf(name).forEach((el, i) => {
      if (el.type === "checkbox" || el.type === "radio") el.checked = values[i];
      else el.value = values[i];
    });
  }

  function setStatus(text, kind) {
    status.textContent = text;
    status.dataset.kind = kind || "";
  }

  function showProblems(fields) {
    form.querySelectorAll("[data-problems-for]").forEach((el) => {
      const messages = fields[el.dataset.problemsFor] || [];
      el.textContent = messages.join(" · ");
      const holder = el.closest("[data-field]");
      if (holder) holder.classList.toggle("has-problem", messages.length > 0);
    });
  }

  async function evaluate() {
    timer = null;
    const body = new FormData(form);
    const request = fetch(form.dataset.evaluate, { method: "POST", body: body });
    pending = request;
    let answer;
    try {
      const response = await request;
      answer = await response.json();
    } catch (error) {
      setStatus(status.dataset.unreachable, "error");
      return;
    }
    if (pending !== request) return; // a later change is on its way
    panel.innerHTML = answer.panel;
    showProblems(answer.fields || {});
    form.dispatchEvent(new CustomEvent("scored", { detail: answer }));
  }

  function changed(target) {
    if (!target.name) return;
    dirty = true;
    setStatus(status.dataset.unsaved, "unsaved");
    if (timer) clearTimeout(timer);
    timer = setTimeout(evaluate, 120);
  }

  form.addEventListener("focusin", (event) => {
    const name = event.target.name;
    if (name && !before.has(name)) before.set(name, snapshot(name));
  });
  form.addEventListener("change", (event) => {
    const name = event.target.name;
    if (!name) return;
    const previous = before.get(name);
    const now = snapshot(name);
    if (previous && JSON.stringify(previous) !== JSON.stringify(now)) {
      undo.push([name, previous]);
      undoButton.disabled = false;
    }
    before.set(name, now);
    changed(event.target);
  });
  form.addEventListener("input", (event) => changed(event.target));

  undoButton.addEventListener("click", () => {
    const last = undo.pop();
    if (!last) return;
    const [name, values] = last;
    restore(name, values);
    before.set(name, values);
    undoButton.disabled = undo.length === 0;
    const first = valuesOf(name)[0];
    if (first) first.focus();
    changed(first);
  });

  document.getElementById("save").addEventListener("click", async () => {
    setStatus(status.dataset.saving, "busy");
    const url = form.dataset.save + "&base=" + encodeURIComponent(base);
    let response, answer;
    try {
      response = await fetch(url, { method: "POST", body: new FormData(form) });
      answer = await response.json();
    } catch (error) {
      setStatus(status.dataset.unreachable, "error"); // nothing was saved; the page keeps it all
      return;
    }
    if (response.status === 409) {
      conflict.innerHTML = answer.conflict;
      setStatus(status.dataset.conflict, "error");
      return;
    }
    conflict.innerHTML = "";
    base = answer.digest;
    dirty = false;
    setStatus(status.dataset.saved, "saved");
  });

  window.addEventListener("beforeunload", (event) => {
    if (!dirty) return;
    event.preventDefault();
    event.returnValue = "";
  });

  // Every listener is in place: changes from now on are scored (tests wait for this).
  form.dataset.ready = "true";
})();
