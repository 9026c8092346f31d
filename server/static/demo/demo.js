// The wa-signup demo page: mounts the widget from /web/pkg/ with the options
// the server's mode calls for, shows what the server received and the events
// the widget dispatched, and drives the sandbox knobs.

const OPTION_PARAMS = ["mode", "v", "featureType", "grace", "timeout", "phoneField", "extras"];
const EVENTS = ["wa-signup:state", "wa-signup:success", "wa-signup:cancel", "wa-signup:error"];

const $ = (selector) => document.querySelector(selector);

/** Never show a Meta code, even by accident (they start with "AQ" and are long). */
function redact(key, value) {
  if (typeof value === "string" && value.length > 24 && /^AQ[A-Za-z0-9_-]+$/.test(value)) {
    return "[redacted]";
  }
  return value;
}

function readOptions() {
  const q = new URLSearchParams(location.search);
  return {
    mode: q.get("mode") === "redirect" ? "redirect" : "popup",
    v: q.get("v") === "3" ? 3 : 4,
    featureType: q.get("featureType") || "",
    grace: q.get("grace") || "",
    timeout: q.get("timeout") || "",
    phoneField: q.get("phoneField") === "1",
    // Meta's extras as JSON text (pre-filled screens, solution id, features).
    extras: q.get("extras") || "",
  };
}

/** The page URL carrying only the option parameters (the redirect URI). */
function optionUrl(options) {
  const q = new URLSearchParams();
  if (options.mode !== "popup") q.set("mode", options.mode);
  if (options.v !== 4) q.set("v", String(options.v));
  if (options.featureType) q.set("featureType", options.featureType);
  if (options.grace) q.set("grace", options.grace);
  if (options.timeout) q.set("timeout", options.timeout);
  if (options.phoneField) q.set("phoneField", "1");
  if (options.extras) q.set("extras", options.extras);
  const query = q.toString();
  return location.origin + location.pathname + (query ? "?" + query : "");
}

function widgetOptions(page, options) {
  const w = page.widget;
  const opts = {
    appId: w.appId,
    configId: w.configId,
    graphApiVersion: w.graphApiVersion,
    callbackUrl: location.origin + w.callbackPath,
    mode: options.mode,
    phoneField: options.phoneField,
  };
  if (w.sdkUrl) opts.sdkUrl = w.sdkUrl;
  if (w.allowedOrigins) opts.allowedOrigins = w.allowedOrigins;
  if (options.v === 3) opts.sessionInfoVersion = 3;
  if (options.featureType) opts.featureType = options.featureType;
  if (options.grace !== "") opts.sessionGraceMs = Number(options.grace);
  if (options.timeout !== "") opts.timeoutMs = Number(options.timeout);
  if (options.extras) {
    try {
      opts.extras = JSON.parse(options.extras);
    } catch (e) {
      opts.extras = options.extras; // refused by mount() with a typed error, shown on the page
    }
  }
  if (options.mode === "redirect" || page.redirectSupported) opts.redirectUri = optionUrl(options);
  return opts;
}

function describeMode(page) {
  const badge = $("#mode-badge");
  const text = $("#mode-text");
  if (page.metaMode === "sandbox") {
    badge.textContent = "Sandbox: simulated Meta";
    text.textContent =
      "No Meta app needed: the button opens a simulated signup dialog on " +
      page.dialogOrigin +
      ". The code it returns is posted once to this server, which answers like a real platform.";
  } else if (page.metaMode === "facebook") {
    badge.textContent = "facebook mode (e2e)";
    badge.classList.add("facebook");
    text.textContent =
      "Simulated facebook.com over TLS: the widget runs with its production SDK URL and origin allowlist.";
  } else {
    badge.textContent = "Meta's real SDK";
    badge.classList.add("real");
    text.textContent = "Uses Meta's real SDK and dialog with your app and configuration ids.";
  }
  if (page.proxy) {
    text.textContent += " Callbacks are forwarded to " + page.proxy.upstream + " with the admin key added server-side.";
  }
  if (page.direct) {
    text.textContent +=
      " Direct mode: the server exchanges the code with Meta's Graph API at " + page.direct.graph +
      ", checks the ids with debug_token, subscribes the app and registers the number.";
  }
}

function logEvent(name, detail) {
  const li = document.createElement("li");
  const time = new Date().toISOString().slice(11, 23);
  const strong = document.createElement("strong");
  strong.textContent = name;
  const code = document.createElement("code");
  code.textContent = detail === undefined ? "" : " " + JSON.stringify(detail, redact);
  li.append(time + " ", strong, code);
  $("#events").prepend(li);
}

let handle = null;

