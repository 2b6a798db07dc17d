// Jobassistenten – the caseworkers' inbox. Plain ES2020, no dependencies, no build step.
// Server data is only ever put in the page with textContent / option.text (never innerHTML).
// API: /inbox/api/ (../shared/contracts/caseworker.md). Fixed texts are in index.html; the ones built here are in TEXT.
"use strict";
(() => {
  const TEXT = {
    reasons: {
      crisis: "Fare for liv eller sikkerhed",
      human_handoff: "Vil tale med en medarbejder",
      benefits: "Ydelse eller udbetaling",
      meeting: "En samtale eller aftale",
      sickness: "Sygdom",
      complaint: "Klage",
    },
    channels: { web: "Webchat", telegram: "Telegram", terminal: "Terminal" },
    contacts: { chat: "Skriv i chatten", phone: "Ring til borgeren", callback: "Ring på aftalt tidspunkt" },
    statuses: { requested: "Venter", claimed: "I gang", closed: "Afsluttet", cancelled: "Trukket tilbage af borgeren" },
    endStatuses: {
      "løst": "Løst", videresendt: "Videresendt", borgeren_gik: "Borgeren gik",
      ring_op: "Ring borgeren op", ikke_relevant: "Ikke relevant",
    },
    speakers: { citizen: "Borger", bot: "Chatbot", caseworker: "Medarbejder" },
    crisis: "AKUT",
    normal: "Almindelig",
    priority: "Prioritet",
    channel: "Kanal",
    status: "Status",
    received: "Modtaget",
    contact: "Kontakt",
    callbackAt: "Ring op",
    claimedBy: "Hos",
    endStatus: "Afsluttet som",
    nobody: "Ingen endnu",
    waitingNow: "venter under 1 min",
    waiting: (m) => (m < 60 ? `venter ${m} min` : `venter ${Math.floor(m / 60)} t ${m % 60} min`),
    claimedByLine: (name) => `Hos ${name}`,
    claimedByMe: "Hos dig",
    claimedByOther: (name) => `${name} har taget denne henvendelse. Du kan læse med og skrive en note.`,
    newRequest: (reason, crisis) => `Ny henvendelse: ${crisis ? "AKUT – " : ""}${reason}`,
    newRequests: (n) => `${n} nye henvendelser`,
    newCitizenMessage: "Ny besked fra borgeren",
    claimConflict: "En kollega har allerede taget den. Den er fjernet fra listen over ventende.",
    replyConflict: "Du kan kun svare på en henvendelse, du selv har taget.",
    forwardConflict: "Kun den medarbejder, der har henvendelsen, kan sende den videre.",
    closeConflict: "En kollega har henvendelsen, så du kan ikke afslutte den.",
    claimed: "Du har taget henvendelsen. Borgeren har fået besked.",
    replied: "Dit svar er sendt til borgeren.",
    noted: "Noten er gemt. Borgeren kan ikke se den.",
    forwarded: (name) => `Henvendelsen er sendt videre til ${name}.`,
    closed: "Henvendelsen er afsluttet. Borgeren har fået besked.",
    emptyReply: "Skriv et svar, før du sender.",
    emptyNote: "Skriv noten, før du gemmer.",
    noColleague: "Vælg den kollega, henvendelsen skal videre til.",
    notFound: "Henvendelsen findes ikke længere.",
    loginEmpty: "Skriv både e-mail og adgangskode.",
    loginWrong: "Forkert e-mail eller adgangskode.",
    loginLimited: "For mange forsøg. Vent 15 minutter, og prøv igen.",
    loggedOut: "Du er logget ud. Log ind igen for at fortsætte.",
    network: "Der er ingen forbindelse til serveren. Prøv igen om lidt.",
    serverError: "Noget gik galt på serveren. Prøv igen.",
    title: "Indbakke – Jobassistenten",
    titleNew: (n) => `(${n}) Indbakke – Jobassistenten`,
    soundOn: "til",
    soundOff: "fra",
    selected: "valgt",
    newTag: "Ny",
    pressedButton: (what) => `[trykkede på en knap: ${what}]`,
    receivedAt: (time) => `modtaget kl. ${time}`,
  };

  const API = "/inbox/api/";
  const POLL_QUEUE_MS = 5000;
  const POLL_DETAIL_MS = 3000;
  const POLL_BOOKINGS_MS = 60000;
  const POLL_CLOSED_MS = 30000;
  const MUTE_KEY = "jobassistent.inbox.muted";
  const TZ = "Europe/Copenhagen";

  const $ = (id) => document.getElementById(id);
  const timeFmt = new Intl.DateTimeFormat("da-DK", { hour: "2-digit", minute: "2-digit", timeZone: TZ });
  const dateTimeFmt = new Intl.DateTimeFormat("da-DK", {
    weekday: "short", day: "numeric", month: "short", hour: "2-digit", minute: "2-digit", timeZone: TZ,
  });

  const state = {
    me: null,          // {name, email}
    csrf: "",
    tab: "open",
    lists: { open: [], mine: [], closed: [] },
    knownOpen: null,   // Set of open ids seen so far; null until the first load (no cue for those)
    unseen: 0,         // new requests since the "Venter" tab was last looked at
    fresh: new Set(),  // ids of new requests not opened yet (marked "Ny" in the list)
    selected: null,    // id of the request shown
    detail: null,      // the last detail answer
    shownMessages: 0,  // how many of detail.messages are in the list (only new ones are appended)
    timers: [],
    interacted: false, // audio only after the user has interacted with the page
    muted: false,
  };

  // ---------- helpers ----------

  function el(tag, className, text) {
    const node = document.createElement(tag);
    if (className) node.className = className;
    if (text !== undefined && text !== null) node.textContent = String(text);
    return node;
  }

  // The API's datetimes carry an offset; one without is UTC (as stored).
  function parseTime(iso) {
    if (typeof iso !== "string") return null;
    const d = new Date(/[zZ]|[+-]\d\d:?\d\d$/.test(iso) ? iso : `${iso}Z`);
    return Number.isNaN(d.getTime()) ? null : d;
  }
  function minutesSince(iso) {
    const d = parseTime(iso);
    return d ? Math.max(0, Math.floor((Date.now() - d.getTime()) / 60000)) : 0;
  }
  function waitingText(iso) {
    const m = minutesSince(iso);
    return m < 1 ? TEXT.waitingNow : TEXT.waiting(m);
  }
  function clock(iso) { const d = parseTime(iso); return d ? timeFmt.format(d) : ""; }
  function longTime(iso) { const d = parseTime(iso); return d ? dateTimeFmt.format(d) : ""; }

  const label = (map, key) => (Object.prototype.hasOwnProperty.call(map, key) ? map[key] : String(key ?? ""));
  const reasonText = (h) => label(TEXT.reasons, h.reason);
  const isCrisis = (h) => h.priority > 0 || h.reason === "crisis";
  const mine = (h) => h.status === "claimed" && state.me && h.claimed_by === state.me.name;

  let announceTimer = null;
  function announce(text) {
    const box = $("announce");
    // Clear first so the same text twice is announced twice.
    box.textContent = "";
    clearTimeout(announceTimer);
    window.setTimeout(() => { box.textContent = text; }, 50);
    announceTimer = window.setTimeout(() => { box.textContent = ""; }, 15000);
  }

  function showError(boxId, text) {
    const box = $(boxId);
    box.textContent = text || "";
  }

  class ApiError extends Error {
    constructor(status, message) { super(message); this.status = status; }
  }

  async function api(path, options = {}) {
    const init = {
      method: options.method || "GET", headers: { Accept: "application/json" }, credentials: "same-origin",
    };
    if (init.method !== "GET") {
      init.headers["Content-Type"] = "application/json";
      if (state.csrf) init.headers["X-CSRF-Token"] = state.csrf;
      init.body = JSON.stringify(options.body || {});
    }
    let res;
    try {
      res = await fetch(API + path, init);
    } catch (err) {
      throw new ApiError(0, String(err));
    }
    if (res.status === 401 && path !== "login" && state.me) {
      sessionLost();
    }
    let data = null;
    try { data = await res.json(); } catch { /* empty or not JSON */ }
    if (!res.ok) throw new ApiError(res.status, (data && data.error) || res.statusText);
    return data;
  }

  // ---------- sound ----------

  let audio = null;
  function noteInteraction() {
    state.interacted = true;
    if (!audio && (window.AudioContext || window.webkitAudioContext)) {
      try { audio = new (window.AudioContext || window.webkitAudioContext)(); } catch { audio = null; }
    }
    if (audio && audio.state === "suspended") audio.resume().catch(() => {});
  }
  ["pointerdown", "keydown"].forEach((t) => document.addEventListener(t, noteInteraction, { capture: true }));

  // Two short tones (about 0.35 s), soft attack and release so it does not click.
  function beep() {
    if (state.muted || !state.interacted || !audio) return;
    try {
      const now = audio.currentTime;
      [[880, 0], [1175, 0.18]].forEach(([freq, at]) => {
        const osc = audio.createOscillator();
        const gain = audio.createGain();
        osc.type = "sine";
        osc.frequency.value = freq;
        gain.gain.setValueAtTime(0.0001, now + at);
        gain.gain.exponentialRampToValueAtTime(0.2, now + at + 0.02);
        gain.gain.exponentialRampToValueAtTime(0.0001, now + at + 0.16);
        osc.connect(gain).connect(audio.destination);
        osc.start(now + at);
        osc.stop(now + at + 0.17);
      });
    } catch { /* no sound is not an error */ }
  }

  function readMuted() {
    try { return window.localStorage.getItem(MUTE_KEY) === "1"; } catch { return false; }
  }
  function setMuted(muted) {
    state.muted = muted;
    try { window.localStorage.setItem(MUTE_KEY, muted ? "1" : "0"); } catch { /* ignore */ }
    const btn = $("mute");
    btn.setAttribute("aria-pressed", String(!muted));
    $("mute-state").textContent = `: ${muted ? TEXT.soundOff : TEXT.soundOn}`;
  }

  // ---------- login / logout ----------

  function showLogin(message) {
    stopPolling();
    state.me = null;
    state.csrf = "";
    $("app-view").hidden = true;
    $("account").hidden = true;
    $("login-view").hidden = false;
    showError("login-error", message || "");
    $("password").value = "";
    document.title = TEXT.title;
  }

  function sessionLost() {
    if (!state.me) return;
    showLogin(TEXT.loggedOut);
    $("email").focus();
  }

  async function start(me) {
    state.me = { name: me.name, email: me.email || "" };
    state.csrf = me.csrf;
    $("me-name").textContent = me.name;
    $("login-view").hidden = true;
    $("account").hidden = false;
    $("app-view").hidden = false;
    state.knownOpen = null;
    state.unseen = 0;
    state.fresh.clear();
    await Promise.all([loadQueues(true), loadChoices(), loadBookings()]);
    startPolling();
  }

  $("login-form").addEventListener("submit", async (ev) => {
    ev.preventDefault();
    const email = $("email").value.trim();
    const password = $("password").value;
    showError("login-error", "");
    if (!email || !password) {
      // Wait a tick so an unchanged alert text is announced again.
      window.setTimeout(() => showError("login-error", TEXT.loginEmpty), 50);
      (email ? $("password") : $("email")).focus();
      return;
    }
    const button = $("login-button");
    button.disabled = true;
    try {
      const data = await api("login", { method: "POST", body: { email, password } });
      $("password").value = "";
      const me = { name: data.name, email, csrf: data.csrf };
      await start(me);
      $("main").focus();
    } catch (err) {
      const text = err.status === 401 ? TEXT.loginWrong : err.status === 429 ? TEXT.loginLimited
        : err.status === 0 ? TEXT.network : TEXT.serverError;
      window.setTimeout(() => showError("login-error", text), 50);
      $("password").value = "";
      $("password").focus();
    } finally {
      button.disabled = false;
    }
  });

  $("logout").addEventListener("click", async () => {
    try { await api("logout", { method: "POST" }); } catch { /* logged out locally anyway */ }
    state.selected = null;
    state.detail = null;
    clearDetail();
    showLogin("");
    $("email").focus();
  });

  $("mute").addEventListener("click", () => setMuted(!state.muted));

  // ---------- tabs ----------

  const TABS = ["open", "mine", "closed"];
  function selectTab(name, focus) {
    state.tab = name;
    for (const t of TABS) {
      const tab = $(`tab-${t}`);
      const on = t === name;
      tab.setAttribute("aria-selected", String(on));
      tab.tabIndex = on ? 0 : -1;
      $(`panel-${t}`).hidden = !on;
    }
    if (focus) $(`tab-${name}`).focus();
    if (name === "open") clearUnseen();
    if (name === "closed") loadClosed();
  }
  for (const t of TABS) $(`tab-${t}`).addEventListener("click", () => selectTab(t, false));
  $("tabs").addEventListener("keydown", (ev) => {
    const i = TABS.indexOf(state.tab);
    const next = { ArrowRight: i + 1, ArrowLeft: i - 1, Home: 0, End: TABS.length - 1 }[ev.key];
    if (next === undefined) return;
    ev.preventDefault();
    selectTab(TABS[(next + TABS.length) % TABS.length], true);
  });

  function clearUnseen() {
    state.unseen = 0;
    $("badge-open").hidden = true;
    document.title = TEXT.title;
  }

  // ---------- the lists ----------

  const rendered = {}; // what each list shows now: re-render only when something changed (keeps screen readers calm)
  function renderList(name) {
    const list = $(`list-${name}`);
    const items = state.lists[name];
    const key = `${JSON.stringify(items)}|${state.selected}|${[...state.fresh]}|${Math.floor(Date.now() / 60000)}`;
    if (rendered[name] === key) return;
    rendered[name] = key;
    $(`count-${name}`).textContent = String(items.length);
    $(`empty-${name}`).hidden = items.length > 0;
    const focusedId = document.activeElement && list.contains(document.activeElement)
      ? document.activeElement.dataset.id : null;
    list.replaceChildren(...items.map((h) => requestItem(h, name)));
    if (focusedId) {
      const again = list.querySelector(`button[data-id="${CSS.escape(focusedId)}"]`);
      if (again) again.focus();
    }
  }

  function requestItem(h, listName) {
    const li = el("li", isCrisis(h) ? "request crisis" : "request");
    const btn = el("button", "request-button");
    btn.type = "button";
    btn.dataset.id = String(h.id);
    if (h.id === state.selected) btn.setAttribute("aria-current", "true");

    const top = el("span", "line top-line");
    if (isCrisis(h)) {
      const flag = el("span", "flag");
      flag.append(el("span", null, "⚠"), document.createTextNode(` ${TEXT.crisis}`));
      flag.firstChild.setAttribute("aria-hidden", "true");
      top.append(flag);
    }
    top.append(el("span", "reason", reasonText(h)));
    if (state.fresh.has(h.id)) top.append(el("span", "new-tag", TEXT.newTag));
    btn.append(top);

    const meta = el("span", "line meta");
    const parts = [label(TEXT.channels, h.channel)];
    if (listName === "closed") {
      parts.push(label(TEXT.statuses, h.status));
      if (h.end_status) parts.push(label(TEXT.endStatuses, h.end_status));
      parts.push(longTime(h.created_at));
    } else if (h.status === "requested") {
      parts.push(waitingText(h.created_at));
    } else {
      parts.push(TEXT.receivedAt(clock(h.created_at)));
    }
    if (h.claimed_by) parts.push(mine(h) ? TEXT.claimedByMe : TEXT.claimedByLine(h.claimed_by));
    meta.textContent = parts.filter(Boolean).join(" · ");
    btn.append(meta);
    if (h.id === state.selected) btn.append(el("span", "sr-only", `, ${TEXT.selected}`));
    btn.addEventListener("click", () => select(h.id, true));
    li.append(btn);
    return li;
  }

  // first: the first load (no cue for what is there). The closed list comes with the first load and after a close;
  // otherwise when its tab is shown, and every 30 s.
  async function loadQueues(first, withClosed = first) {
    const [open, claimed] = await Promise.all([api("handoffs?status=open"), api("handoffs?status=claimed")]);
    if (!Array.isArray(open) || !Array.isArray(claimed)) return;
    state.lists.open = open;
    state.lists.mine = claimed.filter(mine);
    noticeNew(open, first);
    renderList("open");
    renderList("mine");
    if (withClosed) await loadClosed();
  }

  async function loadClosed() {
    try {
      const closed = await api("handoffs?status=closed");
      if (!Array.isArray(closed)) return;
      state.lists.closed = closed;
      renderList("closed");
    } catch (err) { handleBackground(err); }
  }

  function noticeNew(open, first) {
    const ids = new Set(open.map((h) => h.id));
    if (state.knownOpen === null || first) {
      state.knownOpen = ids;
      return;
    }
    const fresh = open.filter((h) => !state.knownOpen.has(h.id));
    fresh.forEach((h) => state.knownOpen.add(h.id));
    if (!fresh.length) return;
    // Crisis first (the list is most urgent first already).
    const short = (h) => (isCrisis(h) ? `${TEXT.crisis} – ` : "") + reasonText(h);
    announce(fresh.length === 1 ? TEXT.newRequest(reasonText(fresh[0]), isCrisis(fresh[0]))
      : `${TEXT.newRequests(fresh.length)}: ${fresh.map(short).join(", ")}`);
    beep();
    state.unseen += fresh.length;
    fresh.forEach((h) => state.fresh.add(h.id));
    $("badge-open").hidden = false;
    document.title = TEXT.titleNew(state.unseen);
  }

  // ---------- one request ----------

  function clearDetail() {
    $("detail-heading").textContent = "Vælg en henvendelse";
    $("detail-placeholder").hidden = false;
    $("detail-body").hidden = true;
    state.shownMessages = 0;
  }

  async function select(id, focus) {
    state.fresh.delete(id);
    if (state.tab === "open") clearUnseen();
    if (state.selected !== id) {
      state.selected = id;
      state.detail = null;
      state.shownMessages = 0;
      $("detail-messages").replaceChildren();
      for (const f of ["reply-text", "note-text", "forward-note"]) $(f).value = "";
      $("canned").value = "";
      $("forward-to").value = "";
      showError("action-error", "");
    }
    TABS.forEach(renderList);
    await loadDetail();
    if (focus) $("detail-heading").focus();
  }

  let detailSeq = 0; // an answer older than one already shown is dropped (polls and actions overlap)
  let detailShown = 0;
  async function loadDetail() {
    const id = state.selected;
    if (id === null) return;
    const seq = ++detailSeq;
    let d;
    try {
      d = await api(`handoffs/${encodeURIComponent(id)}`);
    } catch (err) {
      if (err.status === 404 && state.selected === id) {
        state.selected = null;
        clearDetail();
        showError("action-error", TEXT.notFound);
        return;
      }
      throw err;
    }
    if (state.selected !== id || !d || seq < detailShown) return;
    detailShown = seq;
    const before = state.detail;
    state.detail = d;
    renderDetail(d, before);
  }

  function fact(dl, name, value) {
    if (!value) return;
    dl.append(el("dt", null, name), el("dd", null, value));
  }

  function renderDetail(d, before) {
    $("detail-placeholder").hidden = true;
    $("detail-body").hidden = false;
    const heading = $("detail-heading");
    heading.textContent = reasonText(d);
    heading.classList.toggle("crisis-text", isCrisis(d));
    $("detail-priority").hidden = !(isCrisis(d) && d.status === "requested");

    const dl = $("detail-facts");
    dl.replaceChildren();
    fact(dl, TEXT.priority, isCrisis(d) ? `⚠ ${TEXT.crisis}` : TEXT.normal);
    fact(dl, TEXT.status, label(TEXT.statuses, d.status));
    fact(dl, TEXT.channel, label(TEXT.channels, d.channel));
    const waited = d.status === "requested" ? ` (${waitingText(d.created_at)})` : "";
    fact(dl, TEXT.received, `${longTime(d.created_at)}${waited}`);
    fact(dl, TEXT.contact, label(TEXT.contacts, d.contact));
    if (d.callback_at) fact(dl, TEXT.callbackAt, longTime(d.callback_at));
    fact(dl, TEXT.claimedBy, d.claimed_by || TEXT.nobody);
    if (d.end_status) fact(dl, TEXT.endStatus, label(TEXT.endStatuses, d.end_status));
    if (isCrisis(d)) dl.querySelectorAll("dd")[0].classList.add("crisis-text");

    const summary = $("detail-summary");
    if (summary.textContent !== (d.summary || "")) summary.textContent = d.summary || "";

    renderMessages(d, before);
    renderNotes(d);
    renderActions(d);
  }

  function renderMessages(d, before) {
    const list = $("detail-messages");
    const messages = Array.isArray(d.messages) ? d.messages : [];
    if (messages.length < state.shownMessages) { list.replaceChildren(); state.shownMessages = 0; }
    const fresh = messages.slice(state.shownMessages);
    for (const m of fresh) {
      const who = ["citizen", "bot", "caseworker"].includes(m.from) ? m.from : "bot";
      const li = el("li", `message ${who}`);
      const head = el("p", "message-head");
      head.append(el("span", "speaker", label(TEXT.speakers, who)), document.createTextNode(" "),
        el("time", "at", clock(m.at)));
      head.lastChild.dateTime = m.at || "";
      const pressed = who === "citizen" ? buttonPressed(m.text) : null;
      li.append(head, pressed ? el("p", "message-text pressed", TEXT.pressedButton(pressed))
        : el("p", "message-text", m.text));
      list.append(li);
    }
    state.shownMessages = messages.length;
    $("no-messages").hidden = messages.length > 0;
    const live = d.status === "requested" || d.status === "claimed";
    if (live && before && before.id === d.id && fresh.some((m) => m.from === "citizen")) {
      announce(TEXT.newCitizenMessage);
    }
  }

  // A pressed chat button reaches the transcript as its payload, '/intent{"key": "value"}': say so in words.
  function buttonPressed(text) {
    const match = /^\/([a-z_]+)(\{.*\})?$/s.exec(String(text || "").trim());
    if (!match) return null;
    let values = [];
    try { values = Object.values(JSON.parse(match[2] || "{}")).map(String); } catch { values = []; }
    return [match[1], ...values].join(" · ");
  }

  function renderNotes(d) {
    const notes = Array.isArray(d.notes) ? d.notes : [];
    $("detail-notes").replaceChildren(...notes.map((n) => {
      const li = el("li", "note-item");
      const head = el("p", "message-head");
      head.append(el("span", "speaker", n.author), document.createTextNode(" "), el("time", "at", longTime(n.at)));
      li.append(head, el("p", "message-text", n.text));
      return li;
    }));
  }

  function renderActions(d) {
    const open = d.status === "requested";
    const claimedByMe = mine(d);
    const claimedByOther = d.status === "claimed" && !claimedByMe;
    const finished = d.status === "closed" || d.status === "cancelled";
    $("claim-box").hidden = !(open || claimedByOther);
    $("claim").hidden = !open;
    $("claimed-by-other").hidden = !claimedByOther;
    if (claimedByOther) $("claimed-by-other").textContent = TEXT.claimedByOther(d.claimed_by);
    $("reply-form").hidden = !claimedByMe;
    $("forward-form").hidden = !claimedByMe;
    $("close-form").hidden = !(open || claimedByMe);
    $("note-form").hidden = false;
    $("detail-body").classList.toggle("finished", finished);
  }

  // ---------- actions ----------

  async function act(path, body, okText, conflictText) {
    const id = state.selected;
    showError("action-error", "");
    try {
      await api(`handoffs/${encodeURIComponent(id)}/${path}`, { method: "POST", body });
      announce(okText);
      return true;
    } catch (err) {
      const text = err.status === 409 ? conflictText : err.status === 404 ? TEXT.notFound
        : err.status === 0 ? TEXT.network : err.status === 401 ? TEXT.loggedOut : TEXT.serverError;
      window.setTimeout(() => showError("action-error", text), 50);
      return false;
    } finally {
      try {
        await Promise.all([loadQueues(false, path === "close"), state.selected === id ? loadDetail() : null]);
      } catch { /* the next poll tries again */ }
    }
  }

  function busy(form, on) {
    form.querySelectorAll("button, select, textarea").forEach((c) => { c.disabled = on; });
  }

  $("claim").addEventListener("click", async () => {
    const btn = $("claim");
    btn.disabled = true;
    const ok = await act("claim", {}, TEXT.claimed, TEXT.claimConflict);
    btn.disabled = false;
    if (ok) $("reply-text").focus();
  });

  $("canned").addEventListener("change", () => {
    const opt = $("canned").selectedOptions[0];
    if (opt && opt.value !== "") {
      $("reply-text").value = canned[Number(opt.value)].text;
      $("reply-text").focus();
    }
  });

  $("reply-form").addEventListener("submit", async (ev) => {
    ev.preventDefault();
    const text = $("reply-text").value.trim();
    if (!text) { showError("action-error", TEXT.emptyReply); $("reply-text").focus(); return; }
    busy(ev.target, true);
    const ok = await act("reply", { text }, TEXT.replied, TEXT.replyConflict);
    busy(ev.target, false);
    if (ok) { $("reply-text").value = ""; $("canned").value = ""; }
    $("reply-text").focus();
  });

  $("note-form").addEventListener("submit", async (ev) => {
    ev.preventDefault();
    const text = $("note-text").value.trim();
    if (!text) { showError("action-error", TEXT.emptyNote); $("note-text").focus(); return; }
    busy(ev.target, true);
    const ok = await act("note", { text }, TEXT.noted, TEXT.serverError);
    busy(ev.target, false);
    if (ok) $("note-text").value = "";
    $("note-text").focus();
  });

  $("forward-form").addEventListener("submit", async (ev) => {
    ev.preventDefault();
    const to = $("forward-to").value;
    if (!to) { showError("action-error", TEXT.noColleague); $("forward-to").focus(); return; }
    const name = $("forward-to").selectedOptions[0].text;
    busy(ev.target, true);
    const ok = await act("forward", { to, note: $("forward-note").value.trim() }, TEXT.forwarded(name),
      TEXT.forwardConflict);
    busy(ev.target, false);
    if (ok) { $("forward-note").value = ""; $("forward-to").value = ""; $("detail-heading").focus(); }
  });

  $("close-form").addEventListener("submit", async (ev) => {
    ev.preventDefault();
    busy(ev.target, true);
    const ok = await act("close", { end_status: $("end-status").value }, TEXT.closed, TEXT.closeConflict);
    busy(ev.target, false);
    if (ok) $("detail-heading").focus();
  });

  // ---------- choices: canned replies, colleagues, end statuses; today's bookings ----------

  let canned = [];
  async function loadChoices() {
    const [replies, colleagues, ends] = await Promise.all([
      api("canned").catch(() => []), api("colleagues").catch(() => []), api("end-statuses").catch(() => []),
    ]);
    canned = Array.isArray(replies) ? replies.filter((r) => r && typeof r.text === "string") : [];
    const cannedSelect = $("canned");
    cannedSelect.replaceChildren(cannedSelect.options[0]);
    canned.forEach((r, i) => cannedSelect.append(new Option(String(r.title || r.text.slice(0, 40)), String(i))));

    const forward = $("forward-to");
    forward.replaceChildren(forward.options[0]);
    (Array.isArray(colleagues) ? colleagues : [])
      .filter((c) => c && c.email && (!state.me || c.name !== state.me.name))
      .forEach((c) => forward.append(new Option(String(c.name), String(c.email))));

    const end = $("end-status");
    end.replaceChildren(...(Array.isArray(ends) ? ends : [])
      .map((s) => new Option(label(TEXT.endStatuses, s), String(s))));
  }

  async function loadBookings() {
    let rows = [];
    try { rows = await api("bookings-today"); } catch (err) { handleBackground(err); return; }
    rows = Array.isArray(rows) ? rows : [];
    $("bookings-list").replaceChildren(...rows.map((b) => {
      const li = el("li", "booking");
      const head = el("p", "booking-head");
      const time = el("time", null, clock(b.at) || b.time);
      time.dateTime = b.at || "";
      head.append(time, document.createTextNode(` ${b.type || ""}`));
      li.append(head, el("p", "booking-meta", [b.mode, b.caseworker].filter(Boolean).join(" · ")));
      return li;
    }));
    $("bookings-list").hidden = rows.length === 0;
    $("bookings-empty").hidden = rows.length > 0;
  }

  // ---------- polling ----------

  function handleBackground(err) {
    if (!(err instanceof ApiError)) console.warn("Indbakke:", err);
  }

  function every(ms, fn) {
    let running = false;
    const tick = async () => {
      if (running || !state.me) return;
      running = true;
      try { await fn(); } catch (err) { handleBackground(err); } finally { running = false; }
    };
    state.timers.push(window.setInterval(tick, ms));
  }

  function startPolling() {
    stopPolling();
    every(POLL_QUEUE_MS, () => loadQueues(false));
    every(POLL_DETAIL_MS, () => (state.selected !== null ? loadDetail() : null));
    every(POLL_BOOKINGS_MS, loadBookings);
    every(POLL_CLOSED_MS, loadClosed);
  }
  function stopPolling() {
    state.timers.forEach((t) => window.clearInterval(t));
    state.timers = [];
  }

  // ---------- start: restore the session after a reload ----------

  setMuted(readMuted());
  (async () => {
    try {
      const me = await api("me");
      await start(me);
    } catch (err) {
      showLogin(err.status === 0 ? TEXT.network : "");
    }
  })();
})();
