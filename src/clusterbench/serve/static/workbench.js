// The workbench page: re-score after every change, undo, save, download, warn before leaving.
// No framework and no inline script (the Content-Security-Policy allows neither).
"use strict";

(function () {
  const form = document.getElementById("assessment");
  if (!form) return;
  const panel = document.getElementById("panel");
  const status = document.getElementById("status");
  const undoButton = document.getElementById("undo");
  const conflict = document.getElementById("conflict");
  const notice = document.getElementById("notice");
  const said = status.dataset;
  let base = form.dataset.base;
  let dirty = false;
  let timer = null;
  let pending = null;
  const undo = []; // [name, values] of each change, the last on top
  const before = new Map(); // each field's values when its current change began
  let typing = null; // the change being typed: {name, timer}
  let actions = 0; // saves and downloads begun: an older scoring leaves their status alone

  function fields(name) {
    return Array.from(form.elements).filter((el) => el.name === name);
  }

  function snapshot(name) {
    return fields(name).map((el) =>
      el.type === "checkbox" || el.type === "radio" ? el.checked : el.value
    );
  }

  function restore(name, values) {
    fields(name).forEach((el, i) => {
      if (el.type === "checkbox" || el.type === "radio") el.checked = values[i];
      else el.value = values[i];
    });
  }

  Array.from(form.elements).forEach((el) => {
    if (el.name && !before.has(el.name)) before.set(el.name, snapshot(el.name));
  });

  function setStatus(text, kind) {
    status.textContent = text;
    status.dataset.kind = kind || "";
  }

  function settled() {
    setStatus(dirty ? said.unsaved : said.saved, dirty ? "unsaved" : "saved");
  }

  function complain(message) {
    notice.textContent = message;
    notice.hidden = false;
    setStatus(said.problem, "error");
  }

  function quiet() {
    notice.textContent = "";
    notice.hidden = true;
  }

  // What the server said when it refused: its JSON error, else its text.
  async function failure(response) {
    if (response.status === 401) return said.token;
    let text = "";
    try {
      const type = response.headers.get("content-type") || "";
      if (type.includes("json")) text = (await response.json()).error || "";
      else if (!type.includes("html")) text = (await response.text()).trim();
    } catch (error) {
      text = "";
    }
    return said.failed.replace("%s", String(response.status)) + (text ? " " + text : "");
  }

  async function post(url) {
    try {
      return await fetch(url, { method: "POST", body: new FormData(form) });
    } catch (error) {
      return null; // nothing reached the workbench; the page keeps everything
    }
  }

  function showProblems(found) {
    form.querySelectorAll("[data-problems-for]").forEach((el) => {
      const messages = found[el.dataset.problemsFor] || [];
      el.textContent = messages.join(" · ");
      const holder = el.closest("[data-field]");
      if (holder) holder.classList.toggle("has-problem", messages.length > 0);
    });
  }

  async function evaluate() {
    timer = null;
    const begun = actions;
    const request = post(form.dataset.evaluate);
    pending = request;
    const response = await request;
    if (pending !== request) return; // a later change is on its way
    if (response === null) return complain(said.unreachable);
    if (!response.ok) return complain(await failure(response));
    const answer = await response.json();
    if (pending !== request) return;
    if (begun === actions) {
      // a save or download begun meanwhile owns the status and the message
      quiet();
      settled();
    }
    panel.innerHTML = answer.panel;
    showProblems(answer.fields || {});
    form.dispatchEvent(new CustomEvent("scored", { detail: answer }));
  }

  function syncModes() {
    form.querySelectorAll("[data-related]").forEach((section) => {
      const chosen = section.querySelector("input[data-mode]:checked");
      if (chosen) section.dataset.mode = chosen.value;
    });
  }

  // A save or download begins: a scoring still waiting for its pause starts now, so that
  // it cannot begin after the action and overwrite the action's status.
  function begin(text) {
    close();
    if (timer) {
      clearTimeout(timer);
      evaluate();
    }
    actions += 1;
    setStatus(text, "busy");
  }

  function changed() {
    dirty = true;
    setStatus(said.unsaved, "unsaved");
    syncModes();
    if (timer) clearTimeout(timer);
    timer = setTimeout(evaluate, 120);
  }

  // Undo: a change becomes an undo step with its first keystroke (so Undo works while
  // typing); typing on in the same field stays one step until a pause or leaving it.
  function close() {
    if (!typing) return;
    clearTimeout(typing.timer);
    before.set(typing.name, snapshot(typing.name));
    typing = null;
  }

  function record(name) {
    if (!typing || typing.name !== name) {
      close();
      undo.push([name, before.get(name) || snapshot(name)]);
      undoButton.disabled = false;
      typing = { name: name, timer: null };
    }
    clearTimeout(typing.timer);
    typing.timer = setTimeout(close, 800);
  }

  form.addEventListener("input", (event) => {
    const name = event.target.name;
    if (!name) return;
    record(name);
    changed();
  });
  form.addEventListener("change", (event) => {
    const name = event.target.name;
    if (!name) return;
    if (typing && typing.name === name) close();
    changed();
  });

  undoButton.addEventListener("click", () => {
    close();
    const last = undo.pop();
    if (!last) return;
    const [name, values] = last;
    restore(name, values);
    before.set(name, values);
    undoButton.disabled = undo.length === 0;
    const first = fields(name)[0];
    if (first) first.focus();
    changed();
  });

  // Enter in a field never submits the form (it would open a report); Go to jumps.
  form.addEventListener("keydown", (event) => {
    if (event.key !== "Enter" || event.target.tagName !== "INPUT") return;
    event.preventDefault();
    if (event.target.id === "goto") jump(event.target.value);
  });
  form.addEventListener("submit", (event) => event.preventDefault());

  function focusField(target) {
    if (!target) return false;
    const control = target.matches("input, select, textarea")
      ? target
      : target.querySelector("input:not([type=hidden]), select, textarea");
    target.scrollIntoView({ block: "center" });
    if (control) control.focus({ preventScroll: true });
    return true;
  }

  function jump(text) {
    const wanted = text.trim().toLowerCase();
    const found = Array.from(form.querySelectorAll("[data-indicator]")).find(
      (el) => el.dataset.indicator.toLowerCase() === wanted
    );
    if (focusField(found)) document.getElementById("goto").value = "";
  }

  // A problem's link takes the keyboard to its field.
  panel.addEventListener("click", (event) => {
    const link = event.target.closest("a[href^='#']");
    if (!link) return;
    const target = document.getElementById(decodeURIComponent(link.hash.slice(1)));
    if (focusField(target)) event.preventDefault();
  });

  document.getElementById("save").addEventListener("click", async () => {
    begin(said.saving);
    const response = await post(form.dataset.save + "&base=" + encodeURIComponent(base));
    if (response === null) return complain(said.unreachable);
    if (response.status === 409) {
      conflict.innerHTML = (await response.json()).conflict;
      setStatus(said.conflict, "error");
      conflict.scrollIntoView({ block: "start" });
      const heading = conflict.querySelector("h3");
      if (heading) heading.focus({ preventScroll: true });
      return;
    }
    if (!response.ok) return complain(await failure(response));
    const answer = await response.json();
    conflict.innerHTML = "";
    quiet();
    base = answer.digest;
    dirty = false;
    settled();
  });

  // Previews open in a new tab: the form is posted there, this page stays as it is.
  form.querySelectorAll("[data-preview]").forEach((button) => {
    button.addEventListener("click", () => {
      form.action = button.dataset.preview;
      form.target = "_blank";
      form.submit();
      form.removeAttribute("target");
      form.action = "/edit";
    });
  });

  // PDFs are downloaded without leaving the page; a refusal is shown here.
  form.querySelectorAll("[data-pdf]").forEach((button) => {
    button.addEventListener("click", async () => {
      begin(said.making);
      const response = await post(button.dataset.pdf);
      if (response === null) return complain(said.unreachable);
      if (!response.ok) return complain(await failure(response));
      const blob = await response.blob();
      const named = /filename="([^"]+)"/.exec(response.headers.get("content-disposition") || "");
      const link = document.createElement("a");
      link.href = URL.createObjectURL(blob);
      link.download = named ? named[1] : "report.pdf";
      document.body.appendChild(link);
      link.click();
      link.remove();
      setTimeout(() => URL.revokeObjectURL(link.href), 60000);
      quiet();
      settled();
    });
  });

  window.addEventListener("beforeunload", (event) => {
    if (!dirty) return;
    event.preventDefault();
    event.returnValue = "";
  });

  // Every listener is in place: changes from now on are scored (tests wait for this).
  form.dataset.ready = "true";
})();