async function mountWidget(page) {
  const options = readOptions();
  const form = $("#options");
  form.mode.value = options.mode;
  form.v.value = String(options.v);
  form.featureType.value = options.featureType;
  form.grace.value = options.grace;
  form.timeout.value = options.timeout;
  form.phoneField.checked = options.phoneField;
  form.mode.querySelector('option[value="redirect"]').disabled = !page.redirectSupported;

  const error = $("#mount-error");
  error.hidden = true;
  if (handle) {
    handle.destroy();
    handle = null;
  }
  const host = $("#widget");
  host.textContent = "";
  try {
    const pkg = await import("/web/pkg/wa_signup_web.js");
    await pkg.default();
    handle = pkg.mount(host, widgetOptions(page, options));
  } catch (e) {
    error.hidden = false;
    error.textContent =
      (e && e.code ? e.code + ": " : "") +
      (e && e.message ? e.message : String(e)) +
      (String(e).includes("import") || String(e).includes("fetch")
        ? " (is the widget built? run scripts/demo.sh)"
        : "");
  }
}

async function refreshReceived() {
  let data;
  try {
    const res = await fetch("/__sandbox/requests", { cache: "no-store" });
    data = await res.json();
  } catch (e) {
    return;
  }
  const body = $("#received tbody");
  body.textContent = "";
  data.requests
    .slice()
    .reverse()
    .forEach((r) => {
      const tr = document.createElement("tr");
      const cells = [
        String(r.seq),
        r.endpoint,
        String(r.status),
        r.bodyText,
        r.grant ? (r.grant.id ? "grant " + r.grant.id + ": " : "") + r.grant.result : "",
        JSON.stringify(r.response, redact),
      ];
      cells.forEach((text, i) => {
        const td = document.createElement("td");
        if (i === 3 || i === 5) {
          const code = document.createElement("code");
          code.textContent = text.length > 600 ? text.slice(0, 600) + "…" : text;
          td.append(code);
        } else {
          td.textContent = text;
        }
        if (i === 2) td.className = r.status < 400 ? "status-ok" : "status-err";
        tr.append(td);
      });
      body.append(tr);
    });
}

async function loadSandboxForm() {
  const res = await fetch("/__sandbox/control", { cache: "no-store" });
  const c = await res.json();
  const form = $("#sandbox");
  form.auto.value = c.dialog.auto || "";
  const order = ["eventsAfterCode", "omitEvents", "duplicateEvents", "noAuthResponse"].find((k) => c.dialog[k]);
  form.order.value = order || "";
  form.eventDelayMs.value = String(c.dialog.eventDelayMs || 0);
  form.callback.value = c.callback.forceStatus ? String(c.callback.forceStatus) : c.callback.delayMs ? "slow" : "";
}

async function postJson(path, body) {
  const res = await fetch(path, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify(body),
  });
  if (!res.ok) {
    const err = await res.json().catch(() => ({}));
    throw new Error((err.error && err.error.message) || "HTTP " + res.status);
  }
  return res.json();
}

function wireForms(page) {
  $("#options").addEventListener("submit", (ev) => {
    ev.preventDefault();
    const f = ev.target;
    const options = {
      mode: f.mode.value,
      v: Number(f.v.value),
      featureType: f.featureType.value,
      grace: f.grace.value,
      timeout: f.timeout.value,
      phoneField: f.phoneField.checked,
    };
    history.replaceState(null, "", optionUrl(options));
    mountWidget(page);
  });

  if (!page.sandboxControls) {
    $("#sandbox-card").hidden = true;
    return;
  }
  $("#sandbox").addEventListener("submit", async (ev) => {
    ev.preventDefault();
    const f = ev.target;
    const dialog = { eventDelayMs: Number(f.eventDelayMs.value || 0) };
    if (f.auto.value) dialog.auto = f.auto.value;
    if (f.order.value) dialog[f.order.value] = true;
    const callback = {};
    if (f.callback.value === "slow") callback.delayMs = 30000;
    else if (f.callback.value) callback.forceStatus = Number(f.callback.value);
    try {
      await postJson("/__sandbox/control", { dialog, callback });
      logEvent("sandbox", { dialog, callback });
    } catch (e) {
      logEvent("sandbox error", e.message);
    }
  });
  $("#reset").addEventListener("click", async () => {
    await postJson("/__sandbox/reset", {});
    await loadSandboxForm();
    await refreshReceived();
    logEvent("sandbox", "reset");
  });
  loadSandboxForm();
}

async function main() {
  EVENTS.forEach((name) => window.addEventListener(name, (ev) => logEvent(name, ev.detail), true));
  const page = await (await fetch("/demo-config.json", { cache: "no-store" })).json();
  window.__demoConfig = page;
  describeMode(page);
  wireForms(page);
  await mountWidget(page);
  refreshReceived();
  setInterval(() => {
    if (!document.hidden) refreshReceived();
  }, 1500);
}

main();
