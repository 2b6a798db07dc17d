// Jobassistenten – chat client. Plain ES2020, no dependencies, no innerHTML for server data.
// Input is a <textarea> (maxlength 1000): Enter sends, Shift+Enter inserts a new line.
// Every string shown comes from the page (bot/page.py puts the locale's texts in #ui-texts), none from here.
"use strict";
(() => {
  const ENDPOINT = "/webhooks/rest/webhook";
  const SENDER_KEY = "jobassistent.sender"; // localStorage: a reload continues the conversation
  const LOG_KEY = "jobassistent.log";       // sessionStorage: what this tab has shown so far
  const MAX_LEN = 1000;
  const TIMEOUT_MS = 30000;
  const OUTBOX = "/webhooks/rest/outbox/"; // reminders the assistant starts, fetched while the page is open
  const POLL_MS = 60000;

  const $ = (id) => document.getElementById(id);
  // No fallback texts on purpose: a page without them is a server bug and should fail loudly.
  const TEXT = JSON.parse($("ui-texts").textContent);
  const log = $("log"), form = $("composer"), input = $("message"), typing = $("typing");

  // Storage may be disabled or throw (private modes, strict settings): fall back to memory.
  const memory = {};
  const storage = (kind) => ({
    get(k) {
      try { const v = window[kind].getItem(k); if (v !== null) return v; } catch { /* ignore */ }
      return memory[kind + k] ?? null;
    },
    set(k, v) { memory[kind + k] = v; try { window[kind].setItem(k, v); } catch { /* ignore */ } },
  });
  const local = storage("localStorage"), session = storage("sessionStorage");

  // crypto.randomUUID only exists in secure contexts (https/localhost), hence the fallback.
  function newId() {
    if (window.crypto?.randomUUID) return window.crypto.randomUUID();
    const b = new Uint8Array(16);
    if (window.crypto?.getRandomValues) window.crypto.getRandomValues(b);
    else for (let i = 0; i < 16; i++) b[i] = Math.floor(Math.random() * 256);
    b[6] = (b[6] & 0x0f) | 0x40; b[8] = (b[8] & 0x3f) | 0x80; // UUID v4 bits
    const h = Array.from(b, (x) => x.toString(16).padStart(2, "0")).join("");
    return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20)}`;
  }
  function resetSender() { const id = newId(); local.set(SENDER_KEY, id); return id; }

  let sender = local.get(SENDER_KEY) || resetSender();
  let entries = loadEntries(); // [{who: "user"|"bot", text?, buttons?, attachment?, stale?}]
  let busy = false;            // a request is in flight: ignore further sends
  let generation = 0;          // bumped by the new-chat button so late replies to the old chat are dropped
  let controller = null;

  function loadEntries() {
    try {
      const data = JSON.parse(session.get(LOG_KEY) || "null");
      // Another tab may have started a new conversation (shared localStorage id): start fresh.
      if (data && data.sender === sender && Array.isArray(data.entries)) return data.entries;
    } catch { /* corrupt: start fresh */ }
    return [];
  }
  function save() { session.set(LOG_KEY, JSON.stringify({ sender, entries })); }

  // Keep only the fields we understand, with the types we expect.
  function clean(m) {
    if (!m || typeof m !== "object") return null;
    const out = {};
    if (typeof m.text === "string" && m.text.trim()) out.text = m.text;
    if (Array.isArray(m.buttons)) {
      const b = m.buttons
        .filter((x) => x && typeof x.title === "string" && x.title.trim() && typeof x.payload === "string")
        .map((x) => ({ title: x.title, payload: x.payload }));
      if (b.length) out.buttons = b;
    }
    const a = m.attachment;
    if (a && typeof a === "object" && typeof a.url === "string" && safeUrl(a.url)) {
      out.attachment = { url: a.url, name: typeof a.name === "string" && a.name.trim() ? a.name : TEXT.file_fallback };
    }
    return out.text || out.buttons || out.attachment ? out : null;
  }
  // Blocks javascript:, data: etc. in the download link.
  function safeUrl(u) {
    try { return ["http:", "https:"].includes(new URL(u, location.href).protocol); } catch { return false; }
  }

  function el(tag, className, text) {
    const node = document.createElement(tag);
    if (className) node.className = className;
    if (text !== undefined) node.textContent = text;
    return node;
  }

  function render(e) {
    const div = el("div", `msg ${e.who === "user" ? "user" : "bot"}`);
    if (e.error) div.classList.add("error");
    // Hidden speaker prefix so screen reader users know who said what (the space separates it from the text).
    div.append(el("span", "sr-only", `${e.who === "user" ? TEXT.speaker_user : TEXT.speaker_bot} `));
    if (e.text) div.append(el("p", "text", e.text));
    if (e.attachment) {
      const a = el("a", "attachment");
      a.href = e.attachment.url;
      a.download = e.attachment.name;
      a.append(el("span", "label", TEXT.download), el("span", "name", e.attachment.name));
      div.append(a);
    }
    if (e.buttons) {
      const group = el("div", "choices");
      group.setAttribute("role", "group");
      group.setAttribute("aria-label", TEXT.choices_label);
      for (const b of e.buttons) {
        const btn = el("button", "choice", b.title);
        btn.type = "button";
        btn.disabled = Boolean(e.stale);
        btn.addEventListener("click", (ev) => choose(b, ev));
        group.append(btn);
      }
      div.append(group);
    }
    log.append(div);
  }

  function add(entry) {
    if (!entry.error) { entries.push(entry); save(); } // errors are not kept across reloads
    render(entry);
  }

  function scrollDown(instant) {
    const reduce = window.matchMedia("(prefers-reduced-motion: reduce)").matches;
    window.scrollTo({ top: document.documentElement.scrollHeight, behavior: instant || reduce ? "auto" : "smooth" });
  }

  // Disable all live choice buttons; returns an undo function used when the send fails.
  function disableChoices() {
    const live = entries.filter((e) => e.buttons && !e.stale);
    const btns = Array.from(log.querySelectorAll("button.choice:not(:disabled)"));
    live.forEach((e) => { e.stale = true; });
    btns.forEach((b) => { b.disabled = true; });
    save();
    return () => {
      live.forEach((e) => { e.stale = false; });
      btns.forEach((b) => { b.disabled = false; });
      save();
    };
  }

  function setTyping(on) { typing.textContent = on ? TEXT.typing : ""; }

  // Sends `message`; shows `shown` as a user bubble unless it is null (e.g. "/start").
  // Resolves to true/false (success), or undefined if ignored or superseded.
  async function send(message, shown) {
    if (busy) return undefined;
    busy = true;
    const gen = generation;
    const undo = disableChoices();
    if (shown !== null) { add({ who: "user", text: shown }); scrollDown(); }
    setTyping(true);
    controller = new AbortController();
    const timer = setTimeout(() => controller.abort(), TIMEOUT_MS);
    let replies = null;
    try {
      const res = await fetch(ENDPOINT, {
        method: "POST",
        headers: { "Content-Type": "application/json", Accept: "application/json" },
        body: JSON.stringify({ sender, message }),
        signal: controller.signal,
      });
      if (res.status !== 200) throw new Error(`HTTP ${res.status}`);
      const data = await res.json();
      if (!Array.isArray(data)) throw new Error("Reply is not a list");
      replies = data.map(clean).filter(Boolean);
    } catch (err) {
      console.warn("Jobassistenten:", err);
    } finally {
      clearTimeout(timer);
    }
    if (gen !== generation) return undefined; // the new-chat button was pressed meanwhile
    busy = false;
    controller = null;
    setTyping(false);
    if (replies) replies.forEach((r) => add({ who: "bot", ...r }));
    else { undo(); add({ who: "bot", text: TEXT.connection_error, error: true }); }
    scrollDown();
    return replies !== null;
  }

  function choose(button, ev) {
    if (busy) return;
    send(button.payload, button.title);
    // The pressed button is now disabled, so move focus to the input for keyboard users.
    // On touch screens (pointer tap) skip it: focusing would pop up the keyboard over the reply.
    if (ev.detail === 0 || !window.matchMedia("(pointer: coarse)").matches) input.focus();
  }

  // Grow the textarea with its content (CSS caps the height).
  function grow() {
    input.style.height = "auto";
    input.style.height = `${input.scrollHeight + input.offsetHeight - input.clientHeight}px`;
  }

  form.addEventListener("submit", async (ev) => {
    ev.preventDefault();
    const text = input.value.slice(0, MAX_LEN).trim();
    if (!text || busy) { input.focus(); return; } // ignore empty and double submits
    input.value = "";
    grow();
    const pending = send(text, text);
    input.focus(); // focus right away, not when the reply comes (would steal focus)
    // On failure give the text back (if nothing new was typed) so it can simply be sent again.
    if ((await pending) === false && !input.value) { input.value = text; grow(); }
  });

  input.addEventListener("keydown", (ev) => {
    // isComposing/229: Enter that confirms an IME composition must not send.
    if (ev.key === "Enter" && !ev.shiftKey && !ev.isComposing && ev.keyCode !== 229) {
      ev.preventDefault();
      if (form.requestSubmit) form.requestSubmit(); else $("send").click();
    }
  });
  input.addEventListener("input", grow);

  $("new-chat").addEventListener("click", () => {
    generation += 1;
    if (controller) controller.abort();
    busy = false;
    setTyping(false);
    sender = resetSender();
    entries = [];
    save();
    log.replaceChildren();
    input.focus();
    send("/start", null);
  });

  // Reminders (e.g. of a meeting tomorrow) arrive while the page is open and visible; never during a send.
  async function poll() {
    if (busy || document.hidden) return;
    const gen = generation;
    try {
      const res = await fetch(OUTBOX + encodeURIComponent(sender), { headers: { Accept: "application/json" } });
      if (res.status !== 200 || gen !== generation) return;
      const data = await res.json();
      if (!Array.isArray(data) || !data.length) return;
      data.map(clean).filter(Boolean).forEach((r) => add({ who: "bot", ...r }));
      scrollDown();
    } catch (err) {
      console.warn("Jobassistenten:", err);
    }
  }
  setInterval(poll, POLL_MS);

  // Restore this tab's conversation after a reload; otherwise let the bot greet.
  entries.forEach(render);
  scrollDown(true);
  if (!entries.length) send("/start", null);
})();
