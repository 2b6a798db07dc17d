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
  const AUTH = "/auth/"; // the server issues the sender id (owned by this browser's session cookie) and logs out
  const PAGE_LOCALE = document.documentElement.lang; // the language of this page's own texts
  const LOCALES = ["da", "en"];

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

  // The server gives the sender id: the one kept here if this browser's session owns it, else a new conversation
  // of the same citizen (fresh=true: the new-chat button). It also says whether the citizen is logged in.
  async function askSender(fresh) {
    const res = await fetch(AUTH + "sender", {
      method: "POST", headers: { "Content-Type": "application/json", Accept: "application/json" },
      // locale: the language a new conversation starts in (the page's), so "New chat" keeps the citizen's choice.
      body: JSON.stringify({ sender: local.get(SENDER_KEY), new: Boolean(fresh), locale: PAGE_LOCALE }),
    });
    if (res.status !== 200) throw new Error(`HTTP ${res.status}`);
    const data = await res.json();
    if (typeof data.sender !== "string") throw new Error("no sender");
    local.set(SENDER_KEY, data.sender);
    $("identity").hidden = !data.logged_in;
    if (data.logged_in) $("logged-out").hidden = true;
    $("telegram").hidden = !data.telegram;
    if (typeof data.locale === "string") followLocale(data.locale);
    return data.sender;
  }

  let sender = local.get(SENDER_KEY) || "";
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
        .filter((x) => x && typeof x.title === "string" && x.title.trim()
          && (typeof x.payload === "string" || (x.type === "web_url" && typeof x.url === "string" && safeUrl(x.url))))
        .map((x) => (x.type === "web_url" ? { title: x.title, url: x.url } : { title: x.title, payload: x.payload }));
      if (b.length) out.buttons = b;
    }
    const a = m.attachment;
    if (a && typeof a === "object" && typeof a.url === "string" && safeUrl(a.url)) {
      out.attachment = { url: a.url, name: typeof a.name === "string" && a.name.trim() ? a.name : TEXT.file_fallback };
    }
    // Rasa's `custom` field: the citizen's data was deleted, so clear what this page shows (see clearLog).
    if (out.text && m.custom && typeof m.custom === "object" && m.custom.clear_transcript === true) out.clear = true;
    // Rasa's `custom` field: the conversation's language was just changed (see followLocale).
    if (m.custom && typeof m.custom === "object" && LOCALES.includes(m.custom.locale)) out.locale = m.custom.locale;
    return out.text || out.buttons || out.attachment ? out : null;
  }
  // The conversation is in another language than this page's texts: reload the page in it (the transcript is
  // kept in sessionStorage, so the citizen sees the same conversation with the labels in the new language).
  function followLocale(locale) {
    if (!LOCALES.includes(locale) || locale === PAGE_LOCALE) return false;
    const url = new URL(location.href);
    url.searchParams.set("lang", locale);
    location.replace(url.toString());
    return true;
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

  // The bot's text as text nodes, with http(s) addresses (a video meeting's link) as links; never as HTML.
  function textWithLinks(text) {
    const p = el("p", "text");
    let at = 0;
    for (const m of text.matchAll(/https?:\/\/[^\s<>"]+[^\s<>".,;:!?)]/g)) {
      p.append(document.createTextNode(text.slice(at, m.index)));
      const a = el("a", "", m[0]);
      if (!safeUrl(m[0])) { p.append(document.createTextNode(m[0])); at = m.index + m[0].length; continue; }
      a.href = m[0];
      a.target = "_blank";
      a.rel = "noopener noreferrer";
      p.append(a);
      at = m.index + m[0].length;
    }
    p.append(document.createTextNode(text.slice(at)));
    return p;
  }

  function render(e) {
    const div = el("div", `msg ${e.who === "user" ? "user" : "bot"}`);
    if (e.error) div.classList.add("error");
    // Hidden speaker prefix so screen reader users know who said what (the space separates it from the text).
    div.append(el("span", "sr-only", `${e.who === "user" ? TEXT.speaker_user : TEXT.speaker_bot} `));
    if (e.text) div.append(textWithLinks(e.text));
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
        if (b.url) { // a link button (log in with MitID): the browser goes there and comes back to this page
          const link = el("a", "choice link", b.title);
          link.href = b.url;
          group.append(link);
          continue;
        }
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

  // After "slet mine data": forget the shown transcript here and in sessionStorage, keep the reply that said so.
  function clearLog(replies) {
    if (!replies.some((r) => r.clear)) return replies;
    entries = [];
    save();
    log.replaceChildren();
    return replies.map(({ clear, ...rest }) => rest);
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
    if (replies) clearLog(replies).forEach(({ locale, ...r }) => add({ who: "bot", ...r }));
    else { undo(); add({ who: "bot", text: TEXT.connection_error, error: true }); }
    scrollDown();
    const switched = (replies || []).find((r) => r.locale);
    if (switched) followLocale(switched.locale);
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

  // The new-chat button: a new conversation of the same citizen (a logged-in citizen keeps their meetings).
  async function restart(fresh) {
    generation += 1;
    if (controller) controller.abort();
    busy = false;
    setTyping(false);
    try { sender = await askSender(fresh); } catch (err) { console.warn("Jobassistenten:", err); }
    entries = [];
    save();
    log.replaceChildren();
    input.focus();
    send("/start", null);
  }
  $("new-chat").addEventListener("click", () => restart(true));
  // The language button sends the choice as a button press; the reply says so and the page follows (followLocale).
  $("language").addEventListener("click", (ev) => { const b = ev.currentTarget; choose({ payload: b.dataset.payload, title: b.textContent }, ev); });
  $("log-out").addEventListener("click", async () => {
    try { await fetch(AUTH + "logout", { method: "POST" }); } catch (err) { console.warn("Jobassistenten:", err); }
    local.set(SENDER_KEY, "");
    await restart(true);
    $("logged-out").hidden = false;
  });
  $("telegram").addEventListener("click", async () => {
    try {
      const res = await fetch(AUTH + "telegram-link", { method: "POST", headers: { Accept: "application/json" } });
      const data = await res.json();
      if (res.status === 200 && typeof data.url === "string" && safeUrl(data.url)) window.open(data.url, "_blank", "noopener");
    } catch (err) { console.warn("Jobassistenten:", err); }
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

  // Ask the server for our sender, restore this tab's conversation after a reload (or let the bot greet),
  // then fetch what waits: after a MitID login the request the citizen made has been answered meanwhile.
  (async () => {
    const before = sender;
    try { sender = await askSender(false); } catch (err) { console.warn("Jobassistenten:", err); }
    if (sender !== before) entries = [];
    entries.forEach(render);
    scrollDown(true);
    if (!entries.length) await send("/start", null);
    poll();
  })();
})();
