// The live game's page on a student's phone. Every text from the server (names, questions,
// options, quotes) is untrusted: it is written with textContent, never as HTML.
"use strict";
(function () {
  // The page's words in the language the server chose (words.js: the teacher's --lang, else
  // the browser's Accept-Language); English, the source text, when it has none.
  const WORDS = window.QUIZ_WORDS || { lang: "en", words: {}, plurals: {} };
  function fill(text, values) {
    return text.replace(/\{(\w+)\}/g, function (all, name) {
      return values && name in values ? String(values[name]) : all;
    });
  }
  function _(text, values) { return fill(WORDS.words[text] || text, values); }
  function pluralIndex(n) {  // gettext's Plural-Forms of each language the catalogue has
    if (WORDS.lang === "lt") {
      if (n % 10 === 1 && n % 100 !== 11) return 0;
      return n % 10 >= 2 && (n % 100 < 10 || n % 100 >= 20) ? 1 : 2;
    }
    return n === 1 ? 0 : 1;
  }
  function ngettext(one, many, n, values) {
    const forms = WORDS.plurals[one];
    const text = forms ? forms[Math.min(pluralIndex(n), forms.length - 1)] : (n === 1 ? one : many);
    return fill(text, Object.assign({ n: n }, values || {}));
  }
  document.documentElement.lang = WORDS.lang;
  document.title = _("Live quiz");
  document.querySelector("#join h1").textContent = _("Join the quiz");
  document.querySelector("label[for=name]").textContent = _("Name");
  document.querySelector("label[for=pin]").textContent = _("PIN");
  document.getElementById("join-button").textContent = _("Join");

  const form = document.getElementById("join");
  const nameInput = document.getElementById("name");
  const pinRow = document.getElementById("pin-row");
  const pinInput = document.getElementById("pin");
  const joinError = document.getElementById("join-error");
  const screen = document.getElementById("screen");
  const status = document.getElementById("status");
  let ws = null;
  let code = "";
  let joined = false;
  let wait = 500;
  let timer = null;
  let last = null;

  function el(tag, text, cls) {
    const node = document.createElement(tag);
    if (text !== undefined && text !== null) node.textContent = String(text);
    if (cls) node.className = cls;
    return node;
  }
  function button(text, onClick, cls) {
    const b = el("button", text, cls);
    b.type = "button";
    b.addEventListener("click", onClick);
    return b;
  }
  const SHAPES = ["▲", "◆", "●", "■"];  // never the only cue: each option says its text
  function option(text, i, onClick) {
    const b = button(null, onClick);
    const mark = el("span", SHAPES[i % SHAPES.length] + " ", "shape");
    mark.setAttribute("aria-hidden", "true");
    b.append(mark, document.createTextNode(text));
    return b;
  }
  function key() { return "quiz-live-" + code; }
  function kept() {
    try { return JSON.parse(sessionStorage.getItem(key()) || "null"); } catch (e) { return null; }
  }
  function send(message) {
    if (ws && ws.readyState === WebSocket.OPEN) ws.send(JSON.stringify(message));
  }
  function sendAnswer(response) {
    if (!last || last.phase !== "question") return;
    status.textContent = _("Sending…");
    send({ type: "answer", question: last.index, response: response });
  }
  function clear() {
    if (timer) { clearInterval(timer); timer = null; }
    screen.replaceChildren();
  }

  function connect() {
    const scheme = location.protocol === "https:" ? "wss://" : "ws://";
    ws = new WebSocket(scheme + location.host + "/ws");
    ws.addEventListener("open", function () { wait = 500; status.textContent = ""; });
    ws.addEventListener("message", function (event) {
      let m;
      try { m = JSON.parse(event.data); } catch (e) { return; }
      receive(m);
    });
    ws.addEventListener("close", function () {
      joined = false;
      status.textContent = _("Connection lost: trying again…");
      setTimeout(connect, wait);
      wait = Math.min(wait * 2, 5000);
    });
  }

  function receive(m) {
    if (m.type === "hello") {
      code = String(m.code || "");
      pinRow.hidden = !m.pin;
      const back = kept();
      if (back && back.name) {
        send({ type: "join", name: back.name, secret: back.secret, pin: back.pin || "" });
      } else {
        form.hidden = false;
      }
    } else if (m.type === "joined") {
      joined = true;
      form.hidden = true;
      joinError.textContent = "";
      sessionStorage.setItem(key(), JSON.stringify({ name: m.name, secret: m.secret, pin: pinInput.value }));
    } else if (m.type === "refused") {
      if (!joined) {
        form.hidden = false;
        joinError.textContent = m.message;
        if (m.code === "taken" || m.code === "removed") sessionStorage.removeItem(key());
      } else {
        status.textContent = m.message;
      }
    } else if (m.type === "ack") {
      status.textContent = _("Answer sent: wait for the others.");
      if (last && last.index === m.question) { last.answered = true; render(last); }
    } else if (m.type === "removed") {
      sessionStorage.removeItem(key());
      joined = false;
      clear();
      screen.append(el("p", _("The teacher removed you from this game.")));
    } else if (m.type === "state") {
      last = m;
      render(m);
    }
  }

  function render(m) {
    clear();
    const head = el("p", m.name + " · " + ngettext("{n} point", "{n} points", m.score), "meta");
    screen.append(head);
    if (m.phase === "lobby") {
      screen.append(el("h1", _("You are in!")));
      screen.append(el("p", _("Wait for the teacher to start.")));
    } else if (m.phase === "question") {
      question(m);
    } else if (m.phase === "reveal") {
      reveal(m);
    } else if (m.phase === "leaderboard" || m.phase === "podium") {
      board(m);
    }
  }

  function question(m) {
    screen.append(el("p", _("Question {n} of {total}", { n: m.index + 1, total: m.total }), "meta"));
    screen.append(el("h1", m.prompt));
    const clock = el("p", "", "meta");
    screen.append(clock);
    let left = m.left;
    function tick() {
      clock.textContent = m.paused ? _("Paused") : _("{n} s left", { n: Math.max(0, Math.ceil(left)) });
      left -= 0.25;
    }
    tick();
    if (!m.paused) timer = setInterval(tick, 250);
    if (m.answered) {
      screen.append(el("p", _("Answer sent: wait for the others.")));
      return;
    }
    const box = el("div", null, "options");
    screen.append(box);
    if (m.shape === "one") {
      m.options.forEach(function (text, i) { box.append(option(text, i, function () { sendAnswer(i); })); });
    } else if (m.shape === "many") {
      const picked = new Set();
      m.options.forEach(function (text, i) {
        const b = option(text, i, function () {
          if (picked.has(i)) picked.delete(i); else picked.add(i);
          b.setAttribute("aria-pressed", picked.has(i) ? "true" : "false");
        });
        b.setAttribute("aria-pressed", "false");
        box.append(b);
      });
      screen.append(button(_("Send"), function () {
        sendAnswer(Array.from(picked).sort(function (a, b) { return a - b; }));
      }, "send"));
    } else if (m.shape === "order") {
      screen.append(el("p", _("Tap the options from first to last."), "meta"));
      const placed = [];
      const list = el("ol", null, "placed");
      const sendButton = button(_("Send"), function () { sendAnswer(placed.slice()); }, "send");
      sendButton.disabled = true;
      const buttons = m.options.map(function (text, i) {
        return option(text, i, function () {
          placed.push(i);
          buttons[i].disabled = true;
          list.append(el("li", text));
          sendButton.disabled = placed.length !== m.options.length;
        });
      });
      buttons.forEach(function (b) { box.append(b); });
      screen.append(list);
      screen.append(button(_("Start again"), function () {
        placed.length = 0;
        list.replaceChildren();
        buttons.forEach(function (b) { b.disabled = false; });
        sendButton.disabled = true;
      }));
      screen.append(sendButton);
    } else {
      const label = el("label", _("Answer"));
      label.htmlFor = "answer";
      const input = el("input");
      input.id = "answer";
      input.autocomplete = "off";
      input.maxLength = 200;
      if (m.shape === "number") input.inputMode = "decimal";
      screen.append(label, input);
      screen.append(button(_("Send"), function () {
        if (input.value.trim()) sendAnswer(input.value);
      }, "send"));
    }
  }

  function reveal(m) {
    const said = { right: _("Right!"), partial: _("Partly right"), wrong: _("Wrong"), blank: _("No answer") };
    screen.append(el("h1", said[m.verdict] || m.verdict, m.verdict));
    let points = ngettext("+{n} point", "+{n} points", m.points);
    if (m.bonus) points += " " + _("(+{n} streak bonus)", { n: m.bonus });
    screen.append(el("p", points));
    if (m.given !== null) screen.append(el("p", _("Your answer: {answer}", { answer: m.given })));
    screen.append(el("p", _("The answer: {answer}", { answer: m.answer })));
    if (m.rank) screen.append(el("p", _("Your place: {rank}", { rank: m.rank })));
    if (m.quote) {
      screen.append(el("h2", _("From the {noun}:", { noun: m.noun })));
      const q = el("blockquote", null, "quote");
      q.append(document.createTextNode(m.quote.before), el("mark", m.quote.marked),
               document.createTextNode(m.quote.after));
      screen.append(q);
    }
  }

  function board(m) {
    screen.append(el("h1", m.phase === "podium" ? _("Podium") : _("Leaderboard")));
    const list = el("ul");
    m.board.forEach(function (s) {
      let line = s.rank + ". " + s.name + ": " + s.score;
      if (s.climbed > 0) line += " " + _("(up {n})", { n: s.climbed });
      list.append(el("li", line));
    });
    screen.append(list);
    if (m.rank) screen.append(el("p", ngettext("Your place: {rank} with {n} point", "Your place: {rank} with {n} points", m.score, { rank: m.rank })));
  }

  form.addEventListener("submit", function (event) {
    event.preventDefault();
    joinError.textContent = "";
    send({ type: "join", name: nameInput.value, pin: pinInput.value });
  });
  connect();
})();
